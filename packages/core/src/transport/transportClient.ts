/**
 * A `StashClient` over any transport (`stashTransport.ts`): the `ApiKey` header (a key in the URL
 * is moved there), options checked, and every answer mapped the same way whichever transport
 * carried it: GraphQL `errors` are returned (redacted) to the caller, who decides what they fail;
 * no GraphQL answer is a `StashNetworkError` (with the HTTP status, a hint for 401/403 and a
 * redacted excerpt of other bodies); no answer at all is a `StashNetworkError`. The key never
 * reaches a message (`secrets.ts`).
 */
import { checkOptions, functionOption, type OptionSpec } from '../validate/callOptions';
import { bodyExcerpt, redactApiKeys, redactText, rememberApiKey } from './secrets';
import type { StashTransport, TransportResponse } from './stashTransport';
import {
  StashGraphQLError,
  StashNetworkError,
  StashValidationError,
  type GraphQLErrorEntry,
} from '../errors';

export interface StashClientOptions {
  /**
   * Absolute GraphQL endpoint, e.g. `http://localhost:9999/graphql`. A key in it
   * (`...?apikey=KEY`) is moved into the `ApiKey` header; `client.url` is the URL without it.
   */
  url: string;
  /** Sent as the `ApiKey` header (Stash: Settings > Security > API Key); never in a message. */
  apiKey?: string;
  /** Custom fetch (tests, proxies, MSW); defaults to the global one. */
  fetch?: typeof fetch;
  /** Extra headers for every request. */
  headers?: Record<string, string>;
  /** How requests travel: `graphqlRequestTransport` by default, `fetchTransport` for the smallest bundle. */
  transport?: StashTransport;
}

/** A parsed document (graphql-js `parse`, `gql`): sent as the source text it was parsed from. */
export interface ParsedDocument {
  readonly kind: string;
  readonly loc?: { readonly source: { readonly body: string } } | undefined;
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
  /** The endpoint without any `apikey` parameter (safe to show). */
  readonly url: string;
  /** Sends one document; resolves with data and errors, rejects only when there is no GraphQL response. */
  request<T = Record<string, unknown>>(
    document: string | ParsedDocument,
    variables?: Record<string, unknown>,
    options?: RequestOptions,
  ): Promise<GraphQLResult<T>>;
  /** Like `request`, but any GraphQL error rejects with `StashGraphQLError`. */
  execute<T = Record<string, unknown>>(
    document: string | ParsedDocument,
    variables?: Record<string, unknown>,
    options?: RequestOptions,
  ): Promise<T>;
}

const headersOption = (v: unknown) => {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return 'an object of header strings';
  for (const [name, value] of Object.entries(v)) {
    if (typeof value !== 'string') return `an object of header strings; "${name}" is not one`;
    if (!isHeaderValue(value)) return `an object of header strings; "${name}" has a control character`;
  }
  return undefined;
};

/** The client's options (`createStashStore` takes these and the store's). */
export const CLIENT_OPTIONS: OptionSpec = {
  url: (v) => (typeof v === 'string' ? undefined : 'a string'),
  // The key itself is checked by `checkApiKey`, whose messages never show it.
  apiKey: () => undefined,
  fetch: functionOption,
  headers: headersOption,
  transport: functionOption,
};

function isHeaderValue(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09) || c === 0x7f || c > 0xff) return false;
  }
  return true;
}

/** A usable key: a non-empty string of visible ASCII (Stash's keys are JWTs). Never shown. */
export function checkApiKey(apiKey: unknown, where: string): string | undefined {
  if (apiKey === undefined) return undefined;
  if (typeof apiKey !== 'string')
    throw new StashValidationError(
      `${where}: apiKey must be a string, got ${apiKey === null ? 'null' : `a ${typeof apiKey}`}`,
    );
  if (apiKey === '')
    throw new StashValidationError(
      `${where}: apiKey is empty; leave it out when Stash has no credentials, or copy it from Stash: Settings > Security > API Key`,
    );
  for (let i = 0; i < apiKey.length; i++) {
    const c = apiKey.charCodeAt(i);
    if (c <= 0x20 || c >= 0x7f) {
      const what =
        c === 0x20 ? 'a space' : c < 0x20 || c === 0x7f ? 'a control character' : 'a non-ASCII character';
      throw new StashValidationError(
        `${where}: apiKey has ${what} (U+${c.toString(16).toUpperCase().padStart(4, '0')}) at position ${i}; copy the key again from Stash: Settings > Security > API Key`,
      );
    }
  }
  return apiKey;
}

// In secrets.ts, which imports nothing: the live connection (loaded on demand) reads them.
export { clientApiKey, redact } from './secrets';

/** The error for a `url` option that is not an absolute http(s) URL (shown redacted). */
function badUrl(url: unknown): StashValidationError {
  const shown = typeof url === 'string' ? redactText(url, []) : url;
  return new StashValidationError(
    `StashClient: url must be an absolute http(s) URL such as "http://localhost:9999/graphql", got ${JSON.stringify(shown) ?? String(shown)}`,
  );
}

/** `url` without its `apikey` query parameters, and the key they held (the last one). */
function splitKeyFromUrl(url: string): { url: string; key: string | undefined } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw badUrl(url);
  }
  if (parsed.username !== '' || parsed.password !== '') {
    throw new StashValidationError(
      'StashClient: url must not carry credentials (user:password@); pass apiKey or headers instead',
    );
  }
  let key: string | undefined;
  for (const name of [...parsed.searchParams.keys()]) {
    if (name.toLowerCase() !== 'apikey') continue;
    key = parsed.searchParams.getAll(name).at(-1);
    parsed.searchParams.delete(name);
  }
  return { url: key === undefined ? url : parsed.toString(), key };
}

/** A client over `transport`; what its answers mean is decided here, the same for every transport. */
export function createTransportClient(options: StashClientOptions, transport: StashTransport): StashClient {
  checkOptions(options, CLIENT_OPTIONS, 'StashClient');
  if (typeof options.url !== 'string' || !/^https?:\/\//i.test(options.url)) throw badUrl(options.url);
  const given = checkApiKey(options.apiKey, 'StashClient');
  const split = splitKeyFromUrl(options.url);
  const fromUrl = split.key === undefined ? undefined : checkApiKey(split.key, 'StashClient: url ?apikey=');
  if (given !== undefined && fromUrl !== undefined && given !== fromUrl)
    throw new StashValidationError(
      'StashClient: the url has an ?apikey= other than the apiKey option; give one',
    );
  const apiKey = given ?? fromUrl;
  const url = split.url;
  const headers: Record<string, string> = { ...options.headers };
  if (apiKey !== undefined) headers.ApiKey = apiKey;
  // Keys given as headers are secrets too (`ApiKey`, `Authorization`, cookies).
  const keys = Object.entries(headers)
    .filter(([name]) => /^(apikey|authorization|cookie)$/i.test(name))
    .map(([, value]) => value);
  const redact = (text: string) => redactText(text, keys);
  const shownUrl = redact(url);

  async function request<T>(
    document: string | ParsedDocument,
    variables?: Record<string, unknown>,
    opts?: RequestOptions,
  ): Promise<GraphQLResult<T>> {
    const query = documentText(document);
    let res: TransportResponse;
    try {
      res = await transport({
        url,
        query,
        operationName: operationNameOf(query),
        variables,
        headers,
        signal: opts?.signal,
        fetch: options.fetch,
      });
    } catch (error) {
      if (isAbort(error, opts?.signal)) {
        throw new StashNetworkError(`StashClient: request to ${shownUrl} was aborted`);
      }
      throw new StashNetworkError(`StashClient: request to ${shownUrl} failed: ${redact(reasonOf(error))}`);
    }
    const { status, body } = res;
    // gqlgen answers parse/validation failures with a 4xx status and a GraphQL body.
    if (body?.errors !== undefined && body.errors.length > 0) {
      return { data: (body.data ?? null) as T | null, errors: redactApiKeys(body.errors, keys), status };
    }
    if (status < 200 || status > 299 || body === undefined) {
      throw new StashNetworkError(
        httpMessage(status, shownUrl, apiKey !== undefined, bodyExcerpt(res.text, keys)),
        { status },
      );
    }
    return { data: (body.data ?? null) as T | null, errors: undefined, status };
  }

  const stashClient: StashClient = {
    url,
    request,
    async execute<T>(
      document: string | ParsedDocument,
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
  if (apiKey !== undefined) rememberApiKey(stashClient, apiKey);
  return stashClient;
}

function httpMessage(status: number, url: string, sentKey: boolean, excerpt: string): string {
  const head = `StashClient: HTTP ${status} from ${url}`;
  if (status === 401) {
    return sentKey
      ? `${head}: the ApiKey was refused; check it (Stash: Settings > Security > API Key; a new key replaces the old one) or the session`
      : `${head}: Stash needs credentials; pass apiKey (Stash: Settings > Security > API Key) or log in (session cookie)`;
  }
  if (status === 403)
    return `${head}: forbidden; check the ApiKey, the session, or the server's allowed origins`;
  return excerpt === '' ? head : `${head}: ${excerpt}`;
}

// The lower-level reason, with the socket error code (or reason) undici hides in `cause`.
function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause as { code?: unknown; message?: unknown } | undefined;
  const detail = typeof cause?.code === 'string' ? cause.code : cause?.message;
  return typeof detail === 'string' && detail !== '' ? `${error.message} (${detail})` : error.message;
}

function documentText(document: string | ParsedDocument): string {
  if (typeof document === 'string') return document;
  const text = (document as ParsedDocument | null)?.loc?.source?.body;
  if (typeof text !== 'string') {
    throw new StashValidationError(
      'StashClient: a document must be a string or a parsed document that kept its source (graphql parse without noLocation, gql)',
    );
  }
  return text;
}

// The first operation's name (`query FindScenes(...)`), sent as `operationName` as graphql-request does.
function operationNameOf(query: string): string | undefined {
  return /^\s*(?:#[^\n]*\n\s*)*(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/.exec(query)?.[1];
}

function isAbort(error: unknown, signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true || (error instanceof Error && error.name === 'AbortError');
}
