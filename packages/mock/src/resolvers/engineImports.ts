// The filter/sort engine (packages/mock/src/filter, packages/mock/src/sort), owned by its own module.
export { createFilterContext, filterRows } from '../filter/filterRows';
export { applyFindFilter } from '../sort/applyFindFilter';
export { searchRows } from '../sort/searchRows';
export { tableRows } from '../db/derivedCache';
