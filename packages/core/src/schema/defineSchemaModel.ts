/**
 * `defineSchemaModel<StashTypes>(encoded, writes)`: the runtime model a `@stashkit/codegen` output
 * (`src/stash/model.ts`) exports, carrying its generated types so `createStashStore({ model })`
 * is typed by that Stash version's schema instead of the bundled one.
 */
import { decodeSchemaModel } from './decodeSchemaModel';
import type { EncodedSchemaModel, EncodedWriteModel } from './encodedSchemaModel';
import type { SchemaModel } from './modelTypes';

/**
 * The type-level schema a store is typed by: entity interfaces, abstract file types and the
 * entity filter inputs, each keyed by typename (the generated `StashTypes` has this shape).
 */
export interface SchemaTypes {
  entities: object;
  abstracts: object;
  filters: object;
}

/** A runtime model tagged with its generated types (a phantom key: nothing is stored under it). */
export interface TypedSchemaModel<S extends SchemaTypes> extends SchemaModel {
  readonly '~types'?: S;
}

/** Write parts not merged yet, by the model they complete (`writeModel(model)` merges them). */
export const pendingWrites = new WeakMap<SchemaModel, EncodedWriteModel>();

/**
 * Decodes a generated model once, at module load, and tags it with its types `S`. Its write part
 * (`writes`) stays encoded until the first draft, save or delete needs it (`writeModel`).
 */
export function defineSchemaModel<S extends SchemaTypes>(
  encoded: EncodedSchemaModel,
  writes?: EncodedWriteModel,
): TypedSchemaModel<S> {
  const model = decodeSchemaModel(encoded);
  if (writes !== undefined) pendingWrites.set(model, writes);
  return model;
}
