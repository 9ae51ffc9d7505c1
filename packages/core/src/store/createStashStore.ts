/** `createStashStore({ url, apiKey })`: a client and a store in one call. */
import { createStashClient, type StashClientOptions } from '../transport/stashClient';
import { StashEntityStore, type StashEntityStoreOptions } from './stashEntityStore';

export interface CreateStashStoreOptions extends StashClientOptions, StashEntityStoreOptions {}

export function createStashStore(options: CreateStashStoreOptions): StashEntityStore {
  const { url, apiKey, fetch, headers, ...storeOptions } = options;
  return new StashEntityStore(createStashClient({ url, apiKey, fetch, headers }), storeOptions);
}
