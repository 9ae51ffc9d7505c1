/** Filter DSL: compile Django-style filters and find options into Stash inputs. */

// Compilers
export { compileFilter, filterTypeOf, parseFilterExpr } from './compileFilter';
export { compileFindFilter, type FindFilterOptions } from './compileFindFilter';
export { nestFilter } from './nestFilter';

// IR
export {
  atom,
  and,
  or,
  not,
  type FilterExpr,
  type FilterAtom,
  type FilterAnd,
  type FilterOr,
  type FilterNot,
} from './filterExpr';

// Tables
export { SORT_KEYS } from './sortKeys';
export { RESOLUTION_RANGES } from './choiceCriterion';

// Types
export type { FilterInput, FilterableType, StashFilter, DslOf } from './filterTypes';
