import { cachesDerived, derived, isTableRows, peekDerived } from '../db/derivedCache';
import type { FilterContext } from '../filter/filterContext';
import type { EntityRow, FilterEntity } from '../filter/types';
import { naturalCompareFolded } from './naturalCompare';
import type { SortPart, SortValue } from './sortKeys';

type Direction = 'ASC' | 'DESC';

interface Decorated<R> {
  row: R;
  index: number;
  keys: SortValue[];
}

/** A table's rows in one sort order, and each row's place in it. */
interface CachedOrder<R> {
  order: R[];
  rank: Map<R, number>;
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

/** Rows with their sort keys computed once (keys can be derived values: counts, joins). */
function decorate<R>(rows: readonly R[], parts: SortPart<R>[], ctx: FilterContext): Decorated<R>[] {
  const out: Decorated<R>[] = new Array(rows.length);
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index];
    const keys: SortValue[] = new Array(parts.length);
    for (let i = 0; i < parts.length; i++) {
      const v = parts[i].get(row, ctx);
      keys[i] = parts[i].natural && typeof v === 'string' ? v.toLowerCase() : v;
    }
    out[index] = { row, index, keys };
  }
  return out;
}

/** The ORDER BY comparator; the input position breaks remaining ties, so the order is total. */
function comparator<R>(parts: SortPart<R>[], direction: Direction) {
  const signs = parts.map((p) => ((p.fixed ?? direction) === 'DESC' ? -1 : 1));
  const natural = parts.map((p) => p.natural === true);
  return (a: Decorated<R>, b: Decorated<R>): number => {
    for (let i = 0; i < signs.length; i++) {
      const c = compareValues(a.keys[i], b.keys[i], natural[i]);
      if (c !== 0) return c * signs[i];
    }
    return a.index - b.index;
  };
}

/** The `k` first entries in comparator order, with a bounded max-heap: O(n log k) instead of a full sort. */
function smallest<T>(items: T[], k: number, cmp: (a: T, b: T) => number): T[] {
  const heap: T[] = [];
  const swap = (i: number, j: number) => {
    const t = heap[i];
    heap[i] = heap[j];
    heap[j] = t;
  };
  for (const item of items) {
    if (heap.length < k) {
      heap.push(item);
      for (let i = heap.length - 1; i > 0;) {
        const parent = (i - 1) >> 1;
        if (cmp(heap[i], heap[parent]) <= 0) break;
        swap(i, parent);
        i = parent;
      }
    } else if (cmp(item, heap[0]) < 0) {
      heap[0] = item;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let top = i;
        if (l < heap.length && cmp(heap[l], heap[top]) > 0) top = l;
        if (r < heap.length && cmp(heap[r], heap[top]) > 0) top = r;
        if (top === i) break;
        swap(i, top);
        i = top;
      }
    }
  }
  return heap.sort(cmp);
}

/**
 * Rows in ORDER BY order (ties in input order). With `limit`, only the first `limit` rows are
 * guaranteed (a top-k selection); the result may be shorter than the input then.
 */
export function sortRows<R>(
  rows: readonly R[],
  parts: SortPart<R>[],
  direction: Direction,
  ctx: FilterContext,
  limit = Infinity,
): R[] {
  if (limit <= 0) return [];
  const decorated = decorate(rows, parts, ctx);
  const cmp = comparator(parts, direction);
  const sorted = limit < decorated.length ? smallest(decorated, limit, cmp) : decorated.sort(cmp);
  return sorted.map((d) => d.row);
}

/** Each current row of the table and its position (table order is id order). */
function tablePositions<E extends FilterEntity>(entity: E, ctx: FilterContext): Map<EntityRow<E>, number> {
  return derived(ctx.db, `positions:${entity}`, () => {
    const positions = new Map<EntityRow<E>, number>();
    let i = 0;
    for (const row of ctx.db.table(entity).values()) positions.set(row as EntityRow<E>, i++);
    return positions;
  });
}

/** Whether `rows` are current rows of the table, in table order (what filterRows returns). */
function inTableOrder<E extends FilterEntity>(entity: E, rows: readonly EntityRow<E>[], ctx: FilterContext) {
  if (isTableRows(ctx.db, entity, rows)) return true;
  const positions = tablePositions(entity, ctx);
  let last = -1;
  for (const row of rows) {
    const p = positions.get(row);
    if (p === undefined || p <= last) return false;
    last = p;
  }
  return true;
}

/** The first `limit` rows of `rows` in a cached table order. */
function restrict<R>(cached: CachedOrder<R>, rows: readonly R[], limit: number): R[] {
  if (rows.length === cached.order.length) return cached.order;
  if (rows.length * 8 < cached.order.length) {
    // few rows: sort their places in the cached order
    const ranks = new Float64Array(rows.length);
    for (let i = 0; i < rows.length; i++) ranks[i] = cached.rank.get(rows[i])!;
    ranks.sort();
    const out: R[] = new Array(Math.min(limit, ranks.length));
    for (let i = 0; i < out.length; i++) out[i] = cached.order[ranks[i]];
    return out;
  }
  const members = new Set(rows);
  const out: R[] = [];
  for (const row of cached.order) {
    if (!members.has(row)) continue;
    out.push(row);
    if (out.length >= limit) break;
  }
  return out;
}

/**
 * `rows` (a subset of the entity's table) in ORDER BY order; at least the first `limit` are exact.
 * A deterministic sort (`sortId` not null) of rows in table order is answered from the whole table's
 * order, cached per db version: the subset's order is the table order restricted to it, because both
 * break ties by table position. The table order is built when a sort is asked for a second time at a
 * version, or when most of the table is to be sorted anyway; one-off sorts use a top-k selection.
 */
export function orderRows<E extends FilterEntity>(
  entity: E,
  rows: readonly EntityRow<E>[],
  parts: SortPart<EntityRow<E>>[],
  direction: Direction,
  ctx: FilterContext,
  sortId: string | null,
  limit: number,
): readonly EntityRow<E>[] {
  const db = ctx.db;
  if (sortId !== null && cachesDerived(db) && rows.length > 0) {
    const key = `order:${entity}:${sortId}:${direction}`;
    let cached = peekDerived<CachedOrder<EntityRow<E>>>(db, key);
    if (!cached) {
      const asked = derived(db, 'order-requests', () => new Map<string, number>());
      const times = (asked.get(key) ?? 0) + 1;
      asked.set(key, times);
      const size = db.table(entity).size;
      if (rows.length * 4 >= size && (times > 1 || limit * 2 >= rows.length)) {
        cached = derived(db, key, () => {
          const order = sortRows([...db.table(entity).values()] as EntityRow<E>[], parts, direction, ctx);
          return { order, rank: new Map(order.map((row, i) => [row, i])) };
        });
      }
    }
    if (cached && inTableOrder(entity, rows, ctx)) return restrict(cached, rows, limit);
  }
  return sortRows(rows, parts, direction, ctx, limit);
}
