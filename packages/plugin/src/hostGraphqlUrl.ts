/**
 * The host's GraphQL endpoint as Stash's UI finds it: `graphql` under the page's `<base href>`
 * (Stash rewrites it for a reverse-proxy prefix, X-Forwarded-Prefix), on the page's own origin.
 */
export function hostGraphqlUrl(baseURI: string = pageBaseURI()): string {
  return new URL('graphql', baseURI).href;
}

/** `<base href>` resolved against the page (document.baseURI), as the UI's `getPlatformURL` does. */
export function pageBaseURI(): string {
  if (typeof document === 'undefined' || typeof document.baseURI !== 'string') {
    throw new Error('hostGraphqlUrl: no document (pass the page base URI, e.g. https://host/stash/)');
  }
  return document.baseURI;
}

/** `<base>login?returnURL=<page>`: where Stash's UI sends a session that answered 401. */
export function hostLoginUrl(baseURI: string, returnURL: string): string {
  const url = new URL('login', baseURI);
  url.searchParams.append('returnURL', returnURL);
  return url.href;
}
