/**
 * `StashEntityStore`: the store with drafts, mutations and live events installed (what
 * `createStashStore` of `@stashkit/core` and `@stashkit/core/fetch` build). The read-only store of
 * `@stashkit/core/read` is the same facade without them (`StashStoreBase`).
 */
import { StoreWrites } from '../mutations/storeWrites';
import type { SchemaTypes } from '../schema/defineSchemaModel';
import type { StashTypes } from '../schema/generated/types';
import type { StashClient } from '../transport/transportClient';
import { StashStoreBase } from './stashStoreBase';
import type { StoreFeatures } from './storeFeatures';
import type { StashEntityStoreOptions } from './storeTypes';

export type { StashEntityStoreOptions } from './storeTypes';

const FULL: StoreFeatures = {
  writes: (host) => new StoreWrites(host),
  // graphql-ws loads on demand (its own chunk where the bundler splits).
  live: async () => (await import('../live/liveConnection')).LiveConnection,
};

export class StashEntityStore<S extends SchemaTypes = StashTypes> extends StashStoreBase<S> {
  constructor(client: StashClient, options: StashEntityStoreOptions<S> = {}) {
    super(client, options, FULL);
  }
}
