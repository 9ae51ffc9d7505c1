/**
 * `fetchTransport`: the GraphQL-over-HTTP POST with `fetch` alone, for the smallest bundles (no
 * graphql-request, no graphql-js). It accepts `application/graphql-response+json` and
 * `application/json` answers, as graphql-request does.
 */
import type { StashTransport, TransportResponse } from './stashTransport';

export const fetchTransport: StashTransport = async (request) => {
  const send = request.fetch ?? globalThis.fetch;
  const body: Record<string, unknown> = { query: request.query };
  if (request.variables !== undefined) body.variables = request.variables;
  if (request.operationName !== undefined) body.operationName = request.operationName;
  const response = await send(request.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...request.headers,
    },
    body: JSON.stringify(body),
    signal: request.signal ?? null,
  });
  const text = await response.text();
  const parsed = graphqlBody(text);
  return parsed === undefined
    ? { status: response.status, body: undefined, text }
    : { status: response.status, body: parsed };
};

function graphqlBody(text: string): TransportResponse['body'] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const { data, errors } = parsed as { data?: unknown; errors?: unknown };
  if (data === undefined && !Array.isArray(errors)) return undefined;
  return Array.isArray(errors) ? { data, errors } : { data };
}
