// Observers and fields made stale by an invalidation rule (what every mutation applies to the
// types it touches, and `store.invalidateRule` for changes made elsewhere). Found by the coherence
// property (coherence.property.test.ts).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestStash, type TestStash } from '@stashkit/testkit';
import {
  createStashClient,
  createStashStore,
  EntityObserver,
  FindIterObserver,
  FindObserver,
  FindPageObserver,
} from '../src/index';

let stash: TestStash;
beforeAll(async () => {
  stash = await startTestStash({ size: 20 });
});
afterAll(async () => {
  await stash.close();
});
beforeEach(() => stash.reset());

const newStore = () => createStashStore({ url: stash.url, retry: false });
const tagReads = () => stash.requests.filter((r) => /findTags?\(/.test(r.query)).length;

interface Observed<R> {
  getResult(): R;
  subscribe(listener: () => void): () => void;
}
/** Resolves with the first result (current or notified) that passes `check`. */
function when<R>(observer: Observed<R>, check: (r: R) => boolean): Promise<R> {
  return new Promise((resolve) => {
    const off = observer.subscribe(() => {
      if (check(observer.getResult())) {
        queueMicrotask(off);
        resolve(observer.getResult());
      }
    });
    if (check(observer.getResult())) {
      queueMicrotask(off);
      resolve(observer.getResult());
    }
  });
}
/** Lets due reads start and every request of `observer` finish (a bounded number of rounds). */
async function settle(observer: Observed<{ isFetching: boolean }>): Promise<void> {
  for (let round = 0; round < 20; round++) {
    await new Promise((resolve) => setImmediate(resolve));
    if (!observer.getResult().isFetching) return;
    await when(observer, (r) => !r.isFetching);
  }
  throw new Error('test: the observer never settled');
}
/** Saves a scene edit: the Scene rule makes every cached tag's `scene_count` stale. */
async function saveScene(store: ReturnType<typeof newStore>): Promise<void> {
  const scene = (await store.get('Scene', '1', { fields: ['title'] }))!;
  const draft = store.edit(scene);
  draft.title = `${scene.title ?? ''} (edited)`;
  await store.save(draft);
}

describe('observers after an invalidation rule', () => {
  it('a field received again with the value it kept updates its observers', async () => {
    const store = newStore();
    const observer = new EntityObserver(store, { type: 'Tag', id: '1', fields: ['name', 'scene_count'] });
    const off = observer.subscribe(() => undefined);
    const first = await when(observer, (r) => r.status === 'success' && !r.isFetching);
    await saveScene(store);
    // Another read brings scene_count back: the same value, received again.
    await store.get('Tag', '1', { fields: ['scene_count'] });
    await settle(observer);
    expect(observer.getResult()).toMatchObject({ status: 'success', data: first.data });
    off();
  });

  it('an EntityObserver keeps its data and refetches when a rule makes a selected field stale', async () => {
    const store = newStore();
    const observer = new EntityObserver(store, { type: 'Tag', id: '1', fields: ['name', 'scene_count'] });
    const off = observer.subscribe(() => undefined);
    const first = await when(observer, (r) => r.status === 'success' && !r.isFetching);
    const reads = tagReads();
    await saveScene(store);
    // It kept its data (before the fix: null, 'pending', and no request ever followed).
    expect(observer.getResult().data).toEqual(first.data);
    await settle(observer);
    expect(tagReads()).toBe(reads + 1);
    expect(observer.getResult()).toMatchObject({ status: 'success', isStale: false });
    off();
  });

  it('mounted EntityObservers refetch a rule-stale field in one request, keeping their data until it lands', async () => {
    const store = newStore();
    // The save adds a tag to the scene: that tag's scene_count changes on the server.
    const scene = (await store.get('Scene', '1', { fields: ['tags'] }))!;
    const onScene = new Set(scene.tags.map((t) => t.id));
    const added = Array.from({ length: 20 }, (_, i) => String(i + 1)).find((id) => !onScene.has(id))!;
    const ids = [added, ...['1', '2', '3'].filter((id) => id !== added).slice(0, 2)];
    const observers = ids.map(
      (id) => new EntityObserver(store, { type: 'Tag', id, fields: ['name', 'scene_count'] }),
    );
    const offs = observers.map((o) => o.subscribe(() => undefined));
    const before = await Promise.all(
      observers.map((o) => when(o, (r) => r.status === 'success' && !r.isFetching)),
    );
    const draft = store.edit(scene);
    draft.tags = [...scene.tags.map((t) => ({ id: t.id })), { id: added }] as never;
    const reads = tagReads();
    const held = stash.faults.hold((r) => /findTags?\(/.test(r.query));
    await store.save(draft);
    await held.executed;
    for (const [i, o] of observers.entries()) {
      expect(o.getResult()).toMatchObject({ data: before[i]!.data, isFetching: true, isStale: true });
    }
    expect(tagReads()).toBe(reads + 1);
    held.release();
    await Promise.all(observers.map((o) => settle(o)));
    expect(tagReads()).toBe(reads + 1);
    for (const [i, o] of observers.entries()) {
      const count = (before[i]!.data!.scene_count as number) + (ids[i] === added ? 1 : 0);
      expect(o.getResult()).toMatchObject({ status: 'success', isFetching: false, isStale: false });
      expect(o.getResult().data).toMatchObject({ scene_count: count });
    }
    offs.forEach((off) => off());
  });

  it('a rule-stale refetch that fails ends with the error and keeps the data (no retry)', async () => {
    const store = newStore();
    const observer = new EntityObserver(store, { type: 'Tag', id: '1', fields: ['name', 'scene_count'] });
    const off = observer.subscribe(() => undefined);
    const first = await when(observer, (r) => r.status === 'success' && !r.isFetching);
    stash.faults.add((r) => /findTags?\(/.test(r.query), { status: 500 }, { times: 1 });
    const reads = tagReads();
    await saveScene(store);
    await settle(observer);
    expect(observer.getResult()).toMatchObject({ status: 'error', data: first.data, isFetching: false });
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(tagReads()).toBe(reads + 1);
    off();
  });

  it('a disabled EntityObserver keeps its data after a rule and does not fetch', async () => {
    const store = newStore();
    const options = { type: 'Tag', id: '1', fields: ['name', 'scene_count'] } as const;
    const observer = new EntityObserver(store, options);
    const off = observer.subscribe(() => undefined);
    const first = await when(observer, (r) => r.status === 'success' && !r.isFetching);
    observer.setOptions({ ...options, enabled: false });
    const reads = tagReads();
    await saveScene(store);
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(tagReads()).toBe(reads);
    expect(observer.getResult()).toMatchObject({ data: first.data, isFetching: false, isStale: true });
    off();
  });

  it('a FindObserver item keeps the last value of a field a rule made stale', async () => {
    const store = newStore();
    const observer = new FindObserver(store, {
      type: 'Scene',
      filters: { id__lte: 3 },
      fields: ['title', 'rating100'],
    });
    const off = observer.subscribe(() => undefined);
    const first = await when(observer, (r) => r.status === 'success' && !r.isFetching);
    store.invalidateRule({ fields: { Scene: ['rating100'] } });
    // Kept (before the fix: every item lost `rating100` until a list refetch).
    expect(observer.getResult().data?.map((s) => s.rating100)).toEqual(first.data?.map((s) => s.rating100));
    off();
  });

  it('list items keep a rule-stale field while their lists ask again, in one request', async () => {
    const store = newStore();
    const fields = ['title', 'rating100'] as const;
    const find = new FindObserver(store, { type: 'Scene', filters: { id__lte: 3 }, fields });
    const iter = new FindIterObserver(store, { type: 'Scene', filters: { id__lte: 4 }, fields, batch: 2 });
    const page = new FindPageObserver(store, { type: 'Scene', filters: { id__lte: 5 }, fields, perPage: 2 });
    const offs = [find, iter, page].map((o) => o.subscribe(() => undefined));
    const shown = await when(find, (r) => r.status === 'success' && !r.isFetching);
    await when(iter, (r) => r.status === 'success' && !r.isFetching);
    const paged = await when(page, (r) => r.status === 'success' && !r.isFetching);
    const pages = iter.getResult().items;
    // Changed on the server by someone else; the host applies the rule for it.
    await createStashClient({ url: stash.url }).execute(
      `mutation { bulkSceneUpdate(input: { ids: ["1", "2"], rating100: 77 }) { id } }`,
    );
    const requests = stash.requests.length;
    const held = stash.faults.hold();
    store.invalidateRule({ fields: { Scene: ['rating100'] } });
    await held.executed;
    expect(find.getResult()).toMatchObject({ data: shown.data, isFetching: true });
    expect(iter.getResult()).toMatchObject({ items: pages, isFetching: true });
    expect(page.getResult()).toMatchObject({ data: paged.data, isFetching: true });
    held.release();
    for (const o of [find, iter, page]) await settle(o);
    expect(stash.requests.length).toBe(requests + 1);
    const want = (s: { id: string; rating100?: number | null }) =>
      ['1', '2'].includes(s.id) ? 77 : shown.data!.find((x) => x.id === s.id)?.rating100;
    const lists = [find.getResult().data!, iter.getResult().items, page.getResult().data!.items];
    for (const list of lists) expect(list.map((s) => s.rating100)).toEqual(list.map(want));
    expect(find.getResult()).toMatchObject({ status: 'success', isFetching: false });
    offs.forEach((off) => off());
  });

  it('a list refetched after a save brings its held items along (no request of their own)', async () => {
    const store = newStore();
    const find = new FindObserver(store, {
      type: 'Tag',
      filters: {},
      fields: ['name', 'scene_count'],
    });
    const off = find.subscribe(() => undefined);
    const shown = await when(find, (r) => r.status === 'success' && !r.isFetching);
    const reads = tagReads();
    await saveScene(store);
    expect(find.getResult().data).toEqual(shown.data);
    await settle(find);
    expect(tagReads()).toBe(reads + 1);
    expect(find.getResult()).toMatchObject({ status: 'success', data: shown.data });
    off();
  });

  it('a failed refetch of held list items ends with the error, the values kept, and no retry', async () => {
    const store = newStore();
    const find = new FindObserver(store, {
      type: 'Scene',
      filters: { id__lte: 3 },
      fields: ['title', 'rating100'],
    });
    const off = find.subscribe(() => undefined);
    const shown = await when(find, (r) => r.status === 'success' && !r.isFetching);
    const requests = stash.requests.length;
    stash.faults.next({ status: 500 });
    store.invalidateRule({ fields: { Scene: ['rating100'] } });
    await settle(find);
    expect(find.getResult()).toMatchObject({ status: 'error', data: shown.data, isFetching: false });
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(stash.requests.length).toBe(requests + 1);
    off();
  });

  it('an EntityObserver that failed reads again when its entity is invalidated', async () => {
    const store = newStore();
    stash.faults.next({ status: 500 });
    const observer = new EntityObserver(store, { type: 'Scene', id: '1', fields: ['title'] });
    const off = observer.subscribe(() => undefined);
    await when(observer, (r) => r.status === 'error');
    store.invalidate('Scene', '1');
    await settle(observer);
    expect(observer.getResult()).toMatchObject({ status: 'success', error: null });
    off();
  });
  it('a failed EntityObserver stays failed without an invalidation (no retry loop)', async () => {
    const store = newStore();
    stash.faults.next({ status: 500 });
    const observer = new EntityObserver(store, { type: 'Scene', id: '1', fields: ['title'] });
    const off = observer.subscribe(() => undefined);
    await when(observer, (r) => r.status === 'error');
    const requests = stash.requests.length;
    // Other records change and go stale: nothing this observer reads.
    await store.get('Scene', '2', { fields: ['title'] });
    store.invalidate('Scene', '2');
    store.invalidateType('Tag');
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(stash.requests.length).toBe(requests + 1);
    expect(observer.getResult()).toMatchObject({ status: 'error', isFetching: false });
    off();
  });

  it('a failed EntityObserver with data reads again after a rule, invalidateAll, or a repeated invalidate', async () => {
    const store = newStore();
    const observer = new EntityObserver(store, { type: 'Scene', id: '1', fields: ['title', 'rating100'] });
    const off = observer.subscribe(() => undefined);
    const first = await when(observer, (r) => r.status === 'success' && !r.isFetching);
    const fail = async (how: () => void) => {
      stash.faults.next({ status: 500 });
      how();
      await settle(observer);
      expect(observer.getResult()).toMatchObject({ status: 'error', data: first.data });
    };
    const recover = async (how: () => void) => {
      const requests = stash.requests.length;
      how();
      await settle(observer);
      expect(observer.getResult()).toMatchObject({ status: 'success', error: null, data: first.data });
      expect(stash.requests.length).toBe(requests + 1);
    };
    await fail(() => void observer.refetch().catch(() => undefined));
    await recover(() => store.invalidateRule({ fields: { Scene: ['rating100'] } }));
    // Invalidated, the refetch fails, invalidated again with nothing written since: asks again.
    await fail(() => store.invalidate('Scene', '1'));
    await recover(() => store.invalidate('Scene', '1'));
    await fail(() => store.invalidateAll());
    await recover(() => store.invalidateAll());
    off();
  });
});
