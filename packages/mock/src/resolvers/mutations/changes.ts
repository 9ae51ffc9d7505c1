import type { MockDb } from '../../db/MockDb';
import { nowTime } from '../../db/MockDb';
import type { RowsByTable, StashIdRow, TableName } from '../../db/rows';
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

/**
 * A BulkUpdateIds field: the related table and the word used in errors. With `current`, the result
 * is not a column of the row but is handed to `prepare`/`after` in `lists` (links stored elsewhere).
 */
export type BulkIdList<R> = readonly [
  table: TableName,
  field: string,
  current?: (row: R) => readonly string[],
];

export interface BulkSpec<R> {
  scalars?: readonly string[];
  /** Booleans where null means false. */
  flags?: readonly string[];
  legacyUrl?: boolean;
  /** Single related ids (null clears), e.g. `studio_id: 'Studio'`. */
  idFields?: Record<string, TableName>;
  /** Further shared fields, validated once before any row changes. */
  shared?: (shared: Input) => void;
  /** BulkUpdateStrings fields, applied per row in this order before the id lists. */
  stringLists?: readonly string[];
  /** BulkUpdateIds fields, validated up front and applied per row in this order. */
  idLists?: Record<string, BulkIdList<R>>;
  /** Per-row changes to the patch (and checks) before the row is written. */
  prepare?: (row: R, patch: Input, lists: Record<string, string[]>) => void;
  /** Per-row writes to other rows after this one is written. */
  after?: (id: string, lists: Record<string, string[]>, now: string) => void;
}

/** The shape of every `bulk*Update`: targets, shared fields, related ids, then per-row list modes. */
export function bulkUpdate<T extends TableName>(
  db: MockDb,
  table: T,
  input: Input,
  spec: BulkSpec<RowsByTable[T]>,
): RowsByTable[T][] {
  const ids = bulkTargets(db, table, input.ids);
  const shared: Input = {};
  scalars(input, spec.scalars ?? [], shared);
  for (const flag of spec.flags ?? []) if (has(input, flag)) shared[flag] = input[flag] ?? false;
  if (spec.legacyUrl) legacyUrl(input, shared);
  for (const [key, target] of Object.entries(spec.idFields ?? {})) {
    if (has(input, key)) shared[key] = relatedId(db, target, input[key]);
  }
  spec.shared?.(shared);
  const idLists = Object.entries(spec.idLists ?? {});
  const related: Record<string, string[]> = {};
  for (const [key, [target, field]] of idLists) {
    if (input[key]) related[key] = relatedIds(db, target, input[key].ids, field);
  }
  const now = nowTime();
  return ids.map((id) => {
    const row = db.get(table, id)!;
    const current = row as Input;
    const patch: Input = { ...shared };
    for (const key of spec.stringLists ?? []) {
      if (input[key]) patch[key] = applyBulk(current[key], input[key].values ?? [], input[key].mode);
    }
    const lists: Record<string, string[]> = {};
    for (const [key, [, , from]] of idLists) {
      if (!related[key]) continue;
      const next = applyBulk(from ? from(row) : current[key], related[key], input[key].mode);
      if (from) lists[key] = next;
      else patch[key] = next;
    }
    spec.prepare?.(row, patch, lists);
    const written = db.touch(table, id, patch as Partial<RowsByTable[T]>, now);
    if (!spec.after) return written;
    spec.after(id, lists, now);
    return db.get(table, id)!;
  });
}
