import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestStash, type TestStash } from '@stashkit/testkit';
import { createStashStore, FindIterObserver, FindObserver, StashAbortError } from '../src/index';

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
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const isMutation = (r: { query: string }) => r.query.trimStart().startsWith('mutation');
const reads = () => stash.requests.filter((r) => !isMutation(r));
async function until(check: () => boolean, what = 'condition'): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (check()) return;
    await sleep(5);
  }
  throw new Error(`timed out waiting for ${what}`);
}
/** The `FindFilterType` variable of a logged request. */
function findFilter(entry: { variables: Record<string, unknown> | null }): Record<string, unknown> {
  return Object.values(entry.variables ?? {}).find(
    (v) => typeof v === 'object' && v !== null && 'per_page' in v,
  ) as Record<string, unknown>;
}
const names = (items: readonly { name?: unknown }[] | null) => (items ?? []).map((t) => t.name);

describe('FindObserver after mutations', () => {
  it('refetches in place once when a save makes its lists stale; a delete drops the item at once', async () => {
    const store = newStore();
    await store.save(store.create('Tag', { name: 'zqx first' }));
    const observer = new FindObserver(store, {
      type: 'Tag',
      filters: { name__icontains: 'zqx' },
      fields: ['name'],
      sort: 'name',
    });
    const off = observer.subscribe(() => {});
    await until(() => observer.getResult().status === 'success');
    expect(names(observer.getResult().data)).toEqual(['zqx first']);
    const before = reads().length;
    const shown = observer.getResult().data;

    const second = await store.save(store.create('Tag', { name: 'zqx second' }));
    // The old answer stays visible while the list is asked again.
    await Promise.resolve();
    await Promise.resolve();
    expect(observer.getResult()).toMatchObject({ data: shown, isFetching: true, status: 'success' });
    await until(() => !observer.getResult().isFetching, 'the refetch');
    expect(names(observer.getResult().data)).toEqual(['zqx first', 'zqx second']);
    expect(reads().length - before).toBe(1);
    expect(findFilter(reads().at(-1)!)).toMatchObject({ page: 1, per_page: 1000, sort: 'name' });

    const afterSave = stash.requests.length;
    await store.delete(second);
    // Gone as soon as the delete resolves: the tombstone filters it out before any list request.
    expect(stash.requests.length - afterSave).toBe(1);
    expect(names(observer.getResult().data)).toEqual(['zqx first']);
    // The delete made Tag lists stale too: one refetch follows, and agrees.
    await until(() => reads().length === before + 2, 'the refetch after delete');
    await until(() => !observer.getResult().isFetching);
    expect(names(observer.getResult().data)).toEqual(['zqx first']);
    off();
  });

  it('several mounted lists of the type refetch in one request; other types do not', async () => {
    const store = newStore();
    const tags = new FindObserver(store, {
      type: 'Tag',
      filters: { name__icontains: 'e' },
      fields: ['name'],
    });
    const all = new FindObserver(store, { type: 'Tag', fields: ['name'] });
    const saved = new FindObserver(store, { type: 'SavedFilter', fields: ['name'] });
    const offs = [tags, all, saved].map((o) => o.subscribe(() => {}));
    await until(() => [tags, all, saved].every((o) => o.getResult().status === 'success'));
    expect(reads()).toHaveLength(1);
    await store.save(store.create('Tag', { name: 'zqx three' }));
    await until(() => reads().length === 2, 'the refetch');
    await sleep(30);
    expect(reads()).toHaveLength(2);
    expect(reads()[1].query).not.toMatch(/findSavedFilters/);
    expect(names(all.getResult().data)).toContain('zqx three');
    offs.forEach((off) => off());
  });

  it('an unsubscribed observer does not refetch; it asks again when subscribed', async () => {
    const store = newStore();
    const observer = new FindObserver(store, { type: 'Tag', filters: { name__icontains: 'zqx' } });
    const off = observer.subscribe(() => {});
    await until(() => observer.getResult().status === 'success');
    off();
    await store.save(store.create('Tag', { name: 'zqx four' }));
    await sleep(50);
    expect(reads()).toHaveLength(1);
    expect(observer.getResult().data).toEqual([]);
    const again = observer.subscribe(() => {});
    await until(() => reads().length === 2, 'the refetch on subscribe');
    await until(() => observer.getResult().data?.length === 1);
    again();
  });

  it('a refetch aborted by the last listener leaving runs again on the next subscribe', async () => {
    const store = newStore();
    const observer = new FindObserver(store, { type: 'Tag', filters: { name__icontains: 'zqx' } });
    const off = observer.subscribe(() => {});
    await until(() => observer.getResult().status === 'success');
    stash.faults.add('StashkitRead', { latencyMs: 300 }, { times: 1 });
    await store.save(store.create('Tag', { name: 'zqx five' }));
    await until(() => reads().length === 2, 'the refetch');
    off();
    await sleep(400);
    expect(observer.getResult()).toMatchObject({ data: [], isFetching: false });
    const again = observer.subscribe(() => {});
    await until(() => observer.getResult().data?.length === 1, 'the refetch on subscribe');
    expect(reads()).toHaveLength(3);
    again();
  });

  it('aborts its request when the last listener leaves: started, but never written', async () => {
    const store = newStore();
    stash.faults.next({ latencyMs: 300 });
    const observer = new FindObserver(store, {
      type: 'Tag',
      filters: { name__icontains: 'a' },
      fields: ['name'],
    });
    const off = observer.subscribe(() => {});
    await until(() => stash.requests.length === 1, 'the request');
    expect(observer.getResult().isFetching).toBe(true);
    off();
    await sleep(400);
    expect(store.cacheStats().totalEntries).toBe(0);
    expect(observer.getResult()).toMatchObject({
      status: 'pending',
      data: null,
      error: null,
      isFetching: false,
    });
  });

  it('a find sharing a document with a read still needed: the request goes on, the find is not written', async () => {
    const store = newStore();
    stash.faults.next({ latencyMs: 200 });
    const abort = new AbortController();
    const find = store.find('Tag', { name__icontains: 'a' }, { fields: ['name'], signal: abort.signal });
    const get = store.get('Performer', '2', { fields: ['name'] });
    await until(() => stash.requests.length === 1, 'the request');
    abort.abort();
    await expect(find).rejects.toBeInstanceOf(StashAbortError);
    expect((await get)?.id).toBe('2');
    expect(stash.requests).toHaveLength(1);
    expect(store.cacheStats().byType).toEqual({ Performer: 1 });
  });

  it('a find aborted before its tick is flushed is left out of the document', async () => {
    const store = newStore();
    const abort = new AbortController();
    const find = store.find('Tag', {}, { signal: abort.signal });
    const get = store.get('Tag', '4', { fields: ['name'] });
    abort.abort();
    await expect(find).rejects.toBeInstanceOf(StashAbortError);
    await get;
    expect(stash.requests).toHaveLength(1);
    expect(stash.requests[0].query).not.toMatch(/findTags/);
  });
});

describe('FindIterObserver after mutations', () => {
  it('refetches the loaded pages in one request, keeping their count', async () => {
    const store = newStore();
    const observer = new FindIterObserver(store, {
      type: 'Tag',
      batch: 5,
      fields: ['name'],
      sort: 'id',
      direction: 'DESC',
    });
    const off = observer.subscribe(() => {});
    await until(() => observer.getResult().status === 'success');
    await observer.loadMore();
    expect(observer.getResult()).toMatchObject({ loaded: 10, total: 30, hasMore: true });
    const shown = observer.getResult().items;
    expect(reads()).toHaveLength(2);

    await store.save(store.create('Tag', { name: 'zqx newest' }));
    await Promise.resolve();
    await Promise.resolve();
    expect(observer.getResult()).toMatchObject({ items: shown, isFetching: true });
    await until(() => !observer.getResult().isFetching, 'the refetch');
    expect(reads()).toHaveLength(3);
    expect(findFilter(reads()[2])).toMatchObject({ page: 1, per_page: 10 });
    const result = observer.getResult();
    expect(result).toMatchObject({ loaded: 10, total: 31, hasMore: true });
    expect(result.items[0].name).toBe('zqx newest');
    expect(result.items.map((t) => t.id)).toEqual([
      result.items[0].id,
      ...shown.slice(0, 9).map((t) => t.id),
    ]);

    // The next page continues after the refetched window.
    await observer.loadMore();
    expect(findFilter(reads()[3])).toMatchObject({ page: 3, per_page: 5 });
    expect(observer.getResult().loaded).toBe(15);
    const ids = observer.getResult().items.map((t) => t.id);
    expect(ids[10]).toBe(shown[9].id);
    expect(new Set(ids).size).toBe(15);

    await store.delete(result.items[0]);
    expect(observer.getResult().items[0].id).toBe(shown[0].id);
    off();
  });

  it('loadMore after a failed page asks for that page again, keeping the loaded ones', async () => {
    const store = newStore();
    const observer = new FindIterObserver(store, { type: 'Tag', batch: 5, fields: ['name'], sort: 'id' });
    const off = observer.subscribe(() => {});
    await until(() => observer.getResult().status === 'success');
    stash.faults.next({ status: 500 });
    await expect(observer.loadMore()).rejects.toThrow();
    expect(observer.getResult()).toMatchObject({ status: 'error', loaded: 5 });
    expect(observer.getResult().items).toHaveLength(5);
    await observer.loadMore();
    expect(reads().map((r) => findFilter(r).page)).toEqual([1, 2, 2]);
    const result = observer.getResult();
    expect(result).toMatchObject({ status: 'success', error: null, loaded: 10 });
    expect(result.items.map((t) => t.id)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    off();
  });

  it('aborts the page in flight when the last listener leaves', async () => {
    const store = newStore();
    stash.faults.next({ latencyMs: 300 });
    const observer = new FindIterObserver(store, { type: 'Tag', batch: 5, fields: ['name'], sort: 'id' });
    const off = observer.subscribe(() => {});
    await until(() => stash.requests.length === 1, 'the request');
    off();
    await sleep(400);
    expect(store.cacheStats().totalEntries).toBe(0);
    expect(observer.getResult()).toMatchObject({ status: 'pending', loaded: 0, isFetching: false });
    const again = observer.subscribe(() => {});
    await until(() => observer.getResult().status === 'success');
    expect(observer.getResult().loaded).toBe(5);
    again();
  });
});
