import type { MockDb } from '../../db/MockDb';
import type { StashIdRow, TableName } from '../../db/rows';
import { MockStashError } from '../../errors';
import { rfc3339 } from '../../data/generateDataset';
import { toId, toIds } from '../ids';

/**
 * Stash's update semantics over a coerced GraphQL input: a key that is absent leaves the field
 * unchanged, a key present with null clears it, lists replace. graphql-js omits absent keys from
 * coerced input objects, so `key in input` is exactly gqlgen's `hasField`.
 */
export type Input = Record<string, any>;

export const has = (input: Input, key: string): boolean => Object.prototype.hasOwnProperty.call(input, key);

/** Strings are trimmed, as Stash's changeset translator does. */
export function trimmed(value: unknown): unknown {
  return typeof value === 'string' ? value.trim() : value;
}

const ENTITY_WORD: Partial<Record<TableName, string>> = {
  Scene: 'scene',
  Performer: 'performer',
  Studio: 'studio',
  Tag: 'tag',
  Gallery: 'gallery',
  Image: 'image',
  Group: 'group',
  SceneMarker: 'scene marker',
  GalleryChapter: 'gallery chapter',
  SavedFilter: 'saved filter',
  File: 'file',
};

export function notFound(table: TableName, id: string): MockStashError {
  return new MockStashError(`${ENTITY_WORD[table] ?? table} with id ${id} not found`);
}

/** Loads a row by (unconverted) id or fails as Stash does. */
export function mustGet<T extends TableName>(db: MockDb, table: T, rawId: unknown) {
  const id = toId(rawId);
  const row = db.get(table, id);
  if (!row) throw notFound(table, id);
  return row;
}

/** Converts related ids and checks they exist (Stash's foreign keys would refuse them). */
export function relatedIds(
  db: MockDb,
  table: TableName,
  values: unknown[] | null | undefined,
  field: string,
): string[] {
  const ids = [...new Set(toIds(values, field))];
  for (const id of ids) if (!db.get(table, id)) throw notFound(table, id);
  return ids;
}

export function relatedId(db: MockDb, table: TableName, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const id = toId(value);
  if (!db.get(table, id)) throw notFound(table, id);
  return id;
}

/** BulkUpdateIds / BulkUpdateStrings: SET replaces, ADD unions (keeping order), REMOVE subtracts. */
export function applyBulk<T>(current: readonly T[], values: readonly T[], mode: string): T[] {
  switch (mode) {
    case 'SET':
      return [...new Set(values)];
    case 'ADD':
      return [...current, ...values.filter((v) => !current.includes(v))].filter(
        (v, i, a) => a.indexOf(v) === i,
      );
    case 'REMOVE':
      return current.filter((v) => !values.includes(v));
    default:
      throw new MockStashError(`invalid bulk update mode: ${mode}`);
  }
}

export function stashIds(
  values: { endpoint: string; stash_id: string; updated_at?: string | null }[] | null,
): StashIdRow[] {
  return (values ?? []).map((v) => ({
    endpoint: v.endpoint.trim(),
    stash_id: v.stash_id.trim(),
    updated_at: v.updated_at ?? rfc3339(Date.now()),
  }));
}

/** Copies present scalar keys (trimmed; null clears) into the patch. */
export function scalars(input: Input, keys: readonly string[], patch: Input): void {
  for (const key of keys) if (has(input, key)) patch[key] = trimmed(input[key]) ?? null;
}

/** Present string lists replace; null or [] clears. */
export function stringLists(input: Input, keys: Record<string, string>, patch: Input): void {
  for (const [key, field] of Object.entries(keys)) {
    if (has(input, key)) patch[field] = (input[key] ?? []).map((s: string) => s.trim());
  }
}

/** `url` (deprecated single URL) applies only when `urls` is absent, as in Stash. */
export function legacyUrl(input: Input, patch: Input): void {
  if (has(input, 'url') && !has(input, 'urls')) patch.urls = input.url ? [String(input.url).trim()] : [];
}

/** `ids` of a bulk input, converted; unknown ids fail the whole batch. */
export function bulkTargets(db: MockDb, table: TableName, values: unknown[] | null | undefined): string[] {
  return relatedIds(db, table, values, 'ids');
}
