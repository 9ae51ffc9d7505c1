/**
 * Draft field values: validation when a field is set, and conversion to the mutation input
 * (`studio` -> `studio_id`, `tags` -> `tag_ids`, `groups` -> `[SceneGroupInput]`) through the
 * schema model's write mappings. Every check throws `StashValidationError` before any request.
 */
import { checkStructure } from '../validate/structure';
import { StashValidationError } from '../errors';
import type { InputFieldModel, InputModel, SchemaModel, WriteMappingModel } from '../schema/modelTypes';
import { shareJson } from '../shared/jsonEqual';
import { checkEntityId, isEntityId } from '../validate/entityId';
import { own } from '../validate/ownKey';
import { scalarProblem } from '../validate/scalarValue';
import { show } from '../validate/showValue';

/** Gives the id to send for a reference (a snapshot, a draft or `{ id }`); `type` is the field's entity type. */
export type IdResolver = (ref: object, type: string) => string;

/** Reads the id a reference has now (temporary ids included); used for comparisons. */
export const currentId: IdResolver = (ref) => (ref as { id: string }).id;

/** One writable field of one entity type, with what is needed to check and convert it. */
export interface WritableFieldInfo {
  readonly typename: string;
  readonly field: string;
  readonly mapping: WriteMappingModel;
  /** Entity field's named type (`Studio`, `SceneGroup`, `String`). */
  readonly fieldType: string;
  readonly list: boolean;
  /** The input field in the update input (or the create input when there is no update). */
  readonly input: InputFieldModel;
  /** Possible entity typenames of a reference (`id`/`ids` modes). */
  readonly refTypes: readonly string[];
}

export function isRef(value: unknown): value is { readonly id: string; readonly __typename?: string } {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    isEntityId((value as { id?: unknown }).id)
  );
}

/** Throws when `value` is an object whose id is not an entity id (names the id); else does nothing. */
export function checkRefId(value: unknown, where: string): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && 'id' in value)
    checkEntityId((value as { id: unknown }).id, `StashDraft: ${where}.id`);
}

/** Validates a value for `info` and returns what the draft stores (arrays copied and frozen). */
export function checkFieldValue(model: SchemaModel, info: WritableFieldInfo, value: unknown): unknown {
  const where = `${info.typename}.${info.field}`;
  if (value === undefined)
    throw new StashValidationError(`StashDraft: ${where} cannot be set to undefined; use revert()`);
  if (value === null) {
    if (info.list && info.mapping.mode !== 'value') {
      // `[]` clears a relationship list; null would too, but one spelling keeps diffs exact.
      throw new StashValidationError(`StashDraft: ${where} is a list; set [] to clear it`);
    }
    return null;
  }
  switch (info.mapping.mode) {
    case 'value':
      checkStructure(value, `StashDraft: ${where}`);
      checkInputValue(model, info.input, value, where);
      return freezeCopy(value);
    case 'id':
      checkRef(info, value, where);
      return value;
    case 'ids':
      if (!Array.isArray(value))
        throw new StashValidationError(`StashDraft: ${where} must be a list of entities`);
      value.forEach((v, i) => checkRef(info, v, `${where}[${i}]`));
      return Object.freeze([...value]);
    case 'objects': {
      checkStructure(value, `StashDraft: ${where}`);
      const input = inputModel(model, info.mapping.inputType);
      if (info.list) {
        if (!Array.isArray(value)) throw new StashValidationError(`StashDraft: ${where} must be a list`);
        value.forEach((v, i) => objectToInput(model, input, v, currentId, `${where}[${i}]`));
        return Object.freeze([...value]);
      }
      objectToInput(model, input, value, currentId, where);
      return value;
    }
  }
}

/** The input value for a draft field value (`studio` snapshot -> `"12"`, `groups` -> `SceneGroupInput[]`). */
export function toInputValue(
  model: SchemaModel,
  info: WritableFieldInfo,
  value: unknown,
  resolve: IdResolver,
): unknown {
  if (value === null || value === undefined) return value;
  switch (info.mapping.mode) {
    case 'value':
      return value;
    case 'id':
      return resolve(value as object, info.fieldType);
    case 'ids':
      return (value as readonly object[]).map((v) => resolve(v, info.fieldType));
    case 'objects': {
      const input = inputModel(model, info.mapping.inputType);
      const where = `${info.typename}.${info.field}`;
      if (Array.isArray(value)) return value.map((v) => objectToInput(model, input, v, resolve, where));
      return objectToInput(model, input, value, resolve, where);
    }
  }
}

/** True when two draft values write the same input (compared with current, possibly temporary, ids). */
export function sameInput(model: SchemaModel, info: WritableFieldInfo, a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  let x: unknown;
  let y: unknown;
  try {
    x = toInputValue(model, info, a, currentId);
    y = toInputValue(model, info, b, currentId);
  } catch (error) {
    // A value no input can express (an entity without an id from the server) equals no edit.
    if (error instanceof StashValidationError) return false;
    throw error;
  }
  return shareJson(x, y) === x;
}

/** Visits every reference inside a draft value (for the save dependency graph). */
export function forEachRef(
  model: SchemaModel,
  info: WritableFieldInfo,
  value: unknown,
  visit: (ref: object) => void,
): void {
  if (value === null || value === undefined) return;
  const items = Array.isArray(value) ? value : [value];
  for (const item of items) {
    if (item === null || typeof item !== 'object') continue;
    if (info.mapping.mode === 'id' || info.mapping.mode === 'ids') visit(item as object);
    else if (info.mapping.mode === 'objects') {
      // Join objects reference entities through `x_id` inputs: `group` (a link getter) or `group_id`.
      const obj = item as Record<string, unknown>;
      for (const field of Object.values(inputModel(model, info.mapping.inputType).fields)) {
        if (field.type !== 'ID') continue;
        const v = field.name in obj ? obj[field.name] : obj[field.name.replace(/_id$/, '')];
        if (isRef(v)) visit(v);
      }
    }
  }
}

function checkRef(info: WritableFieldInfo, value: unknown, where: string): void {
  checkRefId(value, where);
  checkNotIdless(value, where);
  if (!isRef(value)) {
    throw new StashValidationError(
      `StashDraft: ${where} must be a ${info.fieldType} (snapshot, draft or { id }), got ${describe(value)}`,
    );
  }
  const t = value.__typename;
  if (t !== undefined && !info.refTypes.includes(t)) {
    throw new StashValidationError(`StashDraft: ${where} must be a ${info.fieldType}, got a ${t}`);
  }
}

/**
 * An entity object the server sent without an id (its query selected none, as the stock UI's lists
 * do) cannot become an id input: say so, and how to get the id, instead of "must be an entity".
 */
function checkNotIdless(value: unknown, where: string): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
  const { __typename: t, id } = value as { __typename?: unknown; id?: unknown };
  if (typeof t !== 'string' || id !== undefined) return;
  const [typename, ...path] = where.replace(/\[\d+\]/g, '').split('.');
  const spec = [...path, 'id'].join('.');
  throw new StashValidationError(
    `StashDraft: ${where} is a ${t} without an id (the answer it came from selected none), so it cannot ` +
      `be sent; fetch '${spec}' first, e.g. store.get('${typename}', id, { fields: ['${spec}'] })`,
  );
}

/** Converts an embedded/join object (or an input-shaped one) into the input type; throws on unknown keys. */
function objectToInput(
  model: SchemaModel,
  input: InputModel,
  value: unknown,
  resolve: IdResolver,
  where: string,
): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new StashValidationError(
      `StashDraft: ${where} must be an object (${input.name}), got ${describe(value)}`,
    );
  }
  const obj = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const used = new Set<string>(['__typename']);
  for (const field of Object.values(input.fields)) {
    let v: unknown;
    if (field.name in obj) {
      used.add(field.name);
      v = obj[field.name];
      if (field.type === 'ID' && isRef(v)) v = resolve(v, field.type);
    } else if (field.name.endsWith('_id') && field.name.slice(0, -3) in obj) {
      const base = field.name.slice(0, -3);
      used.add(base);
      const ref = obj[base];
      checkRefId(ref, `${where}.${base}`);
      checkNotIdless(ref, `${where}.${base}`);
      if (ref !== null && ref !== undefined && !isRef(ref))
        throw new StashValidationError(
          `StashDraft: ${where}.${base} must be an entity, got ${describe(ref)}`,
        );
      v = ref === null || ref === undefined ? ref : resolve(ref, base);
    } else {
      v = undefined;
    }
    if (v === undefined) {
      if (field.required)
        throw new StashValidationError(`StashDraft: ${where} needs ${field.name} (${input.name})`);
      continue;
    }
    if (v !== null && field.type === 'ID' && typeof v === 'string')
      checkEntityId(v, `StashDraft: ${where}.${field.name}`);
    else if (v !== null && field.kind !== 'input') checkInputValue(model, field, v, `${where}.${field.name}`);
    out[field.name] = v;
  }
  for (const key of Object.keys(obj)) {
    if (!used.has(key) && obj[key] !== undefined) {
      throw new StashValidationError(`StashDraft: ${where} has no input field "${key}" in ${input.name}`);
    }
  }
  return out;
}

/** Checks a scalar, enum or list value against an input field's type. */
function checkInputValue(model: SchemaModel, field: InputFieldModel, value: unknown, where: string): void {
  if (field.list) {
    if (!Array.isArray(value))
      throw new StashValidationError(`StashDraft: ${where} must be a list (${field.ref})`);
    value.forEach((v, i) => {
      if (v === null || v === undefined)
        throw new StashValidationError(`StashDraft: ${where}[${i}] must not be null`);
      checkOne(model, field, v, `${where}[${i}]`);
    });
    return;
  }
  checkOne(model, field, value, where);
}

function checkOne(model: SchemaModel, field: InputFieldModel, value: unknown, where: string): void {
  // ID values are references in drafts (checked by checkRef); a plain ID input is a server id.
  const problem = scalarProblem(field.type, value, { enums: model.enums, field: field.name });
  if (problem !== undefined)
    throw new StashValidationError(`StashDraft: ${where} must be ${problem}, got ${show(value)}`);
}

function inputModel(model: SchemaModel, name: string): InputModel {
  const input = own(model.inputs, name);
  if (input === undefined) throw new StashValidationError(`StashDraft: unknown input type ${name}`);
  return input;
}

function freezeCopy(value: unknown): unknown {
  return Array.isArray(value) ? Object.freeze([...value]) : value;
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') {
    const t = (value as { __typename?: unknown }).__typename;
    return typeof t === 'string' ? `a ${t}` : 'an object';
  }
  return `${typeof value} ${show(value)}`;
}
