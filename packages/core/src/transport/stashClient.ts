/**
 * `createStashClient`: a client on Stash's `/graphql` (`transportClient.ts`) whose requests go
 * through graphql-request unless `transport` says otherwise (`fetchTransport`).
 */
import { graphqlRequestTransport } from './graphqlRequestTransport';
import { createTransportClient, type StashClient, type StashClientOptions } from './transportClient';

export {
  CLIENT_OPTIONS,
  checkApiKey,
  clientApiKey,
  redact,
  type GraphQLResult,
  type ParsedDocument,
  type RequestOptions,
  type StashClient,
  type StashClientOptions,
} from './transportClient';

export function createStashClient(options: StashClientOptions): StashClient {
  return createTransportClient(options, options.transport ?? graphqlRequestTransport);
}
