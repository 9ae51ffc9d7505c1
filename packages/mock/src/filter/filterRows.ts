import type { MockDbReader } from '../db/rows';
import { compileFilter, type FieldTable } from './compileFilter';
import { fileFields, folderFields } from './fileFields';
import { FilterContext } from './filterContext';
import { galleryFields } from './galleryFields';
import { groupFields } from './groupFields';
import { imageFields } from './imageFields';
import { performerFields } from './performerFields';
import { sceneFields } from './sceneFields';
import { sceneMarkerFields } from './sceneMarkerFields';
import { studioFields } from './studioFields';
import { tagFields } from './tagFields';
import type { EntityRow, FilterEntity, FilterInput, Predicate } from './types';

const FIELD_TABLES: { [E in FilterEntity]: FieldTable<EntityRow<E>> } = {
  Scene: sceneFields,
  Performer: performerFields,
  Studio: studioFields,
  Tag: tagFields,
  Gallery: galleryFields,
  Image: imageFields,
  Group: groupFields,
  SceneMarker: sceneMarkerFields,
  File: fileFields,
  Folder: folderFields,
};

/** The filter fields the engine evaluates per entity (for docs and completeness tests). */
export function filterFields(entity: FilterEntity): string[] {
  return Object.entries(FIELD_TABLES[entity])
    .filter(([, c]) => c !== 'unimplemented')
    .map(([k]) => k);
}

function compileEntity(
  entity: FilterEntity,
  filter: FilterInput | null | undefined,
  ctx: FilterContext,
): Predicate<any> | null {
  return compileFilter(entity, FIELD_TABLES[entity] as FieldTable<any>, filter, ctx, {
    operators: entity !== 'SceneMarker',
  });
}

/** A context for reading derived data (inverse links, counts) outside a filter, e.g. for sorting. */
export function createFilterContext(db: MockDbReader, now: Date = new Date()): FilterContext {
  return new FilterContext(db, compileEntity, now);
}

export interface FilterOptions {
  /** The clock for relative timestamps, ages and BETWEEN defaults (tests pin it); ignored with `ctx`. */
  now?: Date;
  /** A context from createFilterContext, to share derived look-ups with applyFindFilter in one request. */
  ctx?: FilterContext;
}

/**
 * Compiles a Stash object filter (SceneFilterType, …) into a predicate. Errors (bad modifiers,
 * AND+OR at one level, invalid regexes, unimplemented fields) are thrown here, before any row is read.
 */
export function compileEntityFilter<E extends FilterEntity>(
  entity: E,
  filter: FilterInput | null | undefined,
  db: MockDbReader,
  options: FilterOptions = {},
): Predicate<EntityRow<E>> {
  const ctx = options.ctx ?? new FilterContext(db, compileEntity, options.now ?? new Date());
  return compileEntity(entity, filter, ctx) ?? (() => true);
}

/**
 * The rows of `entity` that match `entityFilter` (Stash semantics), in their given order. The
 * filter is compiled once, then run over the rows.
 */
export function filterRows<E extends FilterEntity>(
  entity: E,
  rows: Iterable<EntityRow<E>>,
  entityFilter: FilterInput | null | undefined,
  db: MockDbReader,
  options: FilterOptions = {},
): EntityRow<E>[] {
  const all = Array.isArray(rows) ? (rows as EntityRow<E>[]) : [...rows];
  if (entityFilter == null) return all.slice();
  const test = compileEntityFilter(entity, entityFilter, db, options);
  return all.filter((row) => test(row));
}
