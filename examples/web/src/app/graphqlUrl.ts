/**
 * The Stash endpoint, same origin: `<base href>graphql`, so a reverse-proxy prefix keeps working.
 * graphql-request needs an absolute URL, hence the `URL` against `document.baseURI`.
 */
export function graphqlUrl(base: string = document.baseURI): string {
  return new URL('graphql', base).href;
}
