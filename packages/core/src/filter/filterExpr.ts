/**
 * The filter IR: a plain boolean expression over compiled criteria. The DSL parser builds it and
 * `nestFilter` turns it into Stash's nested filter input; it is plain data, so other consumers (a
 * local matcher, a query hash) can read it too.
 */

/** One filter-input entry, already compiled: `rating100` → `{ value: 59, modifier: 'GREATER_THAN' }`. */
export interface FilterAtom {
  kind: 'atom';
  /** Field of the entity filter input (`rating100`, `performers_filter`, `organized`). */
  key: string;
  /** The value sent for that field. */
  value: unknown;
}

export interface FilterAnd {
  kind: 'and';
  /** All must hold; no items is "match everything". */
  items: FilterExpr[];
}

export interface FilterOr {
  kind: 'or';
  /** At least one must hold (never empty). */
  items: FilterExpr[];
}

export interface FilterNot {
  kind: 'not';
  item: FilterExpr;
}

export type FilterExpr = FilterAtom | FilterAnd | FilterOr | FilterNot;

export function atom(key: string, value: unknown): FilterAtom {
  return { kind: 'atom', key, value };
}

export function and(...items: FilterExpr[]): FilterAnd {
  return { kind: 'and', items };
}

export function or(...items: FilterExpr[]): FilterOr {
  return { kind: 'or', items };
}

export function not(item: FilterExpr): FilterNot {
  return { kind: 'not', item };
}

/** "Match everything": an empty conjunction. */
export function isTrue(expr: FilterExpr): boolean {
  return expr.kind === 'and' && expr.items.length === 0;
}
