/** `createStashStore({ url, apiKey, model?, transport? })`: a client and a store in one call. */
import type { SchemaTypes } from '../schema/defineSchemaModel';
import type { StashTypes } from '../schema/generated/types';
import { graphqlRequestTransport } from '../transport/graphqlRequestTransport';
import type { StashTransport } from '../transport/stashTransport';
import { buildStashStore, type CreateStashStoreOptions } from './buildStashStore';
import { StashEntityStore } from './stashEntityStore';

export type { CreateStashStoreOptions } from './buildStashStore';

/**
 * The store is typed by `model`'s generated types when given (`npx @stashkit/codegen`), else by the
 * bundled ones. Requests go through graphql-request unless `transport` is given (`fetchTransport`;
 * `@stashkit/core/fetch`'s `createStashStore` defaults to it and leaves graphql-request out of the bundle).
 */
export function createStashStore<S extends SchemaTypes = StashTypes>(
  options: CreateStashStoreOptions<S>,
): StashEntityStore<S> {
  return createStashStoreWith(graphqlRequestTransport, options);
}

/** `createStashStore` with another default transport (what `@stashkit/core/fetch` exports). */
export function createStashStoreWith<S extends SchemaTypes = StashTypes>(
  defaultTransport: StashTransport,
  options: CreateStashStoreOptions<S>,
): StashEntityStore<S> {
  return buildStashStore(StashEntityStore, defaultTransport, options);
}
