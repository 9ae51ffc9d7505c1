/**
 * `graphqlRequestTransport`: the default transport, graphql-request's `GraphQLClient` with
 * `errorPolicy: 'all'` (an answer with errors is returned, not thrown). Its `ClientError` (a 4xx/5xx
 * status, or a body that is no GraphQL response) becomes the status and body it carries.
 */
import { ClientError, GraphQLClient } from 'graphql-request';
import type { GraphQLErrorEntry } from '../errors';
import type { StashTransport } from './stashTransport';

export const graphqlRequestTransport: StashTransport = async (request) => {
  const client = new GraphQLClient(request.url, {
    headers: { ...request.headers },
    fetch: request.fetch,
    errorPolicy: 'all',
  });
  try {
    const res = await client.rawRequest<unknown>({
      query: request.query,
      variables: request.variables,
      signal: request.signal,
    });
    return {
      status: res.status,
      body: { data: res.data, errors: res.errors as GraphQLErrorEntry[] | undefined },
    };
  } catch (error) {
    if (!(error instanceof ClientError)) throw error;
    const { status, errors, data, body } = error.response as {
      status: number;
      errors?: GraphQLErrorEntry[];
      data?: unknown;
      body?: string;
    };
    const graphql = (errors !== undefined && errors.length > 0) || data !== undefined;
    return graphql ? { status, body: { data, errors } } : { status, body: undefined, text: body };
  }
};
