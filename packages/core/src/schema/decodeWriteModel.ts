/**
 * Merges the compact `EncodedWriteModel` into a decoded read model, in place: the mutation inputs
 * join `inputs`, each entity gets its mutations, write mappings and side mutations. Pure apart
 * from that; the memoized entry point is `writeModel(model)`.
 */
import { decodeInputs, named, split } from './decodeSchemaModel';
import type { EncodedWriteModel } from './encodedSchemaModel';
import type { EntityModel, MutationModel, SchemaModel, WriteMappingModel } from './modelTypes';

const ROLES = ['create', 'update', 'destroy', 'destroyMany', 'bulkUpdate'] as const;

function decodeMutation(text: string): MutationModel | undefined {
  if (!text) return undefined;
  const [field, arg, argType, returns] = text.split(' ');
  return { field, arg, argType, returns };
}

export function decodeWriteModel(model: SchemaModel, encoded: EncodedWriteModel): void {
  if (encoded.v !== 2)
    throw new Error(
      `StashSchema: unsupported generated write model version ${encoded.v} (regenerate it with @stashkit/codegen)`,
    );
  const { inputs } = model;
  decodeInputs(encoded.i, model.scalars, model.enums, inputs);
  for (const tuple of encoded.x) {
    const [name, , , , , , writes, side] = tuple;
    const entity: EntityModel | undefined = model.entities[name];
    if (entity === undefined) throw new Error(`StashSchema: the write model names unknown entity ${name}`);
    ROLES.forEach((role, i) => {
      const m = decodeMutation(tuple[1 + i]);
      if (m) entity[role] = m;
    });
    // A mutation's input type is its argument's named type when that is an input object.
    const inputOf = (m: MutationModel | undefined) =>
      m && named(m.argType) in inputs ? named(m.argType) : undefined;
    const createInput = inputOf(entity.create);
    const updateInput = inputOf(entity.update);
    const destroyInput = inputOf(entity.destroy);
    if (createInput) entity.createInput = createInput;
    if (updateInput) entity.updateInput = updateInput;
    if (destroyInput) entity.destroyInput = destroyInput;
    const writeInput = inputs[(updateInput ?? createInput)!];
    for (const token of split(writes)) {
      const [pair, mode = 'value'] = token.split(':');
      const [field, input = field] = pair.split('=');
      const inputField = writeInput?.fields[input];
      if (!inputField)
        throw new Error(`StashSchema: write of ${name}.${field} names unknown input field ${input}`);
      const w: WriteMappingModel = {
        field,
        input,
        mode: mode as WriteMappingModel['mode'],
        inputType: inputField.type,
      };
      if (inputField.deprecated) w.deprecated = true;
      entity.writes[field] = w;
    }
    if (side) {
      entity.sideMutations = {};
      for (const token of side.split(' ')) {
        const [field, names] = token.split('=');
        entity.sideMutations[field] = names.split(',');
      }
    }
  }
}
