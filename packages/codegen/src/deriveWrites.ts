/**
 * How each entity field is written through the entity's update (or create) input, found by
 * matching input fields against entity fields:
 * - scalars and enums: the input field of the same name and type (`title`, `urls`, `gender`);
 * - one entity: `<field>_id`, or with the type name dropped (`parent_studio` -> `parent_id`);
 * - entity lists: `<singular>_ids` (`tags` -> `tag_ids`, `children` -> `child_ids`);
 * - embedded objects: the input-object field of the same name (`groups: [SceneGroupInput!]`).
 * `WRITE_OVERRIDES` settles the irregular cases.
 */
import { isInputObjectType, type GraphQLInputObjectType } from 'graphql';
import type { ObjectModel, WriteMappingModel } from '../../core/src/schema/modelTypes.ts';
import { SINGULARS, WRITE_OVERRIDES } from './modelRules.ts';
import { namedOf, snakeCase } from './typeRefs.ts';

function singular(field: string): string {
  if (SINGULARS[field]) return SINGULARS[field];
  if (field.endsWith('ies')) return `${field.slice(0, -3)}y`;
  return field.endsWith('s') ? field.slice(0, -1) : field;
}

/** Input field names to try for an entity field, and the mode each implies. */
function candidates(field: ObjectModel['fields'][string]): {
  names: string[];
  mode: WriteMappingModel['mode'];
} {
  switch (field.kind) {
    case 'scalar':
    case 'enum':
      return { names: [field.name], mode: 'value' };
    case 'entity':
    case 'abstract': {
      if (field.list) return { names: [`${singular(field.name)}_ids`], mode: 'ids' };
      const typeSuffix = `_${snakeCase(field.type)}`;
      const names = [`${field.name}_id`];
      if (field.name.endsWith(typeSuffix)) names.push(`${field.name.slice(0, -typeSuffix.length)}_id`);
      return { names, mode: 'id' };
    }
    case 'embedded':
      return { names: [field.name], mode: 'objects' };
  }
}

/** Whether the input field's type fits the mode (a `Map` field is not written by `CustomFieldsInput`). */
function fits(
  mode: WriteMappingModel['mode'],
  entityType: string,
  inputType: string,
  inputIsObject: boolean,
) {
  switch (mode) {
    case 'value':
      return inputType === entityType;
    case 'id':
    case 'ids':
      return inputType === 'ID';
    case 'objects':
      return inputIsObject;
  }
}

export function deriveWrites(
  entity: ObjectModel,
  input: GraphQLInputObjectType | undefined,
): Record<string, WriteMappingModel> {
  const writes: Record<string, WriteMappingModel> = {};
  if (!input) return writes;
  const inputFields = input.getFields();
  const overrides = WRITE_OVERRIDES[entity.name] ?? {};
  for (const field of Object.values(entity.fields)) {
    if (field.name === 'id') continue;
    const override = overrides[field.name];
    if (override === null) continue;
    const { names, mode } = candidates(field);
    for (const name of override ? [override] : names) {
      const inputField = inputFields[name];
      if (!inputField) continue;
      const named = namedOf(inputField.type);
      if (!fits(mode, field.type, named.name, isInputObjectType(named))) {
        if (override)
          throw new Error(`codegen: ${input.name}.${name} cannot write ${entity.name}.${field.name}`);
        continue;
      }
      writes[field.name] = { field: field.name, input: name, mode, inputType: named.name };
      if (inputField.deprecationReason) writes[field.name].deprecated = true;
      break;
    }
  }
  return writes;
}
