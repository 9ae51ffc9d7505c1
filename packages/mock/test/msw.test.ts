import { setupServer } from 'msw/node';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createMockStashHandlers } from '../src/msw';
import { validateDocument } from '@stashkit/testkit';

const { handlers, mock } = createMockStashHandlers({ size: 50 });
const server = setupServer(...handlers);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => {
  server.close();
  // MSW requests never reach a port, so validate what the mock received here.
  for (const entry of mock.requests) expect(validateDocument(entry.query)).toEqual([]);
});

it('answers GraphQL on any */graphql URL through MSW', async () => {
  const query = `query Few { findScenes(filter: { per_page: 2 }) { count scenes { id } } }`;
  const response = await fetch('http://stash.example/graphql', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ query, operationName: 'Few' }),
  });
  expect(response.status).toBe(200);
  const body = await response.json();
  expect(body.data.findScenes).toEqual({ count: 50, scenes: [{ id: '1' }, { id: '2' }] });
  expect(mock.requests[0].operationName).toBe('Few');
});

it('turns a dropped connection into a network error', async () => {
  mock.faults.next({ drop: true });
  await expect(
    fetch('http://stash.example/graphql', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: '{ version { version } }' }),
    }),
  ).rejects.toThrow();
});
