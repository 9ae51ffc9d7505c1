/**
 * `createHostStore()`: a stashkit store on the Stash page's own `/graphql`. Same origin, so the
 * browser's session cookie authenticates it (no ApiKey is sent or needed), under any reverse-proxy
 * prefix the page's `<base href>` carries. Like Stash's UI, a 401 (session expired) goes to the
 * login page unless `onUnauthorized: 'error'`. Requests go through `fetchTransport` (the
 * smallest bundle) unless `transport` is given. `@stashkit/plugin/read` has the read-only one.
 */
import {
  createStashStoreWith,
  fetchTransport,
  type CreateStashStoreOptions,
  type SchemaTypes,
  type StashEntityStore,
} from '@stashkit/core';
import type { StashTypes } from '@stashkit/core';
import { hostGraphqlUrl, hostLoginUrl, pageBaseURI } from './hostGraphqlUrl';

export interface HostStoreOptions<S extends SchemaTypes = StashTypes> extends Omit<
  CreateStashStoreOptions<S>,
  'url' | 'apiKey'
> {
  /** The page's base (default `document.baseURI`, i.e. `<base href>`). */
  baseURI?: string;
  /** On HTTP 401: `'login'` (default) navigates to `<base>login?returnURL=…` as Stash does; `'error'` only fails the request. */
  onUnauthorized?: 'login' | 'error';
}

export function createHostStore<S extends SchemaTypes = StashTypes>(
  options: HostStoreOptions<S> = {},
): StashEntityStore<S> {
  // fetchTransport: a panel ships no graphql-request or graphql-js (`transport` still overrides it).
  return createStashStoreWith<S>(fetchTransport, hostStoreOptions('createHostStore', options));
}

/**
 * `createHostStore`'s options checked and turned into `createStashStore` options (the page's
 * endpoint and session fetch); `@stashkit/plugin/read`'s read-only `createHostStore` shares it.
 */
export function hostStoreOptions<S extends SchemaTypes>(
  call: string,
  options: HostStoreOptions<S>,
): CreateStashStoreOptions<S> {
  if ('apiKey' in options || 'url' in options) {
    throw new Error(
      `${call}: url and apiKey are not options: the store uses the page session on <base href>graphql (use createStashStore for another server)`,
    );
  }
  const { baseURI = pageBaseURI(), onUnauthorized = 'login', fetch: customFetch, ...storeOptions } = options;
  if (onUnauthorized !== 'login' && onUnauthorized !== 'error') {
    throw new Error(
      `${call}: onUnauthorized must be 'login' or 'error', got ${JSON.stringify(onUnauthorized)}`,
    );
  }
  const baseFetch: typeof fetch = customFetch ?? ((input, init) => globalThis.fetch(input, init));
  const sessionFetch: typeof fetch = async (input, init) => {
    // Same origin: the session cookie goes along (the default, said explicitly so a proxy-set default cannot drop it).
    const response = await baseFetch(input, { ...init, credentials: 'same-origin' });
    if (response.status === 401 && onUnauthorized === 'login' && typeof window !== 'undefined') {
      window.location.assign(hostLoginUrl(baseURI, window.location.href));
    }
    return response;
  };
  return { ...storeOptions, url: hostGraphqlUrl(baseURI), fetch: sessionFetch } as CreateStashStoreOptions<S>;
}
