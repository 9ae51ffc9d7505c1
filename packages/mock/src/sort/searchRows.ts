import { derived, isTableRows } from '../db/derivedCache';
import { asciiLower, foldedContainsMatcher } from '../filter/likePattern';
import type { FilterContext } from '../filter/filterContext';
import type { EntityRow, FilterEntity } from '../filter/types';
import { parseSearchString } from './parseSearchString';
import { SEARCH_COLUMNS } from './searchColumns';

/**
 * The folded (ASCII lower-case) search values of a row, computed on first use and kept per db version:
 * a `q` search over 100,000 scenes then reads prepared strings instead of joining files and markers.
 */
function searchValues<E extends FilterEntity>(
  entity: E,
  ctx: FilterContext,
): (row: EntityRow<E>) => string[] {
  const columns = SEARCH_COLUMNS[entity] as (
    row: EntityRow<E>,
    ctx: FilterContext,
  ) => (string | null | undefined)[];
  const cache = derived(ctx.db, `search:${entity}`, () => new Map<EntityRow<E>, string[]>());
  return (row) => {
    let values = cache.get(row);
    if (values === undefined) {
      values = [];
      for (const v of columns(row, ctx)) if (v != null) values.push(asciiLower(v));
      cache.set(row, values);
    }
    return values;
  };
}

/**
 * The rows matching `q` as Stash searches: each term must appear in some search column, no excluded
 * term anywhere, one of each OR-set. Null when `q` has no terms (every row matches).
 */
export function searchFilter<E extends FilterEntity>(
  entity: E,
  q: string,
  ctx: FilterContext,
): ((row: EntityRow<E>) => boolean) | null {
  const specs = parseSearchString(q);
  if (specs.mustHave.length === 0 && specs.mustNot.length === 0 && specs.anySets.length === 0) return null;
  const valuesOf = searchValues(entity, ctx);
  const matchers = new Map<string, (v: string) => boolean>();
  for (const t of [...specs.mustHave, ...specs.mustNot, ...specs.anySets.flat()])
    matchers.set(t, foldedContainsMatcher(t));
  return (row) => {
    const values = valuesOf(row);
    const has = (t: string) => values.some(matchers.get(t)!);
    return (
      specs.mustHave.every(has) && !specs.mustNot.some(has) && specs.anySets.every((set) => set.some(has))
    );
  };
}

/** Searches over a whole table kept per db version (paging through one search repeats it). */
const KEPT_SEARCHES = 16;

/**
 * `rows` filtered by `q` (all of them when `q` is empty or has no terms). The result may be shared
 * with later calls: callers must not modify it.
 */
export function searchRows<E extends FilterEntity>(
  entity: E,
  rows: readonly EntityRow<E>[],
  q: string | null | undefined,
  ctx: FilterContext,
): readonly EntityRow<E>[] {
  const search = q ? searchFilter(entity, q, ctx) : null;
  if (!search) return rows;
  if (!isTableRows(ctx.db, entity, rows)) return rows.filter(search);
  const kept = derived(ctx.db, `searches:${entity}`, () => new Map<string, readonly EntityRow<E>[]>());
  let found = kept.get(q!);
  if (found === undefined) {
    found = rows.filter(search);
    if (kept.size >= KEPT_SEARCHES) kept.delete(kept.keys().next().value!);
    kept.set(q!, found);
  }
  return found;
}
