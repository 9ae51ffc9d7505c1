import type { MockDbReader } from '../db/rows';
import { MockStashError } from '../errors';
import type { FilterContext } from '../filter/filterContext';
import { createFilterContext } from '../filter/filterRows';
import type { EntityRow, FilterEntity } from '../filter/types';
import { orderRows } from './orderRows';
import { RANDOM_SEED_PREFIX, randomSeed, randomSortKey } from './randomOrder';
import { searchRows } from './searchRows';
import { DEFAULT_SORT, performerAgeSort, SORT_KEYS, TIE_BREAKERS, type SortPart } from './sortKeys';

/** FindFilterType as the resolver receives it. */
export interface FindFilter {
  q?: string | null;
  page?: number | null;
  per_page?: number | null;
  sort?: string | null;
  direction?: string | null;
}

export interface FindFilterOptions {
  /** The clock (tests pin it); ignored when `ctx` is given. */
  now?: Date;
  /** The request's filter context, shared with filterRows so derived indexes are looked up once. */
  ctx?: FilterContext;
}

export interface FindResult<R> {
  items: R[];
  /** Matches before pagination. */
  count: number;
}

const DEFAULT_PER_PAGE = 25;

/** The sort a request asks for, or the entity's default; null is Stash's unordered (id order) default. */
function requestedSort(entity: FilterEntity, sort: string | null | undefined): string | null {
  return sort == null || (sort === '' && DEFAULT_SORT[entity] == null) ? DEFAULT_SORT[entity] : sort;
}

/** The ORDER BY terms of a request, or null for Stash's unordered (id order) default. */
function orderBy<E extends FilterEntity>(
  entity: E,
  requested: string | null,
  direction: 'ASC' | 'DESC',
): SortPart<EntityRow<E>>[] | null {
  if (requested == null) return null;
  const keys = SORT_KEYS[entity] as Record<string, SortPart<EntityRow<E>>[]>;
  let parts: SortPart<EntityRow<E>>[];
  if (requested === 'random' || requested.startsWith(RANDOM_SEED_PREFIX)) {
    const seed = randomSeed(requested);
    parts = [{ get: (row) => randomSortKey((row as { id: string }).id, seed) }];
  } else if (Object.prototype.hasOwnProperty.call(keys, requested)) {
    parts =
      entity === 'Scene' && requested === 'performer_age'
        ? [performerAgeSort(direction) as SortPart<EntityRow<E>>]
        : keys[requested];
  } else {
    throw new MockStashError(`invalid sort: ${requested}`);
  }
  return [...parts, ...(TIE_BREAKERS[entity] as SortPart<EntityRow<E>>[])];
}

/**
 * Applies a FindFilterType to rows that already passed the entity filter: `q` search, the sort
 * (validated against Stash's allow-list), direction (ASC unless DESC), and pagination (`page` from
 * 1, `per_page` 25 by default, negative for all). `count` is the total before pagination.
 */
export function applyFindFilter<E extends FilterEntity>(
  entity: E,
  rows: Iterable<EntityRow<E>>,
  findFilter: FindFilter | null | undefined,
  db: MockDbReader,
  options: FindFilterOptions = {},
): FindResult<EntityRow<E>> {
  const ctx = options.ctx ?? createFilterContext(db, options.now);
  const direction = findFilter?.direction === 'DESC' ? 'DESC' : 'ASC';
  // validate the sort before doing any work, as Stash does
  const sort = requestedSort(entity, findFilter?.sort);
  const parts = orderBy(entity, sort, direction);
  const all = Array.isArray(rows) ? (rows as EntityRow<E>[]) : [...rows];
  const matched = findFilter?.q ? searchRows(entity, all, findFilter.q, ctx) : all;
  const perPage = findFilter?.per_page ?? DEFAULT_PER_PAGE;
  const page = findFilter?.page == null || findFilter.page < 1 ? 1 : findFilter.page;
  const end = perPage < 0 ? Infinity : page * perPage;
  // `random` without a seed draws a new order per request; every other sort is deterministic
  const sortId = sort === null || sort === 'random' ? null : sort;
  const ordered = parts ? orderRows(entity, matched, parts, direction, ctx, sortId, end) : matched;
  const items = perPage < 0 ? ordered.slice() : ordered.slice((page - 1) * perPage, end);
  return { items, count: matched.length };
}
