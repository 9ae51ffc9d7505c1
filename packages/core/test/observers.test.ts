import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  CachedObserver,
  CacheStatsObserver,
  createStashStore,
  EntityObserver,
  FindIterObserver,
  FindObserver,
  MutationObserver,
  StashValidationError,
  StashError,
} from '../src/index';
import { startTestStash, type TestStash } from '@stashkit/testkit';

let stash: TestStash;
beforeAll(async () => {
  stash = await startTestStash({ size: 200 });
});
afterAll(async () => {
  await stash.close();
});
beforeEach(() => stash.reset());

// Failures are asserted one request at a time: no retries here (retry.test.ts covers them).
const newStore = () => createStashStore({ url: stash.url, retry: false });
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
async function until(check: () => boolean, what = 'condition'): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`timed out waiting for ${what}`);
}
/** Subscribes and counts notifications. */
function watch(observer: { subscribe(l: () => void): () => void }) {
  const counter = { calls: 0, off: () => {} };
  counter.off = observer.subscribe(() => void counter.calls++);
  return counter;
}

describe('EntityObserver', () => {
  it('fetches the selection when subscribed, once, and reports success', async () => {
    const store = newStore();
    const observer = new EntityObserver(store, { type: 'Performer', id: '3', fields: ['name', 'gender'] });
    expect(observer.getResult().status).toBe('pending');
    await tick();
    expect(stash.requests).toHaveLength(0);
    const seen = watch(observer);
    await until(() => observer.getResult().status === 'success');
    const { data, missing, error } = observer.getResult();
    expect(data?.id).toBe('3');
    expect(typeof data?.name).toBe('string');
    expect(missing).toBe(false);
    expect(error).toBeNull();
    expect(stash.requests).toHaveLength(1);
    expect(seen.calls).toBeGreaterThan(0);
    seen.off();
  });

  it('coalesces observers subscribed in the same tick into one request', async () => {
    const store = newStore();
    const observers = ['1', '2', '3', '4', '5'].map(
      (id) => new EntityObserver(store, { type: 'Performer', id, fields: ['name'] }),
    );
    const offs = observers.map((o) => watch(o));
    await until(() => observers.every((o) => o.getResult().status === 'success'));
    expect(stash.requests).toHaveLength(1);
    offs.forEach((o) => o.off());
  });

  it('starts one read for a subscribe/unsubscribe/subscribe burst and none when dropped at once', async () => {
    const store = newStore();
    const a = new EntityObserver(store, { type: 'Tag', id: '2', fields: ['name'] });
    a.subscribe(() => {})();
    const off = a.subscribe(() => {});
    const b = new EntityObserver(store, { type: 'Tag', id: '3', fields: ['name'] });
    b.subscribe(() => {})();
    await until(() => a.getResult().status === 'success');
    await tick();
    expect(stash.requests).toHaveLength(1);
    expect(stash.requests[0].query).not.toMatch(/"3"/);
    expect(b.getResult().status).toBe('pending');
    off();
  });

  it('drops the read of an observer unsubscribed before the flush: no request', async () => {
    const store = newStore();
    const observer = new EntityObserver(store, { type: 'Tag', id: '6', fields: ['name'] });
    const off = observer.subscribe(() => {});
    await Promise.resolve(); // the read is queued, the tick not flushed yet
    off();
    await tick();
    await tick();
    expect(stash.requests).toHaveLength(0);
    expect(store.peek('Tag', '6')).toBeNull();
  });

  it('aborts an in-flight request nobody needs any more, but not one another read shares', async () => {
    const store = newStore();
    stash.faults.next({ latencyMs: 300 });
    const alone = new EntityObserver(store, { type: 'Tag', id: '8', fields: ['name'] });
    const off = alone.subscribe(() => {});
    await until(() => stash.requests.length === 1, 'the request');
    off();
    await new Promise((resolve) => setTimeout(resolve, 400));
    // The response was never applied: the request was aborted.
    expect(store.peek('Tag', '8')).toBeNull();
    expect(alone.getResult()).toMatchObject({ status: 'pending', error: null, isFetching: false });

    stash.faults.next({ latencyMs: 200 });
    const a = new EntityObserver(store, { type: 'Tag', id: '9', fields: ['name'] });
    const b = new EntityObserver(store, { type: 'Tag', id: '9', fields: ['name'] });
    const offA = a.subscribe(() => {});
    const offB = b.subscribe(() => {});
    await until(() => stash.requests.length === 2, 'the shared request');
    offA();
    await until(() => b.getResult().status === 'success', 'the other reader');
    expect(store.peek('Tag', '9')?.id).toBe('9');
    offB();
  });

  it('notifies only when a field it selected changes', async () => {
    const store = newStore();
    const observer = new EntityObserver(store, { type: 'Performer', id: '4', fields: ['name'] });
    const seen = watch(observer);
    await until(() => observer.getResult().status === 'success');
    await tick();
    const before = seen.calls;
    const result = observer.getResult();
    store.ingest('Performer', { id: '4', details: 'unrelated change' });
    await tick();
    expect(seen.calls).toBe(before);
    expect(observer.getResult()).toBe(result);
    store.ingest('Performer', { id: '4', name: 'Renamed' });
    await tick();
    expect(seen.calls).toBe(before + 1);
    expect(observer.getResult().data?.name).toBe('Renamed');
    seen.off();
  });

  it('follows linked records the selection reads (studio.name)', async () => {
    const store = newStore();
    const scenes = await store.find('Scene', { id__lte: 20 }, { fields: ['studio.name'], sort: 'id' });
    const scene = scenes.find((s) => s.studio !== null)!;
    const studioId = (scene.studio as { id: string }).id;
    const observer = new EntityObserver(store, {
      type: 'Scene',
      id: scene.id,
      fields: ['title', 'studio.name'],
    });
    const seen = watch(observer);
    await until(() => observer.getResult().status === 'success');
    await tick();
    const before = seen.calls;
    store.ingest('Studio', { id: studioId, details: 'not selected' });
    await tick();
    expect(seen.calls).toBe(before);
    store.ingest('Studio', { id: studioId, name: 'New Studio Name' });
    await tick();
    expect(seen.calls).toBe(before + 1);
    expect((observer.getResult().data?.studio as { name: string }).name).toBe('New Studio Name');
    seen.off();
  });

  it('reports a missing entity without an error, and an error as a value', async () => {
    const store = newStore();
    const observer = new EntityObserver(store, { type: 'Scene', id: '987654', fields: ['title'] });
    const seen = watch(observer);
    await until(() => observer.getResult().status === 'success');
    expect(observer.getResult()).toMatchObject({ data: null, missing: true, error: null });
    seen.off();

    stash.faults.next({ status: 500 });
    const failing = new EntityObserver(store, { type: 'Scene', id: '12', fields: ['title'] });
    const off = watch(failing);
    await until(() => failing.getResult().status === 'error');
    expect(failing.getResult().error).toBeInstanceOf(StashError);
    await failing.refetch();
    expect(failing.getResult().status).toBe('success');
    off.off();
  });

  it('throws on a bad type, id or field before any request', () => {
    const store = newStore();
    expect(() => new EntityObserver(store, { type: 'Nope' as 'Scene', id: '1' })).toThrow(
      StashValidationError,
    );
    expect(() => new EntityObserver(store, { type: 'Scene', id: '' })).toThrow(/EntityObserver: id/);
    expect(() => new EntityObserver(store, { type: 'Scene', id: '1', fields: ['nope'] })).toThrow(
      StashValidationError,
    );
    expect(stash.requests).toHaveLength(0);
  });

  it('is idle without an id and refetches an invalidated entity in the background', async () => {
    const store = newStore();
    const observer = new EntityObserver(store, { type: 'Tag', id: null });
    expect(observer.getResult().status).toBe('idle');
    observer.setOptions({ type: 'Tag', id: '5', fields: ['name'] });
    const seen = watch(observer);
    await until(() => observer.getResult().status === 'success');
    store.invalidate('Tag', '5');
    await until(() => stash.requests.length === 2, 'the background refetch');
    await until(() => !observer.getResult().isFetching && !observer.getResult().isStale);
    expect(observer.getResult().data?.id).toBe('5');
    seen.off();
  });
});

describe('FindObserver', () => {
  it('lists matches and keeps the items current', async () => {
    const store = newStore();
    const observer = new FindObserver(store, {
      type: 'Scene',
      filters: { id__lte: 5 },
      fields: ['title'],
      sort: 'id',
    });
    const seen = watch(observer);
    await until(() => observer.getResult().status === 'success');
    const data = observer.getResult().data!;
    expect(data.map((p) => p.id)).toEqual(['1', '2', '3', '4', '5']);
    store.ingest('Scene', { id: '2', title: 'Changed' });
    await tick();
    expect(observer.getResult().data![1].title).toBe('Changed');
    expect(observer.getResult().data).not.toBe(data);
    expect(stash.requests).toHaveLength(1);
    seen.off();
  });

  it('validates filters synchronously', () => {
    const store = newStore();
    expect(() => new FindObserver(store, { type: 'Scene', filters: { nope__gte: 1 } as never })).toThrow(
      StashValidationError,
    );
  });
});

describe('FindIterObserver', () => {
  it('loads pages on demand with progress', async () => {
    const store = newStore();
    const observer = new FindIterObserver(store, {
      type: 'Scene',
      filters: { id__lte: 25 },
      batch: 10,
      fields: ['title'],
      sort: 'id',
    });
    const seen = watch(observer);
    await until(() => observer.getResult().status === 'success');
    expect(observer.getResult()).toMatchObject({ loaded: 10, total: 25, hasMore: true });
    await observer.getResult().loadMore();
    await observer.getResult().loadMore();
    const result = observer.getResult();
    expect(result).toMatchObject({ loaded: 25, total: 25, hasMore: false });
    expect(result.items.map((t) => t.id)).toEqual(Array.from({ length: 25 }, (_, i) => String(i + 1)));
    expect(stash.requests).toHaveLength(3);
    seen.off();
  });
});

describe('CachedObserver and CacheStatsObserver', () => {
  it('filters the cache reactively without network', async () => {
    const store = newStore();
    const cached = new CachedObserver(store, {
      type: 'Tag',
      predicate: (t) => (t.name as string | undefined)?.startsWith('zz') === true,
    });
    const stats = new CacheStatsObserver(store);
    const a = watch(cached);
    const b = watch(stats);
    expect(cached.getResult()).toEqual([]);
    store.ingest('Tag', [
      { id: '1', name: 'zz top' },
      { id: '2', name: 'other' },
    ]);
    await tick();
    expect(cached.getResult().map((t) => t.id)).toEqual(['1']);
    expect(stats.getResult().byType).toEqual({ Tag: 2 });
    const before = cached.getResult();
    store.ingest('Tag', { id: '2', name: 'still other' });
    await tick();
    expect(cached.getResult()).toBe(before);
    expect(stash.requests).toHaveLength(0);
    a.off();
    b.off();
  });
});

describe('MutationObserver', () => {
  it('tracks pending, success and error', async () => {
    let fail = false;
    const observer = new MutationObserver(async (n: number) => {
      await tick();
      if (fail) throw new Error('nope');
      return n * 2;
    });
    const promise = observer.mutate(2);
    expect(observer.getResult().isPending).toBe(true);
    expect(await promise).toBe(4);
    expect(observer.getResult()).toMatchObject({ status: 'success', data: 4, error: null });
    fail = true;
    await expect(observer.mutate(1)).rejects.toBeInstanceOf(StashError);
    expect(observer.getResult().status).toBe('error');
    observer.getResult().reset();
    expect(observer.getResult().status).toBe('idle');
  });
});
