/**
 * `buildStashStore(Store, defaultTransport, options)`: the options check, the client and a store of
 * class `Store` (what every `createStashStore` entry does). Kept apart from `StashEntityStore` so the
 * read-only entry's bundle does not reach the writes through a default.
 */
import { StashValidationError } from '../errors';
import type { SchemaTypes } from '../schema/defineSchemaModel';
import type { StashTypes } from '../schema/generated/types';
import type { StashTransport } from '../transport/stashTransport';
import {
  CLIENT_OPTIONS,
  createTransportClient,
  type StashClient,
  type StashClientOptions,
} from '../transport/transportClient';
import { checkOptions } from '../validate/callOptions';
import { STORE_OPTIONS } from './callOptionSpecs';
import type { StashEntityStore } from './stashEntityStore';
import type { StashStoreBase } from './stashStoreBase';
import type { StashEntityStoreOptions } from './storeTypes';

export interface CreateStashStoreOptions<S extends SchemaTypes = StashTypes>
  extends StashClientOptions, StashEntityStoreOptions<S> {}

/** A store class: `StashEntityStore`, or `StashStoreBase` (the read-only facade of `@stashkit/core/read`). */
export type StoreClass = new <S extends SchemaTypes>(
  client: StashClient,
  options: StashEntityStoreOptions<S>,
) => StashStoreBase<S>;

export function buildStashStore<S extends SchemaTypes = StashTypes>(
  Store: StoreClass,
  defaultTransport: StashTransport,
  options: CreateStashStoreOptions<S>,
): StashEntityStore<S> {
  // Every option checked before the client exists: a bad key fails here, not at the first request.
  if (options === undefined) throw new StashValidationError('createStashStore: options { url } are required');
  checkOptions(options, { ...CLIENT_OPTIONS, ...STORE_OPTIONS }, 'createStashStore');
  const { url, apiKey, fetch, headers, transport, ...storeOptions } = options;
  const client = createTransportClient({ url, apiKey, fetch, headers }, transport ?? defaultTransport);
  return new Store<S>(client, storeOptions);
}
