/**
 * Checks a raw input object (a criterion written by hand, `custom_fields` items, `hashes`,
 * `video_file_filter`...) against its input model: unknown keys, missing required fields, wrongly
 * typed scalars and non-member enum values are `StashValidationError`s. Returns a copy.
 */
import type { InputFieldModel, SchemaModel } from '../schema/modelTypes';
import { didYouMean } from './suggest';
import { expectEnum, expectId, expectScalar, expected, filterError, isPlainObject } from './values';
import { own } from '../validate/ownKey';

/**
 * A scalar input value by its type (also the filters' plain inputs: `organized: Boolean`): an `ID`
 * may be a non-negative integer (sent as a string); Int64, Time, Timestamp, Map are checked as
 * drafts check them; `Any` only needs to be a JSON value.
 */
export function scalarValue(key: string, type: string, value: unknown): unknown {
  return type === 'ID' ? expectId(key, value) : expectScalar(type, key, value);
}

function fieldValue(schema: SchemaModel, key: string, field: InputFieldModel, value: unknown): unknown {
  if (value === null) {
    if (field.required) throw expected(key, `a non-null ${field.ref}`, value);
    return null;
  }
  if (field.list) {
    if (!Array.isArray(value)) throw expected(key, `a list (${field.ref})`, value);
    return value.map((item, i) => itemValue(schema, `${key}[${i}]`, field, item));
  }
  return itemValue(schema, key, field, value);
}

function itemValue(schema: SchemaModel, key: string, field: InputFieldModel, value: unknown): unknown {
  if (value === null || value === undefined) throw expected(key, `a ${field.type}`, value);
  if (field.kind === 'enum') return expectEnum(key, value, field.type, schema.enums[field.type] ?? []);
  if (field.kind === 'input') return validateInput(schema, key, field.type, value);
  return scalarValue(key, field.type, value);
}

/** Validates `value` as the input object `typeName`; `key` names it in errors. */
export function validateInput(
  schema: SchemaModel,
  key: string,
  typeName: string,
  value: unknown,
): Record<string, unknown> {
  const model = own(schema.inputs, typeName);
  if (!model) throw filterError(`${key}: input type ${typeName} is not in the schema model`);
  if (!isPlainObject(value)) throw expected(key, `a ${typeName} object`, value);
  const out: Record<string, unknown> = {};
  for (const [name, v] of Object.entries(value)) {
    const field = own(model.fields, name);
    if (!field) {
      throw filterError(
        `unknown field "${name}" in ${key} (${typeName}: ${Object.keys(model.fields).join(', ')})${didYouMean(name, Object.keys(model.fields))}`,
      );
    }
    if (v === undefined) continue;
    out[name] = fieldValue(schema, `${key}.${name}`, field, v);
  }
  for (const field of Object.values(model.fields)) {
    if (field.required && out[field.name] === undefined) {
      throw filterError(`${key} is missing the required field "${field.name}" (${field.ref}) of ${typeName}`);
    }
  }
  return out;
}
