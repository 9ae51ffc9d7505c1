import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMockStashHandler } from '../src/index';
import { data, gql, startTestStash, type TestStash } from './helpers';

const VERSION = `query Version { version { version } }`;

describe('ApiKey auth', () => {
  let secured: TestStash;
  let open: TestStash;
  beforeAll(async () => {
    secured = await startTestStash({ size: 50, apiKey: 'secret-key' });
    open = await startTestStash({ size: 50 });
  });
  afterAll(async () => {
    await secured.close();
    await open.close();
  });

  it('a missing or wrong key gets 401 with WWW-Authenticate: FormBased and an empty body', async () => {
    for (const headers of [{}, { ApiKey: 'nope' }] as Record<string, string>[]) {
      const answer = await gql(secured.url, VERSION, undefined, headers);
      expect(answer.status).toBe(401);
      expect(answer.headers.get('www-authenticate')).toBe('FormBased');
      expect(answer.body).toBeNull();
    }
  });

  it('the right key works as a header or as ?apikey=', async () => {
    expect((await gql(secured.url, VERSION, undefined, { ApiKey: 'secret-key' })).status).toBe(200);
    expect((await gql(`${secured.url}?apikey=secret-key`, VERSION)).status).toBe(200);
  });

  it('the stream URL carries the key, as in Stash', async () => {
    const answer = await gql(secured.url, `query S { findScene(id: "1") { paths { stream } } }`, undefined, {
      ApiKey: 'secret-key',
    });
    expect(answer.body.data.findScene.paths.stream).toMatch(/\?apikey=secret-key$/);
  });

  it('without a configured key, a non-empty key is still refused', async () => {
    expect((await gql(open.url, VERSION)).status).toBe(200);
    expect((await gql(open.url, VERSION, undefined, { ApiKey: 'anything' })).status).toBe(401);
  });
});

describe('transport, faults, log and reset', () => {
  let stash: TestStash;
  beforeAll(async () => {
    stash = await startTestStash({ size: 100 });
  });
  beforeEach(() => stash.reset());
  afterAll(() => stash.close());

  it('logs operation name, query, variables, time and status', async () => {
    const before = Date.now();
    await gql(stash.url, `query Named($id: ID!) { findScene(id: $id) { id } }`, { id: '3' });
    expect(stash.requests).toHaveLength(1);
    expect(stash.requests[0]).toMatchObject({ operationName: 'Named', variables: { id: '3' }, status: 200 });
    expect(stash.requests[0].query).toContain('findScene');
    expect(stash.requests[0].time).toBeGreaterThanOrEqual(before);
  });

  it('a syntax error is a 422 with GRAPHQL_PARSE_FAILED for an application/json client, 400 for graphql-response+json', async () => {
    const query = `query Broken { findScene(id: "1") { id }`;
    stash.expectInvalid(query);
    const answer = await gql(stash.url, query, undefined, { Accept: 'application/json' });
    expect(answer.status).toBe(422);
    expect(answer.headers.get('content-type')).toBe('application/json');
    expect(answer.body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    const modern = await gql(stash.url, query, undefined, { Accept: 'application/graphql-response+json' });
    expect(modern.status).toBe(400);
    expect(modern.headers.get('content-type')).toBe('application/graphql-response+json');
    expect(modern.body).toEqual(answer.body);
  });

  it('negotiates the response type as gqlgen: the first known Accept type decides, */* and none known mean graphql-response+json', async () => {
    const cases: [string | null, string][] = [
      [null, 'application/json'],
      ['application/json', 'application/json'],
      ['application/graphql-response+json, application/json;q=0.9', 'application/graphql-response+json'],
      ['application/json;q=0.1, application/graphql-response+json', 'application/json'],
      ['*/*', 'application/graphql-response+json'],
      ['text/html, application/*', 'application/graphql-response+json'],
      ['text/html', 'application/graphql-response+json'],
    ];
    for (const [accept, type] of cases) {
      const response = await fetch(stash.url, {
        method: 'POST',
        // undici sends Accept: */* unless told otherwise; '' stands for no Accept at all
        headers: { 'Content-Type': 'application/json', Accept: accept ?? '' },
        body: JSON.stringify({ query: VERSION }),
      });
      expect([accept, response.status, response.headers.get('content-type')]).toEqual([accept, 200, type]);
      expect((await response.json()).data.version.version).toMatch(/^v/);
    }
  });

  it('answers GET queries and refuses GET mutations with 406', async () => {
    const url = new URL(stash.url);
    url.searchParams.set('query', VERSION);
    const ok = await fetch(url);
    expect(ok.status).toBe(200);
    url.searchParams.set('query', `mutation M { sceneResetO(id: "1") }`);
    expect((await fetch(url)).status).toBe(406);
  });

  it('injects latency', async () => {
    stash.faults.next({ latencyMs: 150 });
    const started = Date.now();
    await data(stash.url, VERSION);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('injects an HTTP 500 for the next request only', async () => {
    stash.faults.next({ status: 500 });
    const failed = await fetch(stash.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: VERSION }),
    });
    expect(failed.status).toBe(500);
    expect(await failed.text()).toBe('MockStash: injected fault');
    expect((await gql(stash.url, VERSION)).status).toBe(200);
    expect(stash.requests.map((r) => r.status)).toEqual([500, 200]);
  });

  it('drops the connection for real', async () => {
    stash.faults.next({ drop: true });
    await expect(
      fetch(stash.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ query: VERSION }),
      }),
    ).rejects.toThrow();
    expect(stash.requests[0].status).toBe(0);
  });

  it('injects GraphQL errors for a matching operation name, a limited number of times', async () => {
    stash.faults.add('Version', { graphqlErrors: [{ message: 'boom', path: ['version'] }] }, { times: 1 });
    const faulted = await gql(stash.url, VERSION);
    expect(faulted.body).toEqual({ errors: [{ message: 'boom', path: ['version'] }], data: null });
    expect((await gql(stash.url, VERSION)).body.data.version.version).toMatch(/^v0\.30/);
  });

  it('injects partial data: one field null with an error at its path', async () => {
    stash.faults.next({ partial: [{ path: ['b'], message: 'half' }] });
    const answer = await gql(
      stash.url,
      `query Two { a: findScene(id: "1") { id } b: findScene(id: "2") { id } }`,
    );
    expect(answer.body.data).toEqual({ a: { id: '1' }, b: null });
    expect(answer.body.errors).toEqual([{ message: 'half', path: ['b'] }]);
  });

  it('holds an executed answer until released: an older answer lands after a newer one', async () => {
    const TITLE = `query Title { findScene(id: "1") { title } }`;
    const held = stash.faults.hold('Title');
    const first = gql(stash.url, TITLE);
    await held.executed;
    await data(stash.url, `mutation T { sceneUpdate(input: { id: "1", title: "newer" }) { id } }`);
    const second = await gql(stash.url, TITLE);
    expect(second.body.data.findScene.title).toBe('newer');
    let landed = false;
    void first.then(() => (landed = true));
    await data(stash.url, VERSION);
    expect(landed).toBe(false);
    held.release();
    // Executed before the update: the held answer still carries the old title.
    expect((await first).body.data.findScene.title).not.toBe('newer');
  });

  it('rewrite executes the request, then answers 200 with what it returns', async () => {
    stash.faults.next({
      rewrite: (body) => {
        expect(body.data).toEqual({ sceneUpdate: { id: '1' } });
        return { data: {} };
      },
    });
    const answer = await gql(
      stash.url,
      `mutation T { sceneUpdate(input: { id: "1", title: "rewritten" }) { id } }`,
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ data: {} });
    expect((await data(stash.url, `query Q { findScene(id: "1") { title } }`)).findScene.title).toBe(
      'rewritten',
    );
  });

  it('afterExecute runs the request, then loses the answer (a mutation that ran but failed)', async () => {
    stash.faults.next({ afterExecute: true, status: 502 });
    const lost = await fetch(stash.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: `mutation T { sceneUpdate(input: { id: "1", title: "ran" }) { id } }` }),
    });
    expect(lost.status).toBe(502);
    expect((await data(stash.url, `query Q { findScene(id: "1") { title } }`)).findScene.title).toBe('ran');
    stash.faults.next({ afterExecute: true, drop: true });
    await expect(
      gql(stash.url, `mutation T { sceneUpdate(input: { id: "1", title: "dropped" }) { id } }`),
    ).rejects.toThrow();
    expect((await data(stash.url, `query Q { findScene(id: "1") { title } }`)).findScene.title).toBe(
      'dropped',
    );
  });

  it('reset() restores the seed data and empties the log and faults', async () => {
    await data(stash.url, `mutation T { sceneUpdate(input: { id: "1", title: "changed" }) { id } }`);
    stash.faults.add(/.*/, { status: 503 });
    stash.reset();
    expect(stash.requests).toHaveLength(0);
    expect(stash.faults.pending).toBe(0);
    const d = await data(stash.url, `query T { findScene(id: "1") { title } }`);
    expect(d.findScene.title).not.toBe('changed');
  });
});

describe('determinism and the fetch handler', () => {
  it('the same seed gives the same data; another seed differs', async () => {
    const query = `query D { findScenes(filter: { per_page: 5 }) { scenes { id title date performers { name } } } }`;
    const run = async (seed: number) => {
      const handler = createMockStashHandler({ seed, size: 100 });
      const response = await handler(
        new Request('http://mock.local/graphql', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ query }),
        }),
      );
      return response.json();
    };
    expect(await run(3)).toEqual(await run(3));
    expect(await run(3)).not.toEqual(await run(4));
  });

  it('the fetch handler rejects like fetch on a dropped connection', async () => {
    const handler = createMockStashHandler({ size: 20 });
    handler.faults.next({ drop: true });
    await expect(
      handler(new Request('http://mock.local/graphql', { method: 'POST', body: '{}' })),
    ).rejects.toThrow(TypeError);
  });
});
