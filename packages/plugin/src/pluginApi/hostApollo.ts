/**
 * The part of the host's Apollo Client 3 (`PluginApi.utils.StashService.getClient()`) a plugin or
 * stashkit touches, typed structurally so this package needs no `@apollo/client` install. With
 * `@apollo/client` installed, `hostLibrary<typeof import('@apollo/client')>('Apollo')` gives its full types.
 */
import type { DocumentNode } from 'graphql';

export interface HostApolloCache {
  /** `Typename:id` for an object with `__typename` and `id`, as the host's InMemoryCache keys it. */
  identify(object: Record<string, unknown>): string | undefined;
  evict(options: {
    id?: string;
    fieldName?: string;
    args?: Record<string, unknown>;
    broadcast?: boolean;
  }): boolean;
  modify(options: {
    id?: string;
    fields: Record<string, (value: any, details: any) => any> | ((value: any, details: any) => any);
    broadcast?: boolean;
  }): boolean;
  gc(): string[];
  readQuery<T = any>(options: { query: DocumentNode; variables?: Record<string, unknown> }): T | null;
  writeQuery<T = any>(options: {
    query: DocumentNode;
    variables?: Record<string, unknown>;
    data: T;
  }): unknown;
  readFragment<T = any>(options: { id?: string; fragment: DocumentNode; fragmentName?: string }): T | null;
  writeFragment<T = any>(options: {
    id?: string;
    fragment: DocumentNode;
    fragmentName?: string;
    data: T;
  }): unknown;
}

export interface HostApolloClient {
  readonly cache: HostApolloCache;
  query<T = any>(options: {
    query: DocumentNode;
    variables?: Record<string, unknown>;
    fetchPolicy?: string;
  }): Promise<{ data: T }>;
  mutate<T = any>(options: {
    mutation: DocumentNode;
    variables?: Record<string, unknown>;
    update?: (cache: HostApolloCache, result: { data?: T | null }) => void;
  }): Promise<{ data?: T | null }>;
  watchQuery(options: { query: DocumentNode; variables?: Record<string, unknown> }): unknown;
  refetchQueries(options: { include?: unknown; updateCache?: (cache: HostApolloCache) => void }): unknown;
  resetStore(): Promise<unknown>;
  /** The link chain (error link, then HTTP or websocket); `setLink` replaces it. */
  link: unknown;
  setLink(link: unknown): void;
}
