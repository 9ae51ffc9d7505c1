/** Filter DSL: compile Django-style filters and find options into Stash inputs. */

// Compilers
export { compileFilter, parseFilterExpr } from './compileFilter';
export { compileFindFilter, type FindFilterOptions } from './compileFindFilter';
export { nestFilter } from './nestFilter';

// IR
export type { FilterExpr, FilterAtom, FilterAnd, FilterOr, FilterNot } from './filterExpr';

// Tables
export { SORT_KEYS } from './sortKeys';

// Types
export type { FilterInput, FilterableType, StashFilter, DslOf } from './filterTypes';
