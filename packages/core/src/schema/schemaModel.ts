/**
 * The runtime schema model and the lookups the store uses. The model is decoded from the
 * generated compact form on first use and shared afterwards.
 *
 * Conventions of the model worth knowing:
 * - `inputs` holds every input object, the entity filter types included (`filters` is the
 *   same types seen as filters). The read part (`getSchemaModel()`) holds the inputs reads use;
 *   the mutation inputs, mutations and write mappings join it in `writeModel(model)`; the
 *   lookups below that name them (`getEntityModel`, `getInputModel`) use the merged model.
 * - Fields, arguments and input fields typed with the deprecated `Movie` alias types are left
 *   out; other deprecated fields are kept with `deprecated: true`.
 * - `list.direct`: `findSavedFilters` returns `[SavedFilter!]!` itself (no count, no ids).
 * - Destroy shapes differ: `arg` is `input` (read the destroy input's `id` or `ids` field:
 *   `GalleryDestroyInput` has `ids`), `id` (`sceneMarkerDestroy`) or `ids` (`performersDestroy`).
 * - `writes` mode `objects` may be a single object (`SavedFilter.find_filter`): check the
 *   field's `list`. Performer `custom_fields` (a `Map`, written as `CustomFieldsInput`) has no
 *   write mapping.
 */
import { StashValidationError } from '../errors';
import { getSchemaModel } from './bundledModel';
import type { EntityTypeName } from './generated/types';
import type {
  AbstractModel,
  EntityModel,
  FieldModel,
  FilterModel,
  InputModel,
  ObjectModel,
} from './modelTypes';
import { getWriteSchemaModel } from './writeModel';

export { getSchemaModel };

function quote(name: unknown): string {
  return typeof name === 'string' ? `"${name}"` : String(name);
}

// `table[name]`, or the error naming what was looked up (`unknown enum "Nope"`).
function lookup<T>(table: Record<string, T>, name: unknown, what: string): T {
  if (typeof name !== 'string' || !Object.hasOwn(table, name)) {
    throw new StashValidationError(`StashSchema: unknown ${what} ${quote(name)}`);
  }
  return table[name];
}

/** True for the entity kinds the store normalizes (`Scene`, ..., `VideoFile`, `Folder`). */
export function isEntityType(name: unknown): name is EntityTypeName {
  return typeof name === 'string' && Object.hasOwn(getSchemaModel().entities, name);
}

/** Queries, mutations and write mappings of an entity type; throws on anything else. */
export function getEntityModel(type: string): EntityModel {
  lookup(getSchemaModel().entities, type, 'entity type');
  return getWriteSchemaModel().entities[type];
}

/** Any object type in the model, entity or embedded (`Scene`, `ScenePathsType`, `FindScenesResultType`). */
export function getObjectModel(type: string): ObjectModel {
  return lookup(getSchemaModel().objects, type, 'object type');
}

/** `BaseFile` (interface) or `VisualFile` (union). */
export function getAbstractModel(name: string): AbstractModel {
  return lookup(getSchemaModel().abstracts, name, 'interface or union');
}

/**
 * One field of an object type or interface (`getFieldModel('Studio', 'scene_count')`).
 * Deprecated alias fields typed `Movie`/`SceneMovie` are not in the model and are unknown here.
 */
export function getFieldModel(type: string, field: string): FieldModel {
  const { objects, abstracts } = getSchemaModel();
  const owner = Object.hasOwn(objects, type)
    ? objects[type].fields
    : Object.hasOwn(abstracts, type)
      ? abstracts[type].fields
      : undefined;
  if (!owner) throw new StashValidationError(`StashSchema: unknown object type ${quote(type)}`);
  if (typeof field !== 'string' || !Object.hasOwn(owner, field)) {
    throw new StashValidationError(`StashSchema: unknown field ${quote(field)} on ${type}`);
  }
  return owner[field];
}

/** Entity filter input by name (`SceneFilterType`). */
export function getFilterModel(name: string): FilterModel {
  return lookup(getSchemaModel().filters, name, 'filter type');
}

/** The filter input of an entity's list query (`Scene` -> `SceneFilterType`); throws when it has none. */
export function getEntityFilterModel(type: string): FilterModel {
  const filterType = lookup(getSchemaModel().entities, type, 'entity type').list?.filterType;
  if (!filterType) throw new StashValidationError(`StashSchema: ${type} has no filter input`);
  return getFilterModel(filterType);
}

/** Any input object in the model: criterion, mutation and filter inputs, `FindFilterType`. */
export function getInputModel(name: string): InputModel {
  return lookup(getWriteSchemaModel().inputs, name, 'input type');
}

/** Values of an enum (`CriterionModifier`, `GenderEnum`...). */
export function getEnumValues(name: string): readonly string[] {
  return lookup(getSchemaModel().enums, name, 'enum');
}

/**
 * The entity types a value of `type` can be: `[type]` for an entity, the members for `BaseFile`
 * and `VisualFile`; throws for anything else.
 */
export function possibleEntityTypes(type: string): readonly EntityTypeName[] {
  if (isEntityType(type)) return [type];
  return getAbstractModel(type).possibleTypes as EntityTypeName[];
}
