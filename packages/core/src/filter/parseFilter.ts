/**
 * Reads a DSL filter object against an entity filter model and builds the filter IR. Every key is
 * checked here: the field must exist in the filter input, the suffix must suit the field's
 * criterion type and the value must have the right type, or a `StashValidationError` names it.
 *
 * An object is the conjunction of its entries, including `AND`, `OR` and `NOT` (as in MongoDB's
 * `$or`): `{ organized: true, OR: [a, b] }` means "organized AND (a OR b)".
 */
import type { FilterFieldModel, SchemaModel } from '../schema/modelTypes';
import { compileCriterion } from './compileCriterion';
import { type FilterExpr, and, atom, not, or } from './filterExpr';
import { nestFilter } from './nestFilter';
import { renameOrDidYouMean } from './suggest';
import { scalarValue, validateInput } from './validateInput';
import { expectEnum, expected, filterError, isPlainObject } from './values';
import { own } from '../validate/ownKey';

const OPERATORS = new Set(['AND', 'OR', 'NOT']);

/** `SceneFilterType` → `Scene`, for messages. */
export function filterSubject(filterType: string): string {
  return filterType.replace(/FilterType$/, '');
}

/** A plain filter input such as `organized: Boolean`, `is_missing: String`, `has_markers: String`. */
function plainValue(schema: SchemaModel, key: string, field: FilterFieldModel, value: unknown): unknown {
  if (field.kind === 'enum') return expectEnum(key, value, field.type, schema.enums[field.type] ?? []);
  // `has_markers` / `has_chapters` are String flags holding "true" / "false".
  if (field.type === 'String' && typeof value === 'boolean' && field.name.startsWith('has_'))
    return String(value);
  if (value === null || value === undefined) throw expected(key, `a ${field.type}`, value);
  return scalarValue(key, field.type, value);
}

function fieldValue(
  schema: SchemaModel,
  path: string,
  rawKey: string,
  field: FilterFieldModel,
  suffix: string,
  value: unknown,
): unknown {
  const key = path + rawKey;
  if (field.kind === 'criterion') return compileCriterion(schema, key, field.name, field.type, suffix, value);
  if (suffix !== '') {
    throw filterError(
      `${key}: ${field.name} is a plain ${field.ref} input and takes no suffix (write ${field.name}: value)`,
    );
  }
  switch (field.kind) {
    case 'filter':
      return nestFilter(parseFilter(schema, field.type, value, `${key}.`));
    case 'criterionList':
    case 'input':
      if (field.ref.startsWith('[')) {
        if (!Array.isArray(value)) throw expected(key, `a list of ${field.type} objects`, value);
        return value.map((v, i) => validateInput(schema, `${key}[${i}]`, field.type, v));
      }
      return validateInput(schema, key, field.type, value);
    default:
      return plainValue(schema, key, field, value);
  }
}

function operator(
  schema: SchemaModel,
  filterType: string,
  key: string,
  name: string,
  value: unknown,
): FilterExpr {
  if (name === 'NOT') {
    if (Array.isArray(value)) {
      throw filterError(`${key} takes one filter object; for "none of" write NOT: { OR: [...] }`);
    }
    return not(parseFilter(schema, filterType, value, `${key}.`));
  }
  const list = Array.isArray(value) ? value : [value];
  const items = list.map((v, i) =>
    parseFilter(schema, filterType, v, Array.isArray(value) ? `${key}[${i}].` : `${key}.`),
  );
  if (name === 'OR') {
    if (items.length === 0)
      throw filterError(`${key} needs at least one filter (an empty OR matches nothing)`);
    return or(...items);
  }
  return and(...items);
}

/**
 * Parses `dsl` as a filter of input type `filterType`; `path` prefixes keys in error messages
 * (`performers_filter.`, `OR[1].`), and names `dsl` itself (without its dot) when it is no object.
 */
export function parseFilter(schema: SchemaModel, filterType: string, dsl: unknown, path = ''): FilterExpr {
  const model = own(schema.filters, filterType);
  if (!model) throw filterError(`filter type ${filterType} is not in the schema model`);
  const subject = filterSubject(filterType);
  if (!isPlainObject(dsl))
    throw expected(path ? path.slice(0, -1) : 'filters', `a ${subject} filter object`, dsl);
  const items: FilterExpr[] = [];
  for (const [rawKey, value] of Object.entries(dsl)) {
    // Undefined entries are skipped so callers can spread optional filters.
    if (value === undefined) continue;
    if (OPERATORS.has(rawKey)) {
      if (!own(model.fields, rawKey))
        throw filterError(`${path}${rawKey}: ${subject} filters have no AND/OR/NOT in Stash`);
      items.push(operator(schema, filterType, path + rawKey, rawKey, value));
      continue;
    }
    const parts = rawKey.split('__');
    const [name, suffix = ''] = parts;
    const field = own(model.fields, name);
    if (!field) {
      const names = Object.keys(model.fields).filter((n) => !OPERATORS.has(n));
      const rest = rawKey.slice(name.length);
      throw filterError(
        `unknown filter key "${path}${rawKey}" for ${subject}${renameOrDidYouMean(name, rest, names)}`,
      );
    }
    if (parts.length > 2) {
      throw filterError(
        `${path}${rawKey}: lookups through relations are not supported; use a nested filter such as ${name}_filter: { ... }`,
      );
    }
    if (rawKey.endsWith('__')) throw filterError(`${path}${rawKey}: empty suffix`);
    items.push(atom(name, fieldValue(schema, path, rawKey, field, suffix, value)));
  }
  return and(...items);
}
