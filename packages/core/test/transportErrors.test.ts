// Transport errors that help: 401 says what to check, other statuses carry a short redacted body
// excerpt, socket errors their code; a key in the url moves into the header.
import { createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestStash, type TestStash } from '@stashkit/testkit';
import { createStashStore, StashNetworkError } from '../src/index';

const KEY = 'transport-key-123';
let stash: TestStash;
beforeAll(async () => {
  stash = await startTestStash({ size: 5, apiKey: KEY });
});
afterAll(async () => {
  await stash.close();
});
beforeEach(() => stash.reset());

const read = (options: { url?: string; apiKey?: string }) =>
  createStashStore({ url: stash.url, retry: false, ...options }).get('Tag', '1', { fields: ['name'] });

describe('transport errors', () => {
  it('401 without a key says to pass one (Stash: Settings > Security > API Key) or log in', async () => {
    const error = await read({}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StashNetworkError);
    expect((error as StashNetworkError).status).toBe(401);
    expect((error as Error).message).toMatch(
      /HTTP 401 from .*: Stash needs credentials; pass apiKey \(Stash: Settings > Security > API Key\) or log in/,
    );
  });

  it('401 with a wrong key says it was refused and where to find the right one', async () => {
    const error = await read({ apiKey: 'wrong-key' }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(
      /HTTP 401 .*the ApiKey was refused; check it \(Stash: Settings > Security > API Key/,
    );
    expect((error as Error).message).not.toContain('wrong-key');
  });

  it('a 5xx carries a one-line excerpt of at most 200 characters, redacted', async () => {
    stash.faults.next({ status: 503, body: `upstream\n\n  down (key ${KEY}) ` + 'x'.repeat(500) });
    const error = await read({ apiKey: KEY }).catch((e: unknown) => e);
    const message = (error as Error).message;
    const excerpt = message.slice(message.indexOf('graphql: ') + 'graphql: '.length);
    expect(excerpt.startsWith('upstream down (key ***) xxx')).toBe(true);
    expect(excerpt.length).toBeLessThanOrEqual(200);
    expect(excerpt.endsWith('...')).toBe(true);
  });

  it('a refused connection names the socket error code', async () => {
    // A port that was free a moment ago: nothing listens there.
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as AddressInfo;
        server.close(() => resolve(port));
      });
    });
    const error = await createStashStore({ url: `http://127.0.0.1:${port}/graphql`, retry: false })
      .get('Tag', '1')
      .catch((e: unknown) => e);
    expect((error as Error).message).toMatch(
      /request to http:\/\/127\.0\.0\.1:\d+\/graphql failed: fetch failed \(ECONNREFUSED\)/,
    );
  });

  it('a key in the url authenticates through the header and is not in client.url', async () => {
    const store = createStashStore({ url: `${stash.url}?apikey=${KEY}&x=1`, retry: false });
    expect(store.client.url).toBe(`${stash.url}?x=1`);
    expect((await store.get('Tag', '1', { fields: ['name'] }))?.id).toBe('1');
    expect(JSON.stringify(store)).toBe(JSON.stringify({ url: `${stash.url}?x=1` }));
  });
});
