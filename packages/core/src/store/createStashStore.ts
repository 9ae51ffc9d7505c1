/** `createStashStore({ url, apiKey, model?, transport? })`: a client and a store in one call. */
import type { SchemaTypes } from '../schema/defineSchemaModel';
import type { StashTypes } from '../schema/generated/types';
import { graphqlRequestTransport } from '../transport/graphqlRequestTransport';
import type { StashTransport } from '../transport/stashTransport';
import { CLIENT_OPTIONS, createTransportClient, type StashClientOptions } from '../transport/transportClient';
import { StashValidationError } from '../errors';
import { checkOptions } from '../validate/callOptions';
import { STORE_OPTIONS } from './callOptionSpecs';
import { StashEntityStore, type StashEntityStoreOptions } from './stashEntityStore';

export interface CreateStashStoreOptions<S extends SchemaTypes = StashTypes>
  extends StashClientOptions, StashEntityStoreOptions<S> {}

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
  // Every option checked before the client exists: a bad key fails here, not at the first request.
  if (options === undefined) throw new StashValidationError('createStashStore: options { url } are required');
  checkOptions(options, { ...CLIENT_OPTIONS, ...STORE_OPTIONS }, 'createStashStore');
  const { url, apiKey, fetch, headers, transport, ...storeOptions } = options;
  const client = createTransportClient({ url, apiKey, fetch, headers }, transport ?? defaultTransport);
  return new StashEntityStore<S>(client, storeOptions);
}
