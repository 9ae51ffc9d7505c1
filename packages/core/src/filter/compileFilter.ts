/**
 * `compileFilter(type, filters)`: the Django-style DSL → the entity filter input Stash takes
 * (`scene_filter: SceneFilterType`), validated against the schema model before any request.
 *
 * Keys are `field` or `field__suffix`, where `field` is a key of the entity's filter input:
 * - String: bare (`EQUALS`, Stash's case-insensitive LIKE), `exact`, `iexact`, `contains`,
 *   `icontains`, `startswith`, `istartswith`, `endswith`, `iendswith`, `in` (regex, literal text),
 *   `includes`, `excludes` (Stash word search), `regex`, `iregex`, `not_regex`, `not_iregex`, `ne`,
 *   `null`, `notnull` — see `stringCriterion.ts`.
 * - Int / Float / Date / Timestamp: bare, `exact`, `ne`, `gt`, `gte`, `lt`, `lte` (inclusive),
 *   `between: [a, b]`, `not_between: [a, b]`, `null`, `notnull` — see `rangeCriterion.ts`.
 * - Multi / HierarchicalMulti: bare and `exact` (exactly these), `in` / `includes`,
 *   `includes_all`, `excludes`, `null`, `notnull`; value `id | id[] | { value, depth?, excludes? }`.
 * - Resolution (`gte`/`lte` too), Gender, Circumcision, Orientation, StashID, phash distance,
 *   duplication — see `choiceCriterion.ts`.
 * - A bare key with a plain object is a raw criterion, checked against its input type.
 * - Plain inputs take the value itself (`organized: true`; `has_markers` also takes a boolean).
 * - `*_filter` keys take a DSL object for the related entity; `custom_fields`, `hashes`,
 *   `video_file_filter`... take raw input objects.
 * - `AND: f | f[]`, `OR: f | f[]`, `NOT: f`; an object is the conjunction of all its entries.
 */
import type { SchemaModel } from '../schema/modelTypes';
import { getSchemaModel } from '../schema/schemaModel';
import { nestFilter } from './nestFilter';
import { parseFilter } from './parseFilter';
import { didYouMean } from './suggest';
import type { FilterInput, FilterableType, StashFilter } from './filterTypes';
import { filterError, show } from './values';
import type { FilterExpr } from './filterExpr';
import { checkStructure } from '../validate/structure';

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
  checkStructure(filters, 'StashFilter: filters');
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
  // Before the parser recurses: a cycle or a runaway nesting fails here, not as a stack overflow.
  checkStructure(filters, 'StashFilter: filters');
  return nestFilter(parseFilter(schema, filterTypeOf(schema, type), filters ?? {}));
}
