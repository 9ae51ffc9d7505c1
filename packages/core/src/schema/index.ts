/** Schema model and generated types; the package index re-exports this. */
export type * from './modelTypes';
export type * from './generated/types';
export type {
  EncodedSchemaModel,
  EncodedEntity,
  EncodedWriteModel,
  EncodedEntityWrites,
} from './encodedSchemaModel';
export { defineSchemaModel, type SchemaTypes, type TypedSchemaModel } from './defineSchemaModel';
export { writeModel } from './writeModel';
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
