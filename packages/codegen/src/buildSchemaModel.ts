/**
 * Builds the runtime `SchemaModel` from an introspection result: the entity kinds, every object,
 * interface and union reachable from them and from their list results, their queries and
 * mutations, the filter and mutation inputs those reach, and the enums and scalars used.
 */
import {
  buildClientSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLField,
  type GraphQLInputObjectType,
  type GraphQLNamedType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import type {
  AbstractModel,
  EntityModel,
  FieldKind,
  FieldModel,
  FilterFieldKind,
  FilterModel,
  InputModel,
  ObjectModel,
  SchemaModel,
} from '../../core/src/schema/modelTypes.ts';
import { deriveListQuery, deriveMutations, deriveSingleQuery, mutationInput } from './deriveOperations.ts';
import { deriveWrites } from './deriveWrites.ts';
import { ENTITY_TYPES, SIDE_MUTATIONS } from './modelRules.ts';
import { isSkipped, namedOf, typeShape } from './typeRefs.ts';

function sortedRecord<T>(entries: Map<string, T>): Record<string, T> {
  return Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Collects named types as they are met and remembers enums and scalars on the way. */
class Collector {
  readonly objects = new Map<string, ObjectModel>();
  readonly abstracts = new Map<string, AbstractModel>();
  readonly inputs = new Map<string, InputModel>();
  readonly enums = new Map<string, string[]>();
  readonly scalars = new Set<string>();
  readonly #entities: Set<string>;

  readonly #entityOrder: readonly string[];

  constructor(
    readonly schema: GraphQLSchema,
    entities: readonly string[],
  ) {
    this.#entities = new Set(entities);
    this.#entityOrder = entities;
  }

  #order(name: string): number {
    const i = this.#entityOrder.indexOf(name);
    return i < 0 ? Infinity : i;
  }

  /** Records a leaf type; returns false for object/input/abstract types. */
  #leaf(t: GraphQLNamedType): boolean {
    if (isScalarType(t)) this.scalars.add(t.name);
    else if (isEnumType(t)) {
      if (!this.enums.has(t.name))
        this.enums.set(
          t.name,
          t.getValues().map((v) => v.name),
        );
    } else return false;
    return true;
  }

  #fieldKind(t: GraphQLNamedType): FieldKind {
    if (isScalarType(t)) return 'scalar';
    if (isEnumType(t)) return 'enum';
    if (isInterfaceType(t) || isUnionType(t)) return 'abstract';
    return this.#entities.has(t.name) ? 'entity' : 'embedded';
  }

  #fields(fields: Record<string, GraphQLField<unknown, unknown>>): Record<string, FieldModel> {
    const out: Record<string, FieldModel> = {};
    for (const f of Object.values(fields)) {
      if (isSkipped(f.type)) continue;
      const named = namedOf(f.type);
      const shape = typeShape(f.type);
      const model: FieldModel = {
        name: f.name,
        kind: this.#fieldKind(named),
        type: shape.type,
        ref: shape.ref,
        list: shape.list,
        nullable: !shape.nonNull,
      };
      if (f.args.length) {
        model.args = f.args.map((a) => ({ name: a.name, type: String(a.type) }));
        for (const a of f.args) this.input(namedOf(a.type));
      }
      if (f.deprecationReason) model.deprecated = true;
      out[f.name] = model;
      this.output(named);
    }
    return out;
  }

  /** Adds an output type and everything reachable from its fields. */
  output(t: GraphQLNamedType): void {
    if (this.#leaf(t) || this.objects.has(t.name) || this.abstracts.has(t.name)) return;
    if (isObjectType(t)) {
      const model: ObjectModel = { name: t.name, entity: this.#entities.has(t.name), fields: {} };
      this.objects.set(t.name, model);
      const interfaces = t.getInterfaces().map((i) => i.name);
      if (interfaces.length) model.interfaces = interfaces;
      model.fields = this.#fields(t.getFields());
      for (const i of t.getInterfaces()) this.output(i);
    } else if (isInterfaceType(t) || isUnionType(t)) {
      // Members in entity order (VideoFile, ImageFile, GalleryFile, BasicFile), not schema order.
      const possibleTypes = this.schema
        .getPossibleTypes(t)
        .map((p) => p.name)
        .sort((x, y) => this.#order(x) - this.#order(y));
      const strays = possibleTypes.filter((p) => !this.#entities.has(p));
      if (strays.length) throw new Error(`codegen: ${t.name} has members that are not entities: ${strays}`);
      const model: AbstractModel = {
        name: t.name,
        kind: isUnionType(t) ? 'union' : 'interface',
        possibleTypes,
      };
      this.abstracts.set(t.name, model);
      if (isInterfaceType(t)) model.fields = this.#fields(t.getFields());
      for (const p of this.schema.getPossibleTypes(t)) this.output(p);
    } else throw new Error(`codegen: unexpected output type ${t.name}`);
  }

  /** Adds an input type and every input, enum and scalar its fields reach. */
  input(t: GraphQLNamedType): void {
    if (this.#leaf(t) || this.inputs.has(t.name)) return;
    if (!isInputObjectType(t)) throw new Error(`codegen: unexpected input type ${t.name}`);
    const model: InputModel = { name: t.name, fields: {} };
    this.inputs.set(t.name, model);
    for (const f of Object.values(t.getFields())) {
      if (isSkipped(f.type)) continue;
      const named = namedOf(f.type);
      const shape = typeShape(f.type);
      model.fields[f.name] = {
        name: f.name,
        type: shape.type,
        ref: shape.ref,
        list: shape.list,
        required: shape.nonNull,
        kind: isScalarType(named) ? 'scalar' : isEnumType(named) ? 'enum' : 'input',
      };
      if (f.deprecationReason) model.fields[f.name].deprecated = true;
      this.input(named);
    }
  }
}

function isEntityFilter(name: string): boolean {
  return name.endsWith('FilterType') && name !== 'FindFilterType';
}

function filterModel(input: InputModel): FilterModel {
  const fields: FilterModel['fields'] = {};
  for (const f of Object.values(input.fields)) {
    let kind: FilterFieldKind = f.kind;
    if (f.type.endsWith('CriterionInput')) kind = f.list ? 'criterionList' : 'criterion';
    else if (isEntityFilter(f.type)) kind = 'filter';
    fields[f.name] = { name: f.name, kind, type: f.type, ref: f.ref };
    if (f.deprecated) fields[f.name].deprecated = true;
  }
  return { name: input.name, fields };
}

function checkSideMutations(
  schema: GraphQLSchema,
  entity: ObjectModel,
): Record<string, string[]> | undefined {
  const side = SIDE_MUTATIONS[entity.name];
  if (!side) return undefined;
  const mutations = schema.getMutationType()!.getFields();
  for (const [field, names] of Object.entries(side)) {
    if (!entity.fields[field])
      throw new Error(`codegen: side mutation for unknown field ${entity.name}.${field}`);
    for (const n of names)
      if (!mutations[n]) throw new Error(`codegen: side mutation ${n} is not in the schema`);
  }
  return side;
}

export function buildSchemaModel(introspection: IntrospectionQuery): SchemaModel {
  const schema = buildClientSchema(introspection);
  const collect = new Collector(schema, ENTITY_TYPES);
  const entities: Record<string, EntityModel> = {};

  for (const name of ENTITY_TYPES) {
    const t = schema.getType(name);
    if (!isObjectType(t) || String(t.getFields().id?.type) !== 'ID!') {
      throw new Error(`codegen: entity type ${name} is missing or has no id: ID!`);
    }
    collect.output(t);
  }
  for (const name of ENTITY_TYPES) {
    const entity: EntityModel = { name, writes: {} };
    const single = deriveSingleQuery(schema, name);
    if (single) entity.single = single;
    const list = deriveListQuery(schema, name);
    if (list) {
      entity.list = list;
      if (!list.direct) collect.output(schema.getType(list.resultType)!);
      const listField = schema.getQueryType()!.getFields()[list.field];
      for (const arg of listField.args)
        if (!arg.deprecationReason && !isSkipped(arg.type)) collect.input(namedOf(arg.type));
    }
    const mutations = deriveMutations(schema, name);
    Object.assign(entity, mutations);
    const mutationFields = schema.getMutationType()!.getFields();
    for (const m of Object.values(mutations)) {
      const field = mutationFields[m.field];
      collect.input(namedOf(field.args.find((a) => a.name === m.arg)!.type));
      collect.output(namedOf(field.type));
    }
    const createInput = mutationInput(schema, mutations.create);
    const updateInput = mutationInput(schema, mutations.update);
    const destroyInput = mutationInput(schema, mutations.destroy);
    if (createInput) entity.createInput = createInput;
    if (updateInput) entity.updateInput = updateInput;
    if (destroyInput) entity.destroyInput = destroyInput;
    const writeInput = updateInput ?? createInput;
    entity.writes = deriveWrites(
      collect.objects.get(name)!,
      writeInput ? (schema.getType(writeInput) as GraphQLInputObjectType) : undefined,
    );
    const side = checkSideMutations(schema, collect.objects.get(name)!);
    if (side) entity.sideMutations = side;
    entities[name] = entity;
  }

  const filters = new Map<string, FilterModel>();
  for (const input of collect.inputs.values())
    if (isEntityFilter(input.name)) filters.set(input.name, filterModel(input));

  return {
    entityTypes: [...ENTITY_TYPES],
    objects: sortedRecord(collect.objects),
    abstracts: sortedRecord(collect.abstracts),
    entities,
    filters: sortedRecord(filters),
    inputs: sortedRecord(collect.inputs),
    enums: sortedRecord(collect.enums),
    scalars: [...collect.scalars].sort(),
  };
}
