/**
 * Root queries and mutations of one entity type, found by Stash's naming rules
 * (`findScene`, `findScenes`, `sceneCreate`, `scenesDestroy`, `bulkSceneUpdate`) with the
 * irregular names in `modelRules.ts`.
 */
import {
  getNullableType,
  isAbstractType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLSchema,
} from 'graphql';
import type { ListQueryModel, MutationModel, SingleQueryModel } from '../../core/src/schema/modelTypes.ts';
import { MUTATION_OVERRIDES, QUERY_OVERRIDES, type MutationRole } from './modelRules.ts';
import { isSkipped, lowerFirst, namedOf, plural } from './typeRefs.ts';

/** True when a value of `typeName` can hold an entity of `entity` (itself or an abstract over it). */
function holds(schema: GraphQLSchema, typeName: string, entity: string): boolean {
  if (typeName === entity) return true;
  const t = schema.getType(typeName);
  return !!t && isAbstractType(t) && schema.getPossibleTypes(t).some((p) => p.name === entity);
}

export function deriveSingleQuery(schema: GraphQLSchema, entity: string): SingleQueryModel | undefined {
  const name = QUERY_OVERRIDES[entity]?.single ?? `find${entity}`;
  const field = schema.getQueryType()!.getFields()[name];
  if (!field) return undefined;
  if (!holds(schema, namedOf(field.type).name, entity)) {
    throw new Error(`codegen: ${name} does not return ${entity}`);
  }
  const idArg = field.args.find((a) => a.name === 'id');
  if (!idArg) throw new Error(`codegen: ${name} has no id argument`);
  return {
    field: name,
    idArg: idArg.name,
    idType: String(idArg.type),
    // A non-null single query (findFile: BaseFile!) can only answer an unknown id with an error.
    errorsOnMissing: isNonNullType(field.type),
  };
}

export function deriveListQuery(schema: GraphQLSchema, entity: string): ListQueryModel | undefined {
  const name = QUERY_OVERRIDES[entity]?.list ?? `find${plural(entity)}`;
  const field = schema.getQueryType()!.getFields()[name];
  if (!field || field.deprecationReason) return undefined;
  const model: ListQueryModel = { field: name, resultType: '', itemsField: '', aggregates: [] };
  const extraArgs = [];
  for (const arg of field.args) {
    const argType = namedOf(arg.type).name;
    if (arg.deprecationReason || isSkipped(arg.type)) continue;
    if (argType === 'FindFilterType') model.findFilterArg = arg.name;
    else if (argType.endsWith('FilterType')) {
      model.filterArg = arg.name;
      model.filterType = argType;
    } else if (arg.name === 'ids') model.idsArg = arg.name;
    else extraArgs.push({ name: arg.name, type: String(arg.type) });
  }
  if (extraArgs.length) model.extraArgs = extraArgs;
  const result = getNullableType(field.type);
  if (isListType(result)) {
    if (!holds(schema, namedOf(result).name, entity))
      throw new Error(`codegen: ${name} does not list ${entity}`);
    model.resultType = String(field.type);
    model.direct = true;
    return model;
  }
  if (!isObjectType(result)) throw new Error(`codegen: ${name} returns neither a list nor an object`);
  model.resultType = result.name;
  for (const f of Object.values(result.getFields())) {
    if (f.deprecationReason) continue;
    if (isListType(getNullableType(f.type)) && holds(schema, namedOf(f.type).name, entity)) {
      model.itemsField = f.name;
    } else model.aggregates.push(f.name);
  }
  if (!model.itemsField) throw new Error(`codegen: ${result.name} has no list of ${entity}`);
  return model;
}

function ruleNames(entity: string): Record<MutationRole, string> {
  const t = lowerFirst(entity);
  return {
    create: `${t}Create`,
    update: `${t}Update`,
    destroy: `${t}Destroy`,
    destroyMany: `${lowerFirst(plural(entity))}Destroy`,
    bulkUpdate: `bulk${entity}Update`,
  };
}

function mutationModel(field: GraphQLField<unknown, unknown>): MutationModel {
  const arg =
    field.args.length === 1 ? field.args[0] : field.args.find((a) => ['input', 'id', 'ids'].includes(a.name));
  if (!arg) throw new Error(`codegen: cannot tell the argument of mutation ${field.name}`);
  return { field: field.name, arg: arg.name, argType: String(arg.type), returns: String(field.type) };
}

export type EntityMutations = Partial<Record<MutationRole, MutationModel>>;

export function deriveMutations(schema: GraphQLSchema, entity: string): EntityMutations {
  const fields = schema.getMutationType()!.getFields();
  const overrides = MUTATION_OVERRIDES[entity] ?? {};
  const rules = ruleNames(entity);
  const out: EntityMutations = {};
  for (const role of Object.keys(rules) as MutationRole[]) {
    const override = overrides[role];
    if (override === null) continue;
    const field = fields[override ?? rules[role]];
    if (!field) {
      if (override) throw new Error(`codegen: mutation ${override} (${entity} ${role}) is not in the schema`);
      continue;
    }
    if (field.deprecationReason) continue;
    out[role] = mutationModel(field);
  }
  return out;
}

/** Named input object type of a mutation's argument (`SceneUpdateInput`), if it is one. */
export function mutationInput(schema: GraphQLSchema, m: MutationModel | undefined): string | undefined {
  if (!m) return undefined;
  const t = schema.getType(m.argType.replace(/[[\]!]/g, ''));
  return t && isInputObjectType(t) ? t.name : undefined;
}
