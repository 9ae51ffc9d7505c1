// The list observers' results say `isFetching` as soon as a fetch is due: the result read right
// after an option change (or a stale notice) already says so, not a microtask later when the
// request starts. Answers are held, so nothing here depends on timing.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestStash, type TestStash } from '@stashkit/testkit';
import { createStashStore, FindIterObserver, FindObserver, FindPageObserver } from '../src/index';

let stash: TestStash;
beforeAll(async () => {
  stash = await startTestStash({ size: 40 });
});
afterAll(async () => {
  await stash.close();
});
beforeEach(() => stash.reset());

interface Observed<R> {
  getResult(): R;
  subscribe(listener: () => void): () => void;
}
interface Flags {
  status: string;
  isFetching: boolean;
}

/** Subscribes a listener that records every result it is told about; `until` awaits one. */
function watch<R extends Flags>(observer: Observed<R>) {
  const seen: R[] = [];
  const waiters: { check: (r: R) => boolean; resolve: (r: R) => void }[] = [];
  const off = observer.subscribe(() => {
    const result = observer.getResult();
    seen.push(result);
    for (const w of [...waiters]) {
      if (w.check(result)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(result);
      }
    }
  });
  const until = (check: (r: R) => boolean) =>
    new Promise<R>((resolve) => {
      if (check(observer.getResult())) resolve(observer.getResult());
      else waiters.push({ check, resolve });
    });
  return { seen, until, off };
}

/** A notified result that has nothing to show and says nothing is coming. */
const stuck = (r: Flags) => r.status === 'pending' && !r.isFetching;
const newStore = () => createStashStore({ url: stash.url, retry: false });

describe('list observers say isFetching in the result right after an option change', () => {
  it('FindObserver: new filters, enabled, and a stale notice', async () => {
    const store = newStore();
    const options = { type: 'Scene', fields: ['title'], sort: 'id' } as const;
    const observer = new FindObserver(store, { ...options, filters: { id__lte: 3 } });
    // Unsubscribed, nothing will fetch: the result does not claim it.
    expect(observer.getResult()).toMatchObject({ status: 'pending', isFetching: false });
    const { seen, until, off } = watch(observer);
    expect(observer.getResult()).toMatchObject({ status: 'pending', isFetching: true });
    await until((r) => r.status === 'success' && !r.isFetching);

    const held = stash.faults.hold();
    observer.setOptions({ ...options, filters: { id__lte: 5 } });
    expect(observer.getResult()).toMatchObject({ status: 'pending', data: null, isFetching: true });
    await held.executed;
    expect(observer.getResult()).toMatchObject({ status: 'pending', isFetching: true });
    held.release();
    const five = await until((r) => r.data?.length === 5);
    expect(five.isFetching).toBe(false);

    // A disabled observer fetches nothing and says so in the same result.
    observer.setOptions({ ...options, filters: { id__lte: 4 }, enabled: false });
    expect(observer.getResult()).toMatchObject({ status: 'idle', isFetching: false });
    observer.setOptions({ ...options, filters: { id__lte: 4 } });
    expect(observer.getResult()).toMatchObject({ status: 'pending', isFetching: true });
    await until((r) => r.data?.length === 4 && !r.isFetching);

    // A save makes Scene lists stale: the result after it says the refetch is coming.
    const shown = observer.getResult().data;
    const refetch = stash.faults.hold((r) => !r.query.trimStart().startsWith('mutation'));
    const draft = store.edit(store.peek('Scene', '1')!);
    draft.title = 'Renamed';
    await store.save(draft);
    expect(observer.getResult()).toMatchObject({ status: 'success', isFetching: true });
    await refetch.executed;
    refetch.release();
    const renamed = await until((r) => !r.isFetching && r.data !== shown);
    expect(renamed.data?.[0]).toMatchObject({ id: '1', title: 'Renamed' });
    expect(seen.filter(stuck)).toEqual([]);
    off();
    expect(observer.getResult().isFetching).toBe(false);
  });

  it('FindIterObserver: new filters and a new batch; unsubscribing clears the flag', async () => {
    const store = newStore();
    const options = { type: 'Scene', fields: ['title'], sort: 'id', batch: 5 } as const;
    const observer = new FindIterObserver(store, { ...options, filters: { id__lte: 12 } });
    expect(observer.getResult()).toMatchObject({ status: 'pending', isFetching: false });
    const { seen, until, off } = watch(observer);
    expect(observer.getResult().isFetching).toBe(true);
    await until((r) => r.status === 'success' && !r.isFetching);
    expect(observer.getResult()).toMatchObject({ loaded: 5, total: 12 });

    const held = stash.faults.hold();
    observer.setOptions({ ...options, filters: { id__lte: 8 } });
    expect(observer.getResult()).toMatchObject({ status: 'pending', items: [], isFetching: true });
    await held.executed;
    expect(observer.getResult().isFetching).toBe(true);
    held.release();
    const eight = await until((r) => r.total === 8);
    expect(eight).toMatchObject({ loaded: 5, isFetching: false, hasMore: true });

    observer.setOptions({ ...options, filters: { id__lte: 8 }, batch: 3 });
    expect(observer.getResult()).toMatchObject({ status: 'pending', loaded: 0, isFetching: true });
    expect(seen.filter(stuck)).toEqual([]);
    // The last listener leaves before the fetch starts: nothing is coming, and the result says so.
    off();
    expect(observer.getResult().isFetching).toBe(false);
    await Promise.resolve();
    expect(observer.getResult().isFetching).toBe(false);
    const requests = stash.requests.length;
    const again = watch(observer);
    await again.until((r) => r.status === 'success' && !r.isFetching);
    expect(observer.getResult()).toMatchObject({ loaded: 3, total: 8 });
    expect(stash.requests.length).toBe(requests + 1);
    again.off();
  });

  it('FindPageObserver keeps the same behaviour through the shared base', async () => {
    const store = newStore();
    const options = { type: 'Scene', fields: ['title'], sort: 'id', perPage: 5 } as const;
    const observer = new FindPageObserver(store, { ...options, page: 1 });
    const { until, off } = watch(observer);
    expect(observer.getResult().isFetching).toBe(true);
    await until((r) => r.status === 'success' && !r.isFetching);
    const held = stash.faults.hold();
    observer.setOptions({ ...options, page: 2 });
    expect(observer.getResult()).toMatchObject({ isPlaceholder: true, isFetching: true });
    await held.executed;
    held.release();
    await until((r) => r.data?.page === 2 && !r.isFetching);
    off();
  });
});
