/**
 * `@stashkit/core/read`: a read-only `createStashStore` for the smallest bundles (a browser or
 * plugin panel that shows data): every read, find, page, subscription, invalidation and `ingest`,
 * on `fetchTransport` by default, without drafts, mutations or live events. Its `save`, `edit`,
 * `create`, `delete`... fail with a `StashValidationError` naming `@stashkit/core`; `connectLive`
 * names `@stashkit/core/live`. Its build imports `@stashkit/core` (one copy of the store).
 */
import {
  buildStashStore,
  fetchTransport,
  StashStoreBase,
  type CreateStashStoreOptions,
  type SchemaTypes,
  type StashEntityStore,
  type StashTypes,
} from './index';

export { fetchTransport, graphqlRequestTransport } from './index';

export function createStashStore<S extends SchemaTypes = StashTypes>(
  options: CreateStashStoreOptions<S>,
): StashEntityStore<S> {
  return buildStashStore(StashStoreBase, fetchTransport, options);
}
