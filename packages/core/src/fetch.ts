/**
 * `@stashkit/core/fetch`: `createStashStore` with `fetchTransport` as its default transport, so a
 * bundle that imports it from here carries neither graphql-request nor graphql-js. Same options and
 * store as `@stashkit/core`'s: option checks, the request pipeline (retries, aborts) and the
 * mapping of answers to errors are shared. Its build imports `@stashkit/core` (one copy of the store).
 */
import {
  createStashStoreWith,
  fetchTransport,
  type CreateStashStoreOptions,
  type SchemaTypes,
  type StashEntityStore,
  type StashTypes,
} from './index';

export { fetchTransport } from './index';

export function createStashStore<S extends SchemaTypes = StashTypes>(
  options: CreateStashStoreOptions<S>,
): StashEntityStore<S> {
  return createStashStoreWith(fetchTransport, options);
}
