export const APPLICATION_JSON = 'application/json';
export const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json';

/**
 * gqlgen's (v0.17.73) choice of response type from `Accept`: none → `application/json`; otherwise the first
 * listed type it knows decides (`*\/*` and `application/*` choose `application/graphql-response+json`), ignoring
 * q-values; nothing known → `application/graphql-response+json`.
 */
export function responseContentType(accept: string | null): string {
  if (!accept) return APPLICATION_JSON;
  for (const part of accept.split(',')) {
    const mediaType = part.split(';')[0]!.trim().toLowerCase();
    // Go's mime.ParseMediaType rejects a part without a type/subtype pair: skip it
    if (!/^[^\s/]+\/[^\s/]+$/.test(mediaType)) continue;
    if (mediaType === APPLICATION_JSON) return APPLICATION_JSON;
    if (mediaType === '*/*' || mediaType === 'application/*' || mediaType === GRAPHQL_RESPONSE_JSON) {
      return GRAPHQL_RESPONSE_JSON;
    }
  }
  return GRAPHQL_RESPONSE_JSON;
}
