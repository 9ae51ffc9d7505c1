// The transport seam: the default (graphql-request) and `fetchTransport` run the same request
// pipeline over real HTTP, so reads, retries, aborts, error mapping and redaction must come out
// identical; every document the store prints must also be what graphql-js prints for it.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parse, print } from 'graphql';
import { startTestStash, type TestStash } from '@stashkit/testkit';
import {
  createStashClient,
  createStashStore,
  graphqlRequestTransport,
  StashAbortError,
  StashGraphQLError,
  StashNetworkError,
  StashValidationError,
  type CreateStashStoreOptions,
  type StashEntityStore,
  type StashTimers,
  type StashTransport,
} from '../src/index';
import { createStashStore as createFetchStore, fetchTransport } from '../src/fetch';

const API_KEY = 'transport-secret-42';
let stash: TestStash;
beforeAll(async () => {
  stash = await startTestStash({ size: 40, apiKey: API_KEY });
});
afterAll(async () => {
  await stash.close();
});
beforeEach(() => stash.reset());

// Backoffs fire only when the test says so.
function manualDelays() {
  const waiting: (() => void)[] = [];
  const delay: StashTimers['delay'] = (callback) => {
    waiting.push(callback);
    wake?.();
    return () => void waiting.splice(waiting.indexOf(callback), 1);
  };
  let wake: (() => void) | undefined;
  const next = async () => {
    if (waiting.length === 0) await backoffAsked((w) => (wake = w));
    const fire = waiting.shift();
    if (fire === undefined) throw new Error('no backoff is waiting');
    fire();
  };
  return { delay, next };
}

type Make = (options: CreateStashStoreOptions) => StashEntityStore;
const transports: [string, Make][] = [
  ['graphql-request (default)', (o) => createStashStore(o)],
  ['fetch (@stashkit/core/fetch)', (o) => createFetchStore(o)],
  ['fetch (transport option)', (o) => createStashStore({ ...o, transport: fetchTransport })],
];

/** What a scenario observed, compared across transports. */
async function outcome(promise: Promise<unknown>) {
  try {
    await promise;
    return { ok: true };
  } catch (e) {
    const error = e as StashNetworkError;
    return { ok: false, type: error.constructor.name, message: error.message, status: error.status };
  }
}

describe.each(transports)('transport %s', (_, make) => {
  it('reads over real HTTP with the ApiKey, the operation name and a document graphql-js prints the same', async () => {
    const store = make({ url: stash.url, apiKey: API_KEY, retry: false });
    const scene = await store.get('Scene', '3', {
      fields: ['title', 'studio.name', 'performers.name', 'files.path', 'tags.scene_count(depth: -1)'],
    });
    expect(scene?.id).toBe('3');
    const [tags] = await Promise.all([store.find('Tag', { name__icontains: 'a' }, { fields: ['name'] })]);
    expect(Array.isArray(tags)).toBe(true);
    expect(stash.requests.length).toBeGreaterThanOrEqual(2);
    for (const entry of stash.requests) {
      expect(entry.operationName).toMatch(/^\w+$/);
      expect(entry.query).toBe(print(parse(entry.query)));
    }
  });

  it('retries a read on 503 and a dropped connection, then answers', async () => {
    const timers = manualDelays();
    const store = make({ url: stash.url, apiKey: API_KEY, timers: { delay: timers.delay } });
    stash.faults.next({ status: 503 }).next({ drop: true });
    const read = store.get('Tag', '2', { fields: ['name'] });
    await timers.next();
    await timers.next();
    expect((await read)?.id).toBe('2');
    expect(store.requestCount).toBe(3);
  });

  it('an abort in flight is a StashAbortError and writes nothing', async () => {
    const store = make({ url: stash.url, apiKey: API_KEY, retry: false });
    const held = stash.faults.hold(/.*/);
    const controller = new AbortController();
    const read = store.get('Performer', '4', { fields: ['name'], signal: controller.signal });
    await held.executed;
    controller.abort();
    await expect(read).rejects.toBeInstanceOf(StashAbortError);
    held.release();
    expect(store.cacheStats().totalEntries).toBe(0);
  });

  it('maps GraphQL errors, HTTP failures and refused keys the same way, with the key redacted', async () => {
    const store = make({ url: stash.url, apiKey: API_KEY, retry: false });
    stash.faults.next({ status: 500, body: `<html>boom ${API_KEY}</html>` });
    const http = await outcome(store.get('Tag', '5', { fields: ['name'] }));
    expect(http).toMatchObject({ ok: false, type: 'StashNetworkError', status: 500 });
    expect(http.message).toContain('boom ***');
    expect(http.message).not.toContain(API_KEY);

    stash.faults.next({ graphqlErrors: [{ message: `nope ${API_KEY}` }] });
    const gql = await store.get('Tag', '6', { fields: ['name'] }).catch((e: unknown) => e);
    expect(gql).toBeInstanceOf(StashGraphQLError);
    expect((gql as StashGraphQLError).message).not.toContain(API_KEY);

    const noKey = make({ url: stash.url, retry: false });
    const refused = await outcome(noKey.get('Tag', '1'));
    expect(refused).toMatchObject({ ok: false, type: 'StashNetworkError', status: 401 });
    expect(refused.message).toMatch(/needs credentials/);
  });

  it('a connection refused is a StashNetworkError naming the URL, never the key', async () => {
    // Port 2: privileged, nothing listens there, and not one of fetch's blocked ports (a freed ephemeral port could be reused by a parallel suite's mock).
    const store = make({ url: `http://127.0.0.1:2/graphql?apikey=${API_KEY}`, retry: false });
    const result = await outcome(store.get('Tag', '1'));
    expect(result).toMatchObject({ ok: false, type: 'StashNetworkError' });
    expect(result.message).toMatch(/failed: .*ECONNREFUSED/);
    expect(result.message).not.toContain(API_KEY);
  });
});

describe('the same answers whichever transport carries them', () => {
  it('every error scenario gives the same class, status and message', async () => {
    const scenarios: [string, (s: TestStash) => void, boolean][] = [
      ['http 502', (s) => void s.faults.next({ status: 502, body: 'bad gateway' }), true],
      ['graphql error', (s) => void s.faults.next({ graphqlErrors: [{ message: 'broken' }] }), true],
      ['no key', () => {}, false],
    ];
    for (const [name, arrange, withKey] of scenarios) {
      const seen = [];
      for (const [, make] of transports) {
        arrange(stash);
        const store = make({ url: stash.url, apiKey: withKey ? API_KEY : undefined, retry: false });
        seen.push(await outcome(store.get('Studio', '1', { fields: ['name'] })));
      }
      expect(seen[1], name).toEqual(seen[0]);
      expect(seen[2], name).toEqual(seen[0]);
    }
  });

  it('a custom transport receives the request the client built and its answer is mapped as any other', async () => {
    const seen: { query: string; operationName: string | undefined; headers: Record<string, string> }[] = [];
    const recording: StashTransport = (request) => {
      seen.push({
        query: request.query,
        operationName: request.operationName,
        headers: { ...request.headers },
      });
      return graphqlRequestTransport(request);
    };
    const store = createStashStore({ url: stash.url, apiKey: API_KEY, transport: recording });
    expect((await store.get('Tag', '3', { fields: ['name'] }))?.id).toBe('3');
    expect(seen).toHaveLength(1);
    expect(seen[0].headers.ApiKey).toBe(API_KEY);
    expect(seen[0].query.startsWith(`query ${seen[0].operationName}`)).toBe(true);
  });

  it('a transport that is not a function, or a document without its source, is refused before any request', async () => {
    expect(() => createStashStore({ url: stash.url, transport: 'fetch' as never })).toThrow(
      StashValidationError,
    );
    const client = createStashClient({ url: stash.url, apiKey: API_KEY });
    await expect(client.request({ kind: 'Document' })).rejects.toThrow(/kept its source/);
    const parsed = parse('query One { findTag(id: "1") { id name } }');
    expect((await client.execute<{ findTag: { id: string } }>(parsed)).findTag.id).toBe('1');
    expect(stash.requests).toHaveLength(1);
  });
});

// Waits for the store's next backoff request; the 10 s timer only turns a missing one into a failure.
function backoffAsked(register: (wake: () => void) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const guard = setTimeout(() => reject(new Error('no backoff is waiting')), 10_000);
    register(() => {
      clearTimeout(guard);
      resolve();
    });
  });
}
