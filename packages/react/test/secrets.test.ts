/**
 * The ApiKey never observable: for every kind of failure and both places a key can be given (the
 * `apiKey` option, `?apikey=` in the url), the key is absent from the error (message, stack, cause,
 * JSON, `util.inspect` with hidden properties), from console output, from the Zustand slice state
 * and from what devtools are sent. Server data carries the key (Stash's `?apikey=` media URLs):
 * `redactDevtools` takes it out of the devtools serialization.
 */
import { inspect } from 'node:util';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { devtools } from 'zustand/middleware';
import { startTestStash, type TestStash } from '@stashkit/testkit';
import {
  createStashStore,
  StashAbortError,
  StashGraphQLError,
  StashNetworkError,
  StashValidationError,
} from '@stashkit/core';
import { createEntitySlice, type EntitySlice } from '../src/index';

const KEY = 'eyJhbGciOiJIUzI1NiJ9.c2VjcmV0LWtleQ.Xy_9-secret';

let stash: TestStash;
beforeAll(async () => {
  stash = await startTestStash({ size: 10, apiKey: KEY });
});
afterAll(async () => {
  await stash.close();
});

// A stand-in for the Redux DevTools extension: what it would serialize (JSON, as the extension does).
let sent: string[] = [];
let printed: string[] = [];
beforeEach(() => {
  stash.reset();
  sent = [];
  printed = [];
  (window as unknown as Record<string, unknown>).__REDUX_DEVTOOLS_EXTENSION__ = {
    connect: () => ({
      init: (state: unknown) => void sent.push(JSON.stringify(state)),
      send: (action: unknown, state: unknown) => void sent.push(JSON.stringify([action, state])),
      subscribe: () => () => {},
      unsubscribe: () => {},
      error: () => {},
    }),
  };
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      printed.push(args.map((a) => inspect(a, { showHidden: true, depth: 8 })).join(' '));
    });
  }
});
afterEach(() => {
  vi.restoreAllMocks();
  delete (window as unknown as Record<string, unknown>).__REDUX_DEVTOOLS_EXTENSION__;
});

const PLACEMENTS = {
  header: () => ({ url: stash.url, apiKey: KEY }),
  url: () => ({ url: `${stash.url}?apikey=${KEY}` }),
} as const;

function sliceStore(placement: keyof typeof PLACEMENTS, redactDevtools = false) {
  const app = createStore<EntitySlice>()(
    devtools((...a) => createEntitySlice({ ...PLACEMENTS[placement](), retry: false, redactDevtools })(...a)),
  );
  return app;
}

/** Every rendering of an error a user or a log could see. */
function renderings(error: unknown): string[] {
  const e = error as Error;
  const out = [
    e.message,
    String(e.stack),
    inspect(e.cause, { showHidden: true, depth: 8 }),
    JSON.stringify(e),
    inspect(e, { showHidden: true, depth: 8 }),
    String(e),
  ];
  if (e instanceof StashGraphQLError) out.push(JSON.stringify(e.errors));
  return out;
}

function expectNoKey(texts: readonly string[], what: string): void {
  for (const text of texts) {
    expect(text, what).not.toContain(KEY);
    expect(text, what).not.toContain(encodeURIComponent(KEY));
  }
}

const read = (app: ReturnType<typeof sliceStore>, signal?: AbortSignal) =>
  app.getState().stash.store.get('Scene', '1', { fields: ['title', 'paths.stream'], signal });

/** `[kind, error class, what to do: arrange faults and fail a call]`. */
const KINDS: readonly (readonly [
  string,
  abstract new (...args: never[]) => Error,
  (app: ReturnType<typeof sliceStore>) => Promise<unknown>,
  RegExp?,
])[] = [
  [
    '401 echoing the key',
    StashNetworkError,
    (app) => {
      stash.faults.next({ status: 401, body: `invalid ApiKey ${KEY} (apikey=${KEY})` });
      return read(app);
    },
    /HTTP 401.*Settings > Security > API Key/,
  ],
  [
    '403 echoing the key',
    StashNetworkError,
    (app) => {
      stash.faults.next({ status: 403, body: `forbidden for ${KEY}` });
      return read(app);
    },
    /HTTP 403/,
  ],
  [
    '502 with a body echoing the key',
    StashNetworkError,
    (app) => {
      stash.faults.next({
        status: 502,
        body: `<html>proxy error for GET /graphql?apikey=${KEY} header ApiKey: ${KEY}</html>`,
      });
      return read(app);
    },
    /HTTP 502 .*: <html>proxy error for GET \/graphql\?apikey=\*\*\* header ApiKey: \*\*\*<\/html>/,
  ],
  [
    'dropped connection',
    StashNetworkError,
    (app) => {
      stash.faults.next({ drop: true });
      return read(app);
    },
  ],
  [
    'GraphQL error echoing the key',
    StashGraphQLError,
    (app) => {
      stash.faults.next({
        graphqlErrors: [
          { message: `key ${KEY} is not allowed`, extensions: { apikey: KEY, url: `/x?apikey=${KEY}` } },
        ],
      });
      return read(app);
    },
    /key \*\*\* is not allowed/,
  ],
  [
    'validation',
    StashValidationError,
    (app) => app.getState().stash.store.find('Scene', { rating__gte: 80 } as never),
    /rating100__gte/,
  ],
  [
    'abort (with the key as the abort reason)',
    StashAbortError,
    (app) => {
      const controller = new AbortController();
      const p = read(app, controller.signal);
      controller.abort(new Error(`aborted by ${KEY}`));
      return p;
    },
  ],
];

describe('the ApiKey is never observable', () => {
  for (const placement of Object.keys(PLACEMENTS) as (keyof typeof PLACEMENTS)[]) {
    describe(`key in the ${placement}`, () => {
      it.each(KINDS.map((k) => [k[0], k] as const))('%s', async (_name, [, kind, fail, message]) => {
        const app = sliceStore(placement);
        // A successful read first: the state holds data and devtools have been sent writes.
        await app.getState().stash.store.get('Tag', '1', { fields: ['name'] });
        let error: unknown;
        try {
          await fail(app);
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(kind);
        if (message !== undefined) expect((error as Error).message).toMatch(message);
        expectNoKey(renderings(error), 'error');
        expectNoKey(printed, 'console');
        const state = app.getState();
        expect(state.stash.store.client.url).not.toMatch(/apikey/i);
        expectNoKey(
          [
            JSON.stringify(state),
            JSON.stringify(state.stash.store),
            inspect(state.stash.store.client, { showHidden: true, depth: 8 }),
          ],
          'slice state',
        );
        expectNoKey(sent, 'devtools');
        expect(sent.length).toBeGreaterThan(1);
      });
    });
  }

  it('a bad key is refused by createStashStore without showing it', () => {
    let error: unknown;
    try {
      createStashStore({ url: stash.url, apiKey: `${KEY}\n` });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StashValidationError);
    expect((error as Error).message).toMatch(/apiKey has a control character \(U\+000A\)/);
    expectNoKey(renderings(error), 'error');
    expect(stash.requests).toHaveLength(0);
  });

  it('server data carries ?apikey= (Stash builds media URLs so); redactDevtools keeps it out of devtools', async () => {
    for (const redact of [false, true]) {
      sent = [];
      const app = sliceStore('url', redact);
      const scene = await app.getState().stash.store.get('Scene', '1', { fields: ['paths.stream'] });
      // The app's data is untouched: the stream URL works in a <video> without headers.
      const stream = (scene as unknown as { paths: { stream: string } }).paths.stream;
      expect(stream).toContain(`apikey=${encodeURIComponent(KEY)}`);
      const shown = sent.join('\n') + JSON.stringify(app.getState());
      if (redact) {
        expectNoKey([shown], 'devtools');
        expect(shown).toContain('/stream?apikey=***');
      } else expect(shown).toContain(encodeURIComponent(KEY));
    }
  });
});
