/** Schema model and generated types; the package index re-exports this. */
export type * from './modelTypes';
export type * from './generated/types';
export {
  getSchemaModel,
  isEntityType,
  getEntityModel,
  getObjectModel,
  getAbstractModel,
  getFieldModel,
  getFilterModel,
  getEntityFilterModel,
  getInputModel,
  getEnumValues,
  possibleEntityTypes,
} from './schemaModel';
