import { derived } from '../db/derivedCache';
import { asciiLower, containsMatcher } from '../filter/likePattern';
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
    matchers.set(t, containsMatcher(t));
  return (row) => {
    const values = valuesOf(row);
    const has = (t: string) => values.some(matchers.get(t)!);
    return (
      specs.mustHave.every(has) && !specs.mustNot.some(has) && specs.anySets.every((set) => set.some(has))
    );
  };
}

/** `rows` filtered by `q` (all of them, in a new array, when `q` is empty or has no terms). */
export function searchRows<E extends FilterEntity>(
  entity: E,
  rows: readonly EntityRow<E>[],
  q: string | null | undefined,
  ctx: FilterContext,
): EntityRow<E>[] {
  const search = q ? searchFilter(entity, q, ctx) : null;
  return search ? rows.filter(search) : rows.slice();
}
