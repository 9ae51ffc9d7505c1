/**
 * The parts of Apollo Client 3 the host-cache bridge uses, typed structurally: core does not
 * depend on @apollo/client; the host page hands over its own (`PluginApi.libraries.Apollo` and
 * `PluginApi.utils.StashService.getClient()`).
 */
import type { DocumentNode } from 'graphql';

export interface ApolloModifierDetails {
  readonly DELETE: unknown;
  readonly fieldName: string;
  readonly storeFieldName: string;
}

export type ApolloModifier = (value: unknown, details: ApolloModifierDetails) => unknown;

export interface ApolloCacheLike {
  identify(object: { __typename: string; id: string }): string | undefined;
  modify(options: {
    id?: string;
    fields: Record<string, ApolloModifier> | ApolloModifier;
    broadcast?: boolean;
  }): boolean;
  evict(options: { id?: string; fieldName?: string; args?: Record<string, unknown> }): boolean;
  /** Normalized objects by cache id (`Scene:12`, `ROOT_QUERY`); without it, rule fields are not evicted. */
  extract?(): Record<string, { __typename?: unknown } | undefined>;
  gc(): unknown;
  /** Apollo >= 3.5: several changes, one broadcast to watchers. */
  batch?(options: { update(cache: ApolloCacheLike): void; optimistic?: boolean }): unknown;
}

export interface ApolloOperationLike {
  readonly query: DocumentNode;
  readonly variables: Record<string, unknown>;
  readonly operationName?: string;
}

export interface ApolloResultLike {
  readonly data?: Record<string, unknown> | null;
  readonly errors?: readonly unknown[];
}

export interface ApolloObservableLike {
  map(fn: (result: ApolloResultLike) => ApolloResultLike): ApolloObservableLike;
}

export type ApolloForward = (operation: ApolloOperationLike) => ApolloObservableLike;
export type ApolloRequestHandler = (
  operation: ApolloOperationLike,
  forward: ApolloForward,
) => ApolloObservableLike | null;

export interface ApolloLinkLike {
  concat(next: unknown): unknown;
}

/** `@apollo/client` (or `PluginApi.libraries.Apollo`): only `ApolloLink` is used. */
export interface ApolloModuleLike {
  // `never`: any constructor fits (Apollo's takes its own `RequestHandler`); called with an `ApolloRequestHandler`.
  readonly ApolloLink: new (handler: never) => ApolloLinkLike;
}

/** A loosely typed module (`PluginApi.libraries.Apollo` typed as `{ [member]: any }`); checked at run time. */
export type LooseModule = { readonly [member: string]: unknown };

export interface ApolloClientLike {
  readonly cache: ApolloCacheLike;
  readonly link: unknown;
  setLink(link: unknown): void;
}
