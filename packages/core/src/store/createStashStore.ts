/** `createStashStore({ url, apiKey, model? })`: a client and a store in one call. */
import type { SchemaTypes } from '../schema/defineSchemaModel';
import type { StashTypes } from '../schema/generated/types';
import { CLIENT_OPTIONS, createStashClient, type StashClientOptions } from '../transport/stashClient';
import { StashValidationError } from '../errors';
import { checkOptions } from '../validate/callOptions';
import { STORE_OPTIONS } from './callOptionSpecs';
import { StashEntityStore, type StashEntityStoreOptions } from './stashEntityStore';

export interface CreateStashStoreOptions<S extends SchemaTypes = StashTypes>
  extends StashClientOptions, StashEntityStoreOptions<S> {}

/** The store is typed by `model`'s generated types when given (`npx @stashkit/codegen`), else by the bundled ones. */
export function createStashStore<S extends SchemaTypes = StashTypes>(
  options: CreateStashStoreOptions<S>,
): StashEntityStore<S> {
  // Every option checked before the client exists: a bad key fails here, not at the first request.
  if (options === undefined) throw new StashValidationError('createStashStore: options { url } are required');
  checkOptions(options, { ...CLIENT_OPTIONS, ...STORE_OPTIONS }, 'createStashStore');
  const { url, apiKey, fetch, headers, ...storeOptions } = options;
  return new StashEntityStore<S>(createStashClient({ url, apiKey, fetch, headers }), storeOptions);
}
