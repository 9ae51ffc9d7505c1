/** `createStashStore({ url, apiKey, model? })`: a client and a store in one call. */
import type { SchemaTypes } from '../schema/defineSchemaModel';
import type { StashTypes } from '../schema/generated/types';
import { createStashClient, type StashClientOptions } from '../transport/stashClient';
import { StashEntityStore, type StashEntityStoreOptions } from './stashEntityStore';

export interface CreateStashStoreOptions<S extends SchemaTypes = StashTypes>
  extends StashClientOptions, StashEntityStoreOptions<S> {}

/** The store is typed by `model`'s generated types when given (`npx @stashkit/codegen`), else by the bundled ones. */
export function createStashStore<S extends SchemaTypes = StashTypes>(
  options: CreateStashStoreOptions<S>,
): StashEntityStore<S> {
  const { url, apiKey, fetch, headers, ...storeOptions } = options;
  return new StashEntityStore<S>(createStashClient({ url, apiKey, fetch, headers }), storeOptions);
}
