/**
 * `compileFilter(type, filters)`: the Django-style DSL → the entity filter input Stash takes
 * (`scene_filter: SceneFilterType`), validated against the schema model before any request.
 */
import type { SchemaModel } from '../schema/modelTypes';
import { getSchemaModel } from '../schema/schemaModel';
import { nestFilter } from './nestFilter';
import { parseFilter } from './parseFilter';
import { didYouMean } from './suggest';
import type { FilterInput, FilterableType, StashFilter } from './filterTypes';
import { filterError, show } from './values';
import type { FilterExpr } from './filterExpr';

/** The filter input type for an entity (`Scene` → `SceneFilterType`) or a filter type name itself. */
export function filterTypeOf(schema: SchemaModel, type: string): string {
  if (typeof type === 'string') {
    if (Object.hasOwn(schema.filters, type)) return type;
    if (Object.hasOwn(schema.entities, type)) {
      const filterType = schema.entities[type].list?.filterType;
      if (!filterType) throw filterError(`${type} has no filter input in Stash's schema`);
      return filterType;
    }
  }
  const known = Object.keys(schema.entities).filter((e) => schema.entities[e].list?.filterType);
  throw filterError(
    `unknown entity type ${show(type)}${typeof type === 'string' ? didYouMean(type, known) : ''}`,
  );
}

/** Parses a DSL filter into the IR (exposed for consumers that evaluate filters themselves). */
export function parseFilterExpr(
  type: string,
  filters: unknown,
  schema: SchemaModel = getSchemaModel(),
): FilterExpr {
  return parseFilter(schema, filterTypeOf(schema, type), filters ?? {});
}

/**
 * Compiles `filters` for entity `type` (`'Scene'`, or a filter type name such as `'SceneFilterType'`)
 * into the filter input object. `{}` / `undefined` compile to `{}` (match everything).
 *
 * @throws StashValidationError for an unknown type, key or suffix, or a wrongly typed value.
 */
export function compileFilter<T extends string>(
  type: T,
  filters: (T extends FilterableType ? StashFilter<T> : FilterInput) | undefined,
  schema: SchemaModel = getSchemaModel(),
): Record<string, unknown> {
  return nestFilter(parseFilter(schema, filterTypeOf(schema, type), filters ?? {}));
}
