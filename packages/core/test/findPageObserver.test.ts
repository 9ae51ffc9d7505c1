// FindPageObserver's result is consistent in each notification: a new page not cached is a
// placeholder that is already fetching; going back to a cached page shows it at once, unflagged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStash, type TestStash } from '@stashkit/testkit';
import { createStashStore, FindPageObserver } from '../src/index';

let stash: TestStash;
beforeAll(async () => {
  stash = await startTestStash({ size: 30 });
});
afterAll(async () => {
  await stash.close();
});

describe('FindPageObserver', () => {
  it('flags a placeholder only while fetching, and shows a cached page at once without a request', async () => {
    stash.reset();
    const store = createStashStore({ url: stash.url });
    const options = { type: 'Scene', perPage: 5, sort: 'title', fields: ['title'] } as const;
    const observer = new FindPageObserver(store, { ...options, page: 1 });
    const seen: string[] = [];
    const flags = () => {
      const r = observer.getResult();
      return `${r.status}:${r.data?.page ?? 0}:${r.isFetching ? 'fetching' : 'idle'}:${r.isPlaceholder ? 'placeholder' : 'page'}`;
    };
    const first = new Promise<void>((resolve) =>
      observer.subscribe(() => {
        seen.push(flags());
        if (observer.getResult().status === 'success') resolve();
      }),
    );
    await first;
    const held = stash.faults.hold();
    seen.length = 0;
    observer.setOptions({ ...options, page: 2 });
    expect(flags()).toBe('success:1:fetching:placeholder');
    await held.executed;
    held.release();
    await new Promise<void>((resolve) => {
      const off = observer.subscribe(() => observer.getResult().data?.page === 2 && (off(), resolve()));
    });
    expect(flags()).toBe('success:2:idle:page');
    // No notification ever showed a placeholder that was not fetching.
    expect(seen.filter((s) => s.endsWith('idle:placeholder'))).toEqual([]);

    const requests = stash.requests.length;
    observer.setOptions({ ...options, page: 1 });
    expect(flags()).toBe('success:1:idle:page');
    await new Promise((resolve) => setImmediate(resolve));
    expect(stash.requests.length).toBe(requests);
    expect(flags()).toBe('success:1:idle:page');
  });
});
