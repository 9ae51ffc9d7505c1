/**
 * Expands the compact `EncodedSchemaModel` (the read part) into the `SchemaModel` the store reads.
 * Pure; the memoized entry point is `getSchemaModel()`; `writeModel(model)` adds the write part.
 */
import type { EncodedSchemaModel } from './encodedSchemaModel';
import type {
  AbstractModel,
  EntityModel,
  FieldKind,
  FieldModel,
  FilterFieldKind,
  FilterModel,
  InputModel,
  ListQueryModel,
  ObjectModel,
  SchemaModel,
} from './modelTypes';

const FIELD = /^(~?)(\w+)(?:\((.*)\))?:(\S+)$/;

interface RawField {
  name: string;
  ref: string;
  type: string;
  list: boolean;
  nonNull: boolean;
  args?: { name: string; type: string }[];
  deprecated?: true;
}

export function named(ref: string): string {
  return ref.replace(/[[\]!]/g, '');
}

export function parseArgs(text: string): { name: string; type: string }[] {
  return text.split(';').map((a) => {
    const colon = a.indexOf(':');
    return { name: a.slice(0, colon), type: a.slice(colon + 1) };
  });
}

export function parseField(token: string): RawField {
  const m = FIELD.exec(token);
  if (!m) throw new Error(`StashSchema: malformed field "${token}" in the generated model`);
  const [, deprecated, name, args, ref] = m;
  const field: RawField = { name, ref, type: named(ref), list: ref[0] === '[', nonNull: ref.endsWith('!') };
  if (args) field.args = parseArgs(args);
  if (deprecated) field.deprecated = true;
  return field;
}

export function split(text: string): string[] {
  return text ? text.split(' ') : [];
}

// The optional parts of a list tuple after `field resultType itemsField`, `-` where absent.
const LIST_PARTS = ['filterArg', 'filterType', 'findFilterArg', 'idsArg'] as const;

function decodeList(text: string, objects: Record<string, ObjectModel>): ListQueryModel | undefined {
  if (!text) return undefined;
  const [field, resultType, itemsField, ...parts] = text.split(' ');
  const list: ListQueryModel = {
    field,
    resultType,
    itemsField: itemsField === '-' ? '' : itemsField,
    // The result type's other fields (`count`, `duration`...): the encoding leaves them out.
    aggregates: Object.values(objects[resultType]?.fields ?? {})
      .filter((f) => f.name !== itemsField && !f.deprecated)
      .map((f) => f.name),
  };
  LIST_PARTS.forEach((name, i) => {
    if (parts[i] !== '-') list[name] = parts[i];
  });
  if (resultType[0] === '[') list.direct = true;
  if (parts[4] !== '-') list.extraArgs = parseArgs(parts[4]);
  return list;
}

/**
 * Input object lines (`Name[+] field field ...`, `*` = `CriterionInput`) into `inputs`, field kinds
 * from the model's leaves.
 */
export function decodeInputs(
  lines: readonly string[],
  scalars: readonly string[],
  enums: Record<string, string[]>,
  inputs: Record<string, InputModel>,
): void {
  for (const line of lines) {
    let [name, ...tokens] = line.split(' ');
    if (name.endsWith('+')) {
      name = name.slice(0, -1);
      tokens = [`AND:${name}`, `OR:${name}`, `NOT:${name}`, ...tokens];
    }
    const fields: InputModel['fields'] = {};
    for (const token of tokens) {
      const { nonNull, args: _, ...f } = parseField(token.replace('*', 'CriterionInput'));
      const kind = scalars.includes(f.type) ? 'scalar' : f.type in enums ? 'enum' : 'input';
      fields[f.name] = { ...f, required: nonNull, kind };
    }
    inputs[name] = { name, fields };
  }
}

/** The read part of a model (see `writeModel` for the rest). */
export function decodeSchemaModel(encoded: EncodedSchemaModel): SchemaModel {
  if (encoded.v !== 2)
    throw new Error(
      `StashSchema: unsupported generated model version ${encoded.v} (regenerate it with @stashkit/codegen)`,
    );
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
      const { nonNull, ...f } = parseField(token);
      fields[f.name] = { ...f, kind: fieldKind(f.type), nullable: !nonNull };
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
  decodeInputs(encoded.i, scalars, enums, inputs);

  const filterNames = split(encoded.f);
  const filterSet = new Set(filterNames);
  const filters: Record<string, FilterModel> = {};
  for (const name of filterNames) {
    const fields: FilterModel['fields'] = {};
    for (const { list, required: _, ...f } of Object.values(inputs[name].fields)) {
      let kind: FilterFieldKind = f.kind;
      if (f.type.endsWith('CriterionInput')) kind = list ? 'criterionList' : 'criterion';
      else if (filterSet.has(f.type)) kind = 'filter';
      fields[f.name] = { ...f, kind };
    }
    filters[name] = { name, fields };
  }

  const entities: Record<string, EntityModel> = {};
  for (const [name, single, list] of encoded.x) {
    const entity: EntityModel = (entities[name] = { name, writes: {} });
    if (single) {
      const [field, idArg, idType, errors] = single.split(' ');
      entity.single = { field, idArg, idType, errorsOnMissing: errors === '!' };
    }
    const listModel = decodeList(list, objects);
    if (listModel) entity.list = listModel;
  }

  return { entityTypes, objects, abstracts, entities, filters, inputs, enums, scalars };
}
