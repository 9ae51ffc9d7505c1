import { startTestStash } from '@stashkit/testkit';

export type TestStash = Awaited<ReturnType<typeof startTestStash>>;

export interface GqlAnswer {
  status: number;
  body: any;
  headers: Headers;
}

/** Posts a GraphQL request to the mock over real HTTP. */
export async function gql(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GqlAnswer> {
  const operationName = /^\s*(?:query|mutation)\s+(\w+)/.exec(query)?.[1];
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables, operationName }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
}

/** Like `gql`, but fails the test on any error and returns `data`. */
export async function data(url: string, query: string, variables?: Record<string, unknown>): Promise<any> {
  const answer = await gql(url, query, variables);
  if (answer.status !== 200 || answer.body.errors) {
    throw new Error(`unexpected answer ${answer.status}: ${JSON.stringify(answer.body)}`);
  }
  return answer.body.data;
}

export { startTestStash };
