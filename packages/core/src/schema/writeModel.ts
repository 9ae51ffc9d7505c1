/**
 * `writeModel(model)`: the model with its write part (mutations, write mappings, side mutations,
 * mutation inputs). Only the write machinery (drafts, saves, deletes, the host-cache bridge) calls
 * it, so a read-only bundle carries neither the bundled write data (`generated/writes.ts`) nor its
 * decoder.
 */
import { getSchemaModel, isBundledModel } from './bundledModel';
import { decodeWriteModel } from './decodeWriteModel';
import { pendingWrites } from './defineSchemaModel';
import { ENCODED_WRITE_MODEL } from './generated/writes';
import type { EncodedWriteModel } from './encodedSchemaModel';
import type { SchemaModel } from './modelTypes';

/** Marks a merged model (a WeakMap entry, so the bundled model is recognized as merged too). */
const EMPTY: EncodedWriteModel = { v: 2, i: [], x: [] };

/**
 * Merges the write part into `model` in place, once, and returns `model`: every store and
 * `TypeTable` on it then sees the mutations on the same entity models. A model with no pending
 * write part (built in full, or already merged) is returned as it is.
 */
export function writeModel<M extends SchemaModel>(model: M): M {
  const encoded = pendingWrites.get(model) ?? (isBundledModel(model) ? ENCODED_WRITE_MODEL : undefined);
  if (encoded !== undefined) {
    pendingWrites.set(model, EMPTY);
    if (encoded !== EMPTY) decodeWriteModel(model, encoded);
  }
  return model;
}

/** The bundled model with its write part. */
export function getWriteSchemaModel(): SchemaModel {
  return writeModel(getSchemaModel());
}
