/**
 * `PluginApi.utils.StashService`: the UI's service module around its single Apollo client. After each
 * of its own mutations it evicts the list queries a mutation can change (`evictQueries`), so Stash's
 * pages refetch them; a plugin mutating through anything else must do the same.
 */
import type { DocumentNode } from 'graphql';
import type { HostApolloCache, HostApolloClient } from './hostApollo';

export interface StashServiceModule {
  /** The UI's singleton ApolloClient (InMemoryCache keyed `Typename:id`). */
  getClient(): HostApolloClient;
  /** The UI's graphql-ws client (subscriptions). */
  getWSClient?(): unknown;
  /** Removes every cached result of the root fields these documents query, then garbage-collects. */
  evictQueries(cache: HostApolloCache, queries: DocumentNode[]): void;
  readonly performerMutationImpactedQueries?: DocumentNode[];
  readonly studioMutationImpactedQueries?: DocumentNode[];
  readonly pluginMutationImpactedQueries?: DocumentNode[];
  readonly scraperMutationImpactedQueries?: DocumentNode[];
  /** `use*`, `query*`, `mutate*` wrappers (the `useFind*` list hooks take the UI's ListFilterModel). */
  readonly [member: string]: unknown;
}
