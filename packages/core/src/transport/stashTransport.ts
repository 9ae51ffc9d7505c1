/**
 * The transport seam: how one GraphQL request reaches the server. A transport only moves bytes;
 * what its answer means (GraphQL errors, HTTP failures, redaction of the ApiKey) is decided by the
 * client (`createStashClient`) the same way for every transport, and retries and aborts by the
 * store's request pipeline above it. `graphqlRequestTransport` (the default) and `fetchTransport`
 * (no graphql-request, no graphql-js: the smallest bundle) ship with core.
 */
import type { GraphQLErrorEntry } from '../errors';

export interface TransportRequest {
  /** Absolute GraphQL endpoint. */
  readonly url: string;
  readonly query: string;
  /** The document's operation name, when it has one. */
  readonly operationName: string | undefined;
  readonly variables: Record<string, unknown> | undefined;
  /** `ApiKey` and the caller's headers (no content type: the transport sets its own). */
  readonly headers: Readonly<Record<string, string>>;
  readonly signal: AbortSignal | undefined;
  /** The fetch to use (tests, proxies, MSW); the global one when absent. */
  readonly fetch: typeof fetch | undefined;
}

export interface TransportResponse {
  /** HTTP status of the response. */
  readonly status: number;
  /** The GraphQL response body, or `undefined` when the body was not one (an HTML error page). */
  readonly body: { readonly data?: unknown; readonly errors?: readonly GraphQLErrorEntry[] } | undefined;
  /** The raw body when it was not a GraphQL response (an excerpt, redacted, goes into the error). */
  readonly text?: string | undefined;
}

/**
 * Sends one request. Resolves with whatever the server answered (any status); rejects only when
 * there is no answer (connection failure, abort), with the underlying error.
 */
export type StashTransport = (request: TransportRequest) => Promise<TransportResponse>;
