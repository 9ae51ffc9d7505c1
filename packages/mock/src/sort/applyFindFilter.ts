import type { MockDbReader } from '../db/rows';
import { MockStashError } from '../errors';
import { asciiLower, containsMatcher } from '../filter/likePattern';
import type { FilterContext } from '../filter/filterContext';
import { createFilterContext } from '../filter/filterRows';
import type { EntityRow, FilterEntity } from '../filter/types';
import { naturalCompareFolded } from './naturalCompare';
import { parseSearchString } from './parseSearchString';
import { RANDOM_SEED_PREFIX, randomSeed, randomSortKey } from './randomOrder';
import { SEARCH_COLUMNS } from './searchColumns';
import {
  DEFAULT_SORT,
  performerAgeSort,
  SORT_KEYS,
  TIE_BREAKERS,
  type SortPart,
  type SortValue,
} from './sortKeys';

/** FindFilterType as the resolver receives it. */
export interface FindFilter {
  q?: string | null;
  page?: number | null;
  per_page?: number | null;
  sort?: string | null;
  direction?: string | null;
}

export interface FindResult<R> {
  items: R[];
  /** Matches before pagination. */
  count: number;
}

const DEFAULT_PER_PAGE = 25;

/** `q`: each term must appear in some search column, no excluded term anywhere, one of each OR-set. */
function searchFilter<E extends FilterEntity>(
  entity: E,
  q: string,
  ctx: FilterContext,
): ((row: EntityRow<E>) => boolean) | null {
  const specs = parseSearchString(q);
  if (specs.mustHave.length === 0 && specs.mustNot.length === 0 && specs.anySets.length === 0) return null;
  const columns = SEARCH_COLUMNS[entity] as (
    row: EntityRow<E>,
    ctx: FilterContext,
  ) => (string | null | undefined)[];
  const matchers = new Map<string, (v: string) => boolean>();
  for (const t of [...specs.mustHave, ...specs.mustNot, ...specs.anySets.flat()])
    matchers.set(t, containsMatcher(t));
  return (row) => {
    const values = columns(row, ctx)
      .filter((v): v is string => v != null)
      .map(asciiLower);
    const has = (t: string) => values.some(matchers.get(t)!);
    return (
      specs.mustHave.every(has) && !specs.mustNot.some(has) && specs.anySets.every((set) => set.some(has))
    );
  };
}

/** SQLite ordering: NULL first, then numbers, then text (natural keys arrive lower-cased). */
function compareValues(a: SortValue, b: SortValue, natural: boolean): number {
  if (a === b) return 0;
  if (a == null) return -1;
  if (b == null) return 1;
  const sa = typeof a === 'string';
  const sb = typeof b === 'string';
  if (sa && sb) return natural ? naturalCompareFolded(a, b) : a < b ? -1 : a > b ? 1 : 0;
  if (sa) return 1;
  if (sb) return -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The ORDER BY terms of a request, or null for Stash's unordered (id order) default. */
function orderBy<E extends FilterEntity>(
  entity: E,
  sort: string | null | undefined,
  direction: 'ASC' | 'DESC',
): SortPart<EntityRow<E>>[] | null {
  const requested =
    sort == null || (sort === '' && DEFAULT_SORT[entity] == null) ? DEFAULT_SORT[entity] : sort;
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

function sortRows<R>(rows: R[], parts: SortPart<R>[], direction: 'ASC' | 'DESC', ctx: FilterContext): R[] {
  // decorate once: sort keys can be derived values (counts, joins)
  const fold = (v: SortValue, natural: boolean | undefined) =>
    natural && typeof v === 'string' ? v.toLowerCase() : v;
  const decorated = rows.map((row, index) => ({
    row,
    index,
    keys: parts.map((p) => fold(p.get(row, ctx), p.natural)),
  }));
  const signs = parts.map((p) => ((p.fixed ?? direction) === 'DESC' ? -1 : 1));
  const natural = parts.map((p) => p.natural === true);
  decorated.sort((a, b) => {
    for (let i = 0; i < signs.length; i++) {
      const c = compareValues(a.keys[i], b.keys[i], natural[i]);
      if (c !== 0) return c * signs[i];
    }
    return a.index - b.index;
  });
  return decorated.map((d) => d.row);
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
  options: { now?: Date } = {},
): FindResult<EntityRow<E>> {
  const ctx = createFilterContext(db, options.now);
  const direction = findFilter?.direction === 'DESC' ? 'DESC' : 'ASC';
  // validate the sort before doing any work, as Stash does
  const parts = orderBy(entity, findFilter?.sort, direction);
  let matched = Array.isArray(rows) ? (rows as EntityRow<E>[]) : [...rows];
  const q = findFilter?.q;
  if (q) {
    const search = searchFilter(entity, q, ctx);
    if (search) matched = matched.filter(search);
  }
  const ordered = parts ? sortRows(matched, parts, direction, ctx) : matched.slice();
  const perPage = findFilter?.per_page ?? DEFAULT_PER_PAGE;
  const page = findFilter?.page == null || findFilter.page < 1 ? 1 : findFilter.page;
  const items = perPage < 0 ? ordered : ordered.slice((page - 1) * perPage, page * perPage);
  return { items, count: matched.length };
}
