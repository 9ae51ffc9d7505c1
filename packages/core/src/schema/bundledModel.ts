/** The bundled model (Stash develop after v0.30.1): its read part, decoded on first use and shared. */
import { decodeSchemaModel } from './decodeSchemaModel';
import { ENCODED_SCHEMA_MODEL } from './generated/model';
import type { SchemaModel } from './modelTypes';

let model: SchemaModel | undefined;

/**
 * The decoded bundled model (decoded once, then memoized). Treat it as read-only. Its mutations and
 * write mappings are merged in by `writeModel(getSchemaModel())` (the write machinery calls it).
 */
export function getSchemaModel(): SchemaModel {
  return (model ??= decodeSchemaModel(ENCODED_SCHEMA_MODEL));
}

/** True for the bundled model (without decoding it). */
export function isBundledModel(candidate: SchemaModel): boolean {
  return candidate === model;
}
