/**
 * Expands the compact `EncodedSchemaModel` into the `SchemaModel` the store reads. Pure; the
 * memoized entry point is `getSchemaModel()`.
 */
import type { EncodedEntity, EncodedSchemaModel } from './encodedSchemaModel';
import type {
  AbstractModel,
  EntityModel,
  FieldKind,
  FieldModel,
  FilterFieldKind,
  FilterModel,
  InputModel,
  ListQueryModel,
  MutationModel,
  ObjectModel,
  SchemaModel,
  WriteMappingModel,
} from './modelTypes';

const FIELD = /^(~?)(\w+)(?:\((.*)\))?:(\S+)$/;

interface RawField {
  name: string;
  ref: string;
  type: string;
  list: boolean;
  nonNull: boolean;
  args?: { name: string; type: string }[];
  deprecated: boolean;
}

function named(ref: string): string {
  return ref.replace(/[[\]!]/g, '');
}

function parseArgs(text: string): { name: string; type: string }[] {
  return text.split(';').map((a) => {
    const colon = a.indexOf(':');
    return { name: a.slice(0, colon), type: a.slice(colon + 1) };
  });
}

function parseField(token: string): RawField {
  const m = FIELD.exec(token);
  if (!m) throw new Error(`StashSchema: malformed field "${token}" in the generated model`);
  const [, deprecated, name, args, ref] = m;
  const field: RawField = {
    name,
    ref,
    type: named(ref),
    list: ref.startsWith('['),
    nonNull: ref.endsWith('!'),
    deprecated: deprecated === '~',
  };
  if (args) field.args = parseArgs(args);
  return field;
}

function split(text: string): string[] {
  return text ? text.split(' ') : [];
}

function decodeMutation(text: string): MutationModel | undefined {
  if (!text) return undefined;
  const [field, arg, argType, returns] = text.split(' ');
  return { field, arg, argType, returns };
}

function decodeList(text: string): ListQueryModel | undefined {
  if (!text) return undefined;
  const [field, resultType, itemsField, filterArg, filterType, findFilterArg, idsArg, aggregates, extra] =
    text.split(' ');
  const list: ListQueryModel = {
    field,
    resultType,
    itemsField: itemsField === '-' ? '' : itemsField,
    aggregates: aggregates === '-' ? [] : aggregates.split(','),
  };
  if (filterArg !== '-') list.filterArg = filterArg;
  if (filterType !== '-') list.filterType = filterType;
  if (findFilterArg !== '-') list.findFilterArg = findFilterArg;
  if (idsArg !== '-') list.idsArg = idsArg;
  if (resultType.startsWith('[')) list.direct = true;
  if (extra !== '-') list.extraArgs = parseArgs(extra);
  return list;
}

export function decodeSchemaModel(encoded: EncodedSchemaModel): SchemaModel {
  if (encoded.v !== 1) throw new Error(`StashSchema: unsupported generated model version ${encoded.v}`);
  const entityTypes = split(encoded.e);
  const entitySet = new Set(entityTypes);
  const scalars = split(encoded.s);
  const scalarSet = new Set(scalars);
  const enums: Record<string, string[]> = {};
  for (const line of encoded.n) {
    const [name, ...values] = line.split(' ');
    enums[name] = values;
  }
  const abstractLines = encoded.a.map((line) => line.split(' '));
  const abstractSet = new Set(abstractLines.map(([name]) => name));

  const fieldKind = (type: string): FieldKind =>
    scalarSet.has(type)
      ? 'scalar'
      : type in enums
        ? 'enum'
        : abstractSet.has(type)
          ? 'abstract'
          : entitySet.has(type)
            ? 'entity'
            : 'embedded';

  const outputFields = (tokens: string[]): Record<string, FieldModel> => {
    const fields: Record<string, FieldModel> = {};
    for (const token of tokens) {
      const f = parseField(token);
      const model: FieldModel = {
        name: f.name,
        kind: fieldKind(f.type),
        type: f.type,
        ref: f.ref,
        list: f.list,
        nullable: !f.nonNull,
      };
      if (f.args) model.args = f.args;
      if (f.deprecated) model.deprecated = true;
      fields[f.name] = model;
    }
    return fields;
  };

  const objects: Record<string, ObjectModel> = {};
  for (const line of encoded.o) {
    const [head, ...tokens] = line.split(' ');
    const [name, interfaces] = head.split(':');
    objects[name] = { name, entity: entitySet.has(name), fields: outputFields(tokens) };
    if (interfaces) objects[name].interfaces = interfaces.split('&');
  }

  const abstracts: Record<string, AbstractModel> = {};
  for (const [name, kind, members, ...tokens] of abstractLines) {
    abstracts[name] = { name, kind: kind === 'i' ? 'interface' : 'union', possibleTypes: members.split(',') };
    if (kind === 'i') abstracts[name].fields = outputFields(tokens);
  }

  const inputs: Record<string, InputModel> = {};
  for (const line of encoded.i) {
    const [name, ...tokens] = line.split(' ');
    const fields: InputModel['fields'] = {};
    for (const token of tokens) {
      const f = parseField(token);
      fields[f.name] = {
        name: f.name,
        type: f.type,
        ref: f.ref,
        list: f.list,
        required: f.nonNull,
        kind: scalarSet.has(f.type) ? 'scalar' : f.type in enums ? 'enum' : 'input',
      };
      if (f.deprecated) fields[f.name].deprecated = true;
    }
    inputs[name] = { name, fields };
  }

  const filterNames = split(encoded.f);
  const filterSet = new Set(filterNames);
  const filters: Record<string, FilterModel> = {};
  for (const name of filterNames) {
    const fields: FilterModel['fields'] = {};
    for (const f of Object.values(inputs[name].fields)) {
      let kind: FilterFieldKind = f.kind;
      if (f.type.endsWith('CriterionInput')) kind = f.list ? 'criterionList' : 'criterion';
      else if (filterSet.has(f.type)) kind = 'filter';
      fields[f.name] = { name: f.name, kind, type: f.type, ref: f.ref };
      if (f.deprecated) fields[f.name].deprecated = true;
    }
    filters[name] = { name, fields };
  }

  const entities: Record<string, EntityModel> = {};
  for (const tuple of encoded.x) entities[tuple[0]] = decodeEntity(tuple, inputs);

  return { entityTypes, objects, abstracts, entities, filters, inputs, enums, scalars };
}

const ROLES = ['create', 'update', 'destroy', 'destroyMany', 'bulkUpdate'] as const;

function decodeEntity(tuple: EncodedEntity, inputs: Record<string, InputModel>): EntityModel {
  const [name, single, list, , , , , , writes, side] = tuple;
  const entity: EntityModel = { name, writes: {} };
  if (single) {
    const [field, idArg, idType, errors] = single.split(' ');
    entity.single = { field, idArg, idType, errorsOnMissing: errors === '!' };
  }
  const listModel = decodeList(list);
  if (listModel) entity.list = listModel;
  ROLES.forEach((role, i) => {
    const m = decodeMutation(tuple[3 + i]);
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
  return entity;
}
