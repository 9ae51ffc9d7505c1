import type { MockDb } from '../db/MockDb';
import type { RowsByTable } from '../db/rows';
import type { FilterEntity } from '../filter/types';
import { applyFindFilter, createFilterContext, filterRows, searchRows, tableRows } from './engineImports';

export interface FindFilterInput {
  q?: string | null;
  page?: number | null;
  per_page?: number | null;
  sort?: string | null;
  direction?: string | null;
}

/** One page of a list query, plus lazy access to every match (for `duration`, `filesize`, ...). */
export interface ListResult<R> {
  items: R[];
  count: number;
  /** All rows matching the entity filter and `q`, unpaginated (may be shared: read only). */
  matched(): readonly R[];
}

/**
 * Runs a `find*` list: the entity filter, then `q`/sort/pagination (both from the filter/sort
 * engine, which throws Stash's errors). Aggregates over all matches are computed only on demand.
 */
export function runList<E extends FilterEntity>(
  entity: E,
  entityFilter: object | null | undefined,
  findFilter: FindFilterInput | null | undefined,
  db: MockDb,
): ListResult<RowsByTable[E]> {
  // one context per request: filtering, search and sort keys share its derived look-ups
  const ctx = createFilterContext(db);
  const all = tableRows(db, entity) as RowsByTable[E][];
  const filtered =
    entityFilter == null ? all : (filterRows(entity, all, entityFilter, db, { ctx }) as RowsByTable[E][]);
  const page = applyFindFilter(entity, filtered, findFilter, db, { ctx });
  let matched: readonly RowsByTable[E][] | null = null;
  return {
    items: page.items as RowsByTable[E][],
    count: page.count,
    matched() {
      matched ??= findFilter?.q
        ? (searchRows(entity, filtered, findFilter.q, ctx) as RowsByTable[E][])
        : filtered;
      return matched;
    },
  };
}

/** A list built from explicit ids (`find*(ids)`): no filter, no pagination, count = length. */
export function idListResult<R>(rows: R[]): ListResult<R> {
  return { items: rows, count: rows.length, matched: () => rows };
}
