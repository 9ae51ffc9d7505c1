/** Per-type writable field descriptors, derived from the schema model's write mappings. */
import type { SchemaModel } from '../schema/modelTypes';
import type { WritableFieldInfo } from './draftValues';
import { SIDE_MUTATION_FIELDS } from './writableFields';

const cache = new WeakMap<SchemaModel, Map<string, ReadonlyMap<string, WritableFieldInfo>>>();

/**
 * Writable fields of `typename`: every write mapping except deprecated inputs and the fields that
 * change only through side mutations. Empty for types that cannot be created or updated.
 */
export function writableFields(model: SchemaModel, typename: string): ReadonlyMap<string, WritableFieldInfo> {
  let byType = cache.get(model);
  if (byType === undefined) cache.set(model, (byType = new Map()));
  let map = byType.get(typename);
  if (map !== undefined) return map;
  const out = new Map<string, WritableFieldInfo>();
  const entity = model.entities[typename];
  const object = model.objects[typename];
  const side = SIDE_MUTATION_FIELDS[typename] ?? [];
  const inputName = entity?.updateInput ?? entity?.createInput;
  const inputs = inputName === undefined ? undefined : model.inputs[inputName];
  for (const mapping of Object.values(entity?.writes ?? {})) {
    if (mapping.deprecated || side.includes(mapping.field)) continue;
    const field = object?.fields[mapping.field];
    const input = inputs?.fields[mapping.input];
    if (field === undefined || input === undefined) continue;
    const abstract = model.abstracts[field.type];
    out.set(mapping.field, {
      typename,
      field: mapping.field,
      mapping,
      fieldType: field.type,
      list: field.list,
      input,
      refTypes: abstract !== undefined ? abstract.possibleTypes : [field.type],
    });
  }
  map = out;
  byType.set(typename, map);
  return map;
}
