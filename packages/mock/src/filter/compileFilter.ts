import { MockStashError } from '../errors';
import type { FilterContext } from './filterContext';
import { FILTER_TYPE_NAME, type FilterEntity, type FilterInput, type Predicate } from './types';

/** Compiles one filter field's input; null means the input adds no condition (e.g. an empty id list). */
export type FieldCompiler<R> = (input: any, ctx: FilterContext, field: string) => Predicate<R> | null;

/** Every field of an entity's filter type: a compiler, or `unimplemented` (an explicit error). */
export type FieldTable<R> = Record<string, FieldCompiler<R> | 'unimplemented'>;

const OPERATORS = ['AND', 'OR', 'NOT'] as const;

/** Stash's validateFilterCombination: at most one of AND / OR / NOT per level. */
function validateCombination(filter: FilterInput): void {
  const present = OPERATORS.filter((op) => filter[op] != null);
  if (present.length > 1) {
    throw new MockStashError(`cannot have ${present[0]} and ${present[1]} in the same filter`);
  }
}

export function andAll<R>(preds: Predicate<R>[]): Predicate<R> | null {
  if (preds.length === 0) return null;
  if (preds.length === 1) return preds[0];
  return (row) => {
    for (const p of preds) if (!p(row)) return false;
    return true;
  };
}

/**
 * Compiles an entity filter into one predicate (null: matches everything). Criteria of one level are
 * ANDed; the level then combines with its sub-filter as Stash's filterBuilder does: `this AND sub`,
 * `this OR sub`, `this AND NOT sub`, where an empty level leaves just `sub` (or `NOT sub`).
 */
export function compileFilter<R>(
  entity: FilterEntity,
  table: FieldTable<R>,
  filter: FilterInput | null | undefined,
  ctx: FilterContext,
  options: { operators: boolean } = { operators: true },
): Predicate<R> | null {
  if (filter == null) return null;
  if (typeof filter !== 'object' || Array.isArray(filter)) {
    throw new MockStashError(`MockStash: ${FILTER_TYPE_NAME[entity]} must be an object`);
  }
  let op: (typeof OPERATORS)[number] | null = null;
  let sub: Predicate<R> | null = null;
  if (options.operators) {
    validateCombination(filter);
    op = OPERATORS.find((o) => filter[o] != null) ?? null;
    if (op) sub = ctx.compile(entity, filter[op], ctx);
  }
  const own: Predicate<R>[] = [];
  for (const [field, input] of Object.entries(filter)) {
    if (options.operators && (OPERATORS as readonly string[]).includes(field)) continue;
    if (input == null) continue;
    const compiler = Object.prototype.hasOwnProperty.call(table, field) ? table[field] : undefined;
    if (compiler === undefined) {
      throw new MockStashError(`MockStash: unknown filter field ${field} for ${FILTER_TYPE_NAME[entity]}`);
    }
    if (compiler === 'unimplemented') {
      throw new MockStashError(`MockStash: filter field ${field} is not implemented`);
    }
    const p = compiler(input, ctx, field);
    if (p) own.push(p);
  }
  const level = andAll(own);
  if (!op || !sub) return level;
  const s = sub;
  if (op === 'NOT') return level ? (row) => level(row) && !s(row) : (row) => !s(row);
  if (!level) return s;
  return op === 'AND' ? (row) => level(row) && s(row) : (row) => level(row) || s(row);
}
