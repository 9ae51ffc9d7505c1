/**
 * createHostStore over real HTTP: `<base href>graphql` under a reverse-proxy prefix, no ApiKey header,
 * the session cookie's credentials mode, and a 401 that fails clearly (or would go to Stash's login).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStash, type TestStash } from '@stashkit/testkit';
import { StashStoreBase, StashEntityStore } from '@stashkit/core';
import { createHostStore, hostGraphqlUrl, hostLoginUrl } from '../src/index';
import { createHostStore as createReadOnlyHostStore } from '../src/read';

let stash: TestStash;
let origin: string;

beforeAll(async () => {
  stash = await startTestStash({ seed: 1, size: 50 });
  origin = new URL(stash.url).origin;
});

afterAll(() => stash.close());

function recordingFetch() {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetcher: typeof fetch = (input, init) => {
    calls.push({ url: String(input), init: init ?? {} });
    return fetch(input, init);
  };
  return { calls, fetcher };
}

describe('createHostStore', () => {
  it('reads <base href>graphql with the page session: same-origin credentials, no ApiKey', async () => {
    const { calls, fetcher } = recordingFetch();
    const store = createHostStore({ baseURI: `${origin}/stash/`, fetch: fetcher });
    const scene = await store.get('Scene', '1', { fields: ['title'] });
    expect(scene?.title).toEqual(stash.db.get('Scene', '1')?.title);
    expect(calls.map((c) => c.url)).toEqual([`${origin}/stash/graphql`]);
    expect(calls[0].init.credentials).toBe('same-origin');
    expect(new Headers(calls[0].init.headers).has('ApiKey')).toBe(false);
  });

  it("@stashkit/plugin/read's is read-only, on the same endpoint and session, and checks the same options", async () => {
    const { calls, fetcher } = recordingFetch();
    const store = createReadOnlyHostStore({ baseURI: `${origin}/stash/`, fetch: fetcher });
    expect(store).toBeInstanceOf(StashStoreBase);
    expect(store).not.toBeInstanceOf(StashEntityStore);
    const scene = await store.get('Scene', '2', { fields: ['title'] });
    expect(scene?.title).toEqual(stash.db.get('Scene', '2')?.title);
    expect(calls.map((c) => c.url)).toEqual([`${origin}/stash/graphql`]);
    expect(calls[0].init.credentials).toBe('same-origin');
    expect(new Headers(calls[0].init.headers).has('ApiKey')).toBe(false);
    expect(() => store.edit(scene!)).toThrow(/StashEntityStore\.edit: this store is read-only/);
    expect(() => createReadOnlyHostStore({ url: 'http://x/graphql' } as never)).toThrow(
      /createHostStore: url and apiKey are not options/,
    );
  });

  it('fails a 401 with the status when asked not to go to the login page', async () => {
    stash.config.general.apiKey = 'secret-key';
    try {
      const store = createHostStore({ baseURI: `${origin}/`, onUnauthorized: 'error', retry: false });
      await expect(store.get('Scene', '1', { fields: ['title'] })).rejects.toMatchObject({ status: 401 });
    } finally {
      stash.config.general.apiKey = '';
    }
  });

  it('refuses url and apiKey: the session is the credential', () => {
    expect(() => createHostStore({ apiKey: 'k' } as never)).toThrow(
      /createHostStore: url and apiKey are not options/,
    );
    expect(() => createHostStore({ baseURI: 'http://x/', onUnauthorized: 'nope' as never })).toThrow(
      "createHostStore: onUnauthorized must be 'login' or 'error'",
    );
  });

  it('derives the endpoint and the login page from the base as Stash does', () => {
    expect(hostGraphqlUrl('https://media.example/stash/')).toBe('https://media.example/stash/graphql');
    expect(hostGraphqlUrl('https://media.example/stash/scenes/12')).toBe(
      'https://media.example/stash/scenes/graphql',
    );
    expect(hostLoginUrl('https://media.example/stash/', 'https://media.example/stash/plugin/x')).toBe(
      'https://media.example/stash/login?returnURL=https%3A%2F%2Fmedia.example%2Fstash%2Fplugin%2Fx',
    );
    expect(() => hostGraphqlUrl()).toThrow('hostGraphqlUrl: no document');
  });
});
