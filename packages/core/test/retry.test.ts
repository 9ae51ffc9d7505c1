// Retries: reads on network errors, 5xx and 429 with exponential backoff and jitter; never for
// mutations. Backoff delays go through the store's `timers.delay`, driven by hand here.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestStash, type TestStash } from '@stashkit/testkit';
import { createStashStore, StashAbortError, StashNetworkError, type StashTimers } from '../src/index';

let stash: TestStash;
beforeAll(async () => {
  stash = await startTestStash({ size: 30 });
});
afterAll(async () => {
  await stash.close();
});
beforeEach(() => stash.reset());

/** A delay seam that records each backoff and fires it only when the test says so. */
function manualDelays() {
  const waiting: { ms: number; fire: () => void }[] = [];
  const asked: number[] = [];
  // Resolved when the next backoff is asked for (the request it follows went over real HTTP).
  let asking: (() => void) | undefined;
  const delay: StashTimers['delay'] = (callback, ms) => {
    const entry = { ms, fire: callback };
    asked.push(ms);
    waiting.push(entry);
    asking?.();
    return () => void waiting.splice(waiting.indexOf(entry), 1);
  };
  const next = async () => {
    // Bounded by the test's timeout, not by a count of ticks a loaded machine can outrun.
    if (waiting.length === 0) await new Promise<void>((resolve) => (asking = resolve));
    asking = undefined;
    const entry = waiting.shift();
    if (entry === undefined) throw new Error('no backoff is waiting');
    entry.fire();
  };
  return { delay, asked, waiting, next };
}

describe('retries', () => {
  it('retries a read three times by default on 500, 502, drop, then succeeds', async () => {
    const timers = manualDelays();
    const store = createStashStore({ url: stash.url, timers: { delay: timers.delay } });
    stash.faults.next({ status: 500 }).next({ status: 429 }).next({ drop: true });
    const read = store.get('Tag', '1', { fields: ['name'] });
    for (let i = 0; i < 3; i++) await timers.next();
    expect((await read)!.name).toBeTypeOf('string');
    expect(store.requestCount).toBe(4);
    // Exponential with jitter: each delay is at most 200 ms × 2^(n-1).
    expect(timers.asked).toHaveLength(3);
    timers.asked.forEach((ms, i) => expect(ms).toBeLessThanOrEqual(200 * 2 ** i));
  });

  it('gives up after the configured retries, per store and per call; retry: false sends once', async () => {
    const timers = manualDelays();
    const store = createStashStore({ url: stash.url, timers: { delay: timers.delay }, retry: 1 });
    stash.faults.add(/.*/, { status: 503 }, { times: 2 });
    const read = store.get('Tag', '2', { fields: ['name'] });
    await timers.next();
    await expect(read).rejects.toBeInstanceOf(StashNetworkError);
    expect(store.requestCount).toBe(2);
    stash.faults.next({ status: 503 });
    await expect(store.get('Tag', '2', { fields: ['name'], retry: false })).rejects.toThrow(/HTTP 503/);
    expect(store.requestCount).toBe(3);
    expect(timers.waiting).toHaveLength(0);
  });

  it('does not retry a 4xx answer', async () => {
    const store = createStashStore({ url: stash.url });
    stash.faults.next({ status: 401 });
    await expect(store.get('Tag', '3', { fields: ['name'] })).rejects.toBeInstanceOf(StashNetworkError);
    expect(store.requestCount).toBe(1);
  });

  it('an abort while waiting to retry rejects with StashAbortError and sends nothing more', async () => {
    const timers = manualDelays();
    const store = createStashStore({ url: stash.url, timers: { delay: timers.delay } });
    stash.faults.next({ status: 500 });
    const controller = new AbortController();
    const read = store.get('Tag', '4', { fields: ['name'], signal: controller.signal });
    for (let i = 0; i < 200 && timers.waiting.length === 0; i++) await new Promise((r) => setImmediate(r));
    controller.abort();
    await expect(read).rejects.toBeInstanceOf(StashAbortError);
    expect(timers.waiting).toHaveLength(0);
    expect(store.requestCount).toBe(1);
  });

  it('never retries a mutation (sceneAddO must not run twice)', async () => {
    const store = createStashStore({ url: stash.url });
    const scene = (await store.get('Scene', '1', { fields: ['o_counter'] }))!;
    const before = store.requestCount;
    const draft = store.edit(scene);
    draft.addO();
    stash.faults.next({ status: 500 });
    await expect(store.save(draft)).rejects.toBeInstanceOf(StashNetworkError);
    expect(store.requestCount).toBe(before + 1);
    expect(draft.pendingOperations.map((o) => o.method)).toEqual(['addO']);
  });
});
