// `@stashkit/core/read`: the read-only store reads like the full one (real HTTP against the mock),
// and every draft, mutation and live call fails with an error naming what to import, never a crash
// (`undefined is not a function`) and never a request. `connectLive(store)` of `@stashkit/core/live`
// gives it live events, closed by `dispose()`.
import { startTestStash, type TestStash } from '@stashkit/testkit';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { FindIterObserver, StashEntityStore, StashStoreBase, StashValidationError } from '../src/index';
import { connectLive } from '../src/live/index';
import { createStashStore } from '../src/readOnly';

const KEY = 'read-only-key';
let stash: TestStash;

beforeAll(async () => {
  stash = await startTestStash({ size: 12, apiKey: KEY });
});
afterAll(() => stash.close());

// The test's sockets, so it ends only when each is closed (the mock's close would reset an open one).
const sockets: WebSocket[] = [];
class TrackedWebSocket extends WebSocket {
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args);
    sockets.push(this);
  }
}

const newStore = () => createStashStore({ url: stash.url, apiKey: KEY, retry: false });

describe('read-only store (@stashkit/core/read)', () => {
  it('reads, finds and iterates like the full store, on fetchTransport', async () => {
    const store = newStore();
    expect(store).toBeInstanceOf(StashStoreBase);
    expect(store).not.toBeInstanceOf(StashEntityStore);
    const scenes = await store.find('Scene', { title__contains: 'e' }, { fields: ['title'], sort: 'id' });
    expect(scenes.length).toBeGreaterThan(0);
    const one = await store.get('Scene', scenes[0].id, { fields: ['title', 'studio.name'] });
    expect(one?.title).toBe(scenes[0].title);
    const observer = new FindIterObserver(store, { type: 'Tag', fields: ['name'], batch: 5 });
    const off = observer.subscribe(() => {});
    await vi.waitFor(() => expect(observer.getResult().status).toBe('success'));
    expect(observer.getResult().items.length).toBe(5);
    off();
    expect(store.drafts()).toEqual([]);
    expect(store.isDeleted('Scene', scenes[0].id)).toBe(false);
  });

  it('edit, create, add and discard throw a StashValidationError naming @stashkit/core', async () => {
    const store = newStore();
    const scene = (await store.get('Scene', '1', { fields: ['title'] }))!;
    const calls: [string, () => unknown][] = [
      ['edit', () => store.edit(scene)],
      ['create', () => store.create('Tag', { name: 'x' })],
      ['add', () => store.add({} as never)],
      ['discard', () => store.discard({} as never)],
    ];
    for (const [name, call] of calls) {
      expect(call).toThrow(StashValidationError);
      expect(call).toThrow(
        `StashEntityStore.${name}: this store is read-only (created by @stashkit/core/read, which leaves drafts and mutations out); create it with createStashStore from '@stashkit/core' or '@stashkit/core/fetch' to edit and save`,
      );
    }
  });

  it('save, saveBatch, saveAll, delete and getOrCreate reject (never throw) and send nothing', async () => {
    const store = newStore();
    const scene = (await store.get('Scene', '1', { fields: ['title'] }))!;
    const sent = stash.requests.length;
    const calls: [string, () => Promise<unknown>][] = [
      ['save', () => store.save({} as never)],
      ['saveBatch', () => store.saveBatch([])],
      ['saveAll', () => store.saveAll()],
      ['delete', () => store.delete(scene)],
      ['getOrCreate', () => store.getOrCreate('Tag', { name: 'x' })],
    ];
    for (const [name, call] of calls) {
      let promise: Promise<unknown> | undefined;
      expect(() => (promise = call())).not.toThrow();
      await expect(promise).rejects.toThrow(StashValidationError);
      await expect(call()).rejects.toThrow(`StashEntityStore.${name}: this store is read-only`);
    }
    // Bad options are still reported as such first.
    await expect(store.save({} as never, { nope: 1 } as never)).rejects.toThrow(/nope/);
    expect(stash.requests.length).toBe(sent);
  });

  it("store.connectLive() rejects naming @stashkit/core/live; that entry's connectLive(store) works and closes with the store", async () => {
    const store = newStore();
    await expect(store.connectLive({ webSocketImpl: WebSocket })).rejects.toThrow(
      "StashEntityStore.connectLive: this read-only store (@stashkit/core/read) leaves live events out; call connectLive(store) from '@stashkit/core/live'",
    );
    const live = connectLive(store, { webSocketImpl: TrackedWebSocket });
    // The ApiKey comes from the store's client, as with store.connectLive().
    await vi.waitFor(() => expect(live.state.status).toBe('connected'));
    // Subscribed, then closed on the server too: a socket left open made the mock's close end it (1006).
    await vi.waitFor(() => expect(stash.runtime.jobs.updates.size).toBeGreaterThan(0));
    store.dispose();
    expect(live.state.status).toBe('closed');
    await vi.waitFor(() => expect(stash.runtime.jobs.updates.size).toBe(0));
    await vi.waitFor(() => expect(sockets.map((s) => s.readyState)).toEqual([WebSocket.CLOSED]));
    expect(() => connectLive(store, { webSocketImpl: WebSocket })).toThrow(
      'StashEntityStore: connectLive() after dispose()',
    );
  });

  it('the full store of @stashkit/core still saves', async () => {
    const { createStashStore: createFull } = await import('../src/fetch');
    const store = createFull({ url: stash.url, apiKey: KEY, retry: false });
    const tag = await store.save(store.create('Tag', { name: 'read-only test tag' }));
    expect(tag.name).toBe('read-only test tag');
    stash.reset();
  });
});
