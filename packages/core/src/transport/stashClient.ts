/**
 * The transport: graphql-request against Stash's `/graphql`, with the `ApiKey` header, an optional
 * custom `fetch` and per-request `AbortSignal`. Failures become `StashNetworkError` (with the HTTP
 * status) and GraphQL `errors` are returned to the caller, who decides what they fail.
 */
import { print, type DocumentNode } from 'graphql';
import { ClientError, GraphQLClient } from 'graphql-request';
import {
  StashGraphQLError,
  StashNetworkError,
  StashValidationError,
  type GraphQLErrorEntry,
} from '../errors';

export interface StashClientOptions {
  /** Absolute GraphQL endpoint, e.g. `http://localhost:9999/graphql`. */
  url: string;
  /** Sent as the `ApiKey` header; never included in error messages. */
  apiKey?: string;
  /** Custom fetch (tests, proxies, MSW); defaults to the global one. */
  fetch?: typeof fetch;
  /** Extra headers for every request. */
  headers?: Record<string, string>;
}

export interface GraphQLResult<T = Record<string, unknown>> {
  /** `null` when a non-null root field failed (or the request was rejected as a whole). */
  data: T | null;
  errors: readonly GraphQLErrorEntry[] | undefined;
  /** HTTP status of the response. */
  status: number;
}

export interface RequestOptions {
  signal?: AbortSignal;
}

export interface StashClient {
  readonly url: string;
  /** Sends one document; resolves with data and errors, rejects only when there is no GraphQL response. */
  request<T = Record<string, unknown>>(
    document: string | DocumentNode,
    variables?: Record<string, unknown>,
    options?: RequestOptions,
  ): Promise<GraphQLResult<T>>;
  /** Like `request`, but any GraphQL error rejects with `StashGraphQLError`. */
  execute<T = Record<string, unknown>>(
    document: string | DocumentNode,
    variables?: Record<string, unknown>,
    options?: RequestOptions,
  ): Promise<T>;
}

// The ApiKey of each client, kept off the object so it never shows in logs or devtools; the live
// connection needs it for `?apikey=` (browsers cannot set headers on a websocket).
const apiKeys = new WeakMap<StashClient, string>();

/** @internal The ApiKey a client sends (for `connectLive`), or `undefined`. */
export function clientApiKey(client: StashClient): string | undefined {
  return apiKeys.get(client);
}

export function createStashClient(options: StashClientOptions): StashClient {
  const { url, apiKey } = options;
  if (typeof url !== 'string' || !/^https?:\/\//i.test(url)) {
    throw new StashValidationError(
      `StashClient: url must be an absolute http(s) URL, got ${JSON.stringify(url)}`,
    );
  }
  const headers: Record<string, string> = { ...options.headers };
  if (apiKey !== undefined && apiKey !== '') headers.ApiKey = apiKey;
  const client = new GraphQLClient(url, {
    headers,
    fetch: options.fetch,
    errorPolicy: 'all',
  });
  const shownUrl = redact(url, apiKey);

  async function request<T>(
    document: string | DocumentNode,
    variables?: Record<string, unknown>,
    opts?: RequestOptions,
  ): Promise<GraphQLResult<T>> {
    const query = typeof document === 'string' ? document : print(document);
    try {
      const res = await client.rawRequest<T>({ query, variables, signal: opts?.signal });
      return {
        data: res.data ?? null,
        errors: res.errors as GraphQLErrorEntry[] | undefined,
        status: res.status,
      };
    } catch (error) {
      if (error instanceof ClientError) {
        const { status, errors, data } = error.response as {
          status: number;
          errors?: GraphQLErrorEntry[];
          data?: T | null;
        };
        // gqlgen answers parse/validation failures with a 4xx status and a GraphQL body.
        if (errors !== undefined && errors.length > 0) return { data: data ?? null, errors, status };
        throw new StashNetworkError(`StashClient: HTTP ${status} from ${shownUrl}`, { status });
      }
      if (isAbort(error, opts?.signal)) {
        throw new StashNetworkError(`StashClient: request to ${shownUrl} was aborted`, { cause: error });
      }
      const reason = redact(error instanceof Error ? error.message : String(error), apiKey);
      throw new StashNetworkError(`StashClient: request to ${shownUrl} failed: ${reason}`);
    }
  }

  const stashClient: StashClient = {
    url,
    request,
    async execute<T>(
      document: string | DocumentNode,
      variables?: Record<string, unknown>,
      opts?: RequestOptions,
    ) {
      const res = await request<T>(document, variables, opts);
      if (res.errors !== undefined && res.errors.length > 0) {
        throw new StashGraphQLError(
          `StashClient: ${res.errors.map((e) => e.message).join('; ')}`,
          res.errors,
        );
      }
      return res.data as T;
    },
  };
  if (apiKey !== undefined && apiKey !== '') apiKeys.set(stashClient, apiKey);
  return stashClient;
}

function isAbort(error: unknown, signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true || (error instanceof Error && error.name === 'AbortError');
}

// Keys can end up in URLs (`?apikey=`) or in lower-level messages; never let them into ours.
export function redact(text: string, apiKey: string | undefined): string {
  let out = text.replace(/([?&]apikey=)[^&#\s]*/gi, '$1***');
  if (apiKey !== undefined && apiKey !== '') out = out.split(apiKey).join('***');
  return out;
}
