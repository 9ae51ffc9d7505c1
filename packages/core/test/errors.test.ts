import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestStash, type TestStash } from '@stashkit/testkit';
import { createStashStore, StashGraphQLError, StashNetworkError, StashNotFoundError } from '../src/index';

const API_KEY = 'secret-key-123';
let stash: TestStash;
beforeAll(async () => {
  stash = await startTestStash({ size: 200, apiKey: API_KEY });
});
afterAll(async () => {
  await stash.close();
});
beforeEach(() => stash.reset());

// Failures are asserted one request at a time: no retries here (retry.test.ts covers them).
const newStore = () => createStashStore({ url: stash.url, apiKey: API_KEY, retry: false });

describe('errors', () => {
  it('sends the ApiKey header; without it the server answers 401 and the error carries the status', async () => {
    expect((await newStore().get('Tag', '1', { fields: ['name'] }))?.id).toBe('1');
    const noKey = createStashStore({ url: stash.url });
    const error = await noKey.get('Tag', '1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StashNetworkError);
    expect((error as StashNetworkError).status).toBe(401);
  });

  it('never puts the api key in a message', async () => {
    const store = createStashStore({ url: stash.url + '?apikey=' + API_KEY, apiKey: API_KEY, retry: false });
    stash.faults.next({ status: 503 });
    const error = (await store.get('Tag', '2').catch((e: unknown) => e)) as StashNetworkError;
    expect(error).toBeInstanceOf(StashNetworkError);
    expect(error.status).toBe(503);
    expect(error.message).not.toContain(API_KEY);
    stash.faults.next({ drop: true });
    const dropped = (await store.get('Tag', '2').catch((e: unknown) => e)) as StashNetworkError;
    expect(dropped).toBeInstanceOf(StashNetworkError);
    expect(dropped.status).toBeUndefined();
    expect(String(dropped.message) + String(dropped.stack)).not.toContain(API_KEY);
  });

  it('a failed request leaves the cache exactly as it was', async () => {
    const store = newStore();
    const tag = await store.get('Tag', '3', { fields: ['name'] });
    const before = store.cacheStats();
    stash.faults.next({ status: 500 });
    await expect(store.populate(tag!, ['description'], { forceRefetch: true })).rejects.toBeInstanceOf(
      StashNetworkError,
    );
    stash.faults.next({ graphqlErrors: [{ message: 'server exploded' }] });
    await expect(store.get('Tag', '4')).rejects.toBeInstanceOf(StashGraphQLError);
    expect(store.cacheStats()).toEqual(before);
    // A failed forceRefetch leaves the record in place.
    expect(store.getCached('Tag', '3')).toBe(tag);
  });

  it('applies partial data and rejects only the errored read', async () => {
    const store = newStore();
    // Null out one field of one alias: that read fails, its other fields and the other read are kept.
    stash.faults.next({ partial: [{ path: ['r0', 'details'], message: 'details failed' }] });
    const [a, b] = await Promise.allSettled([
      store.get('Scene', '11', { fields: ['title', 'details'] }),
      store.get('Scene', '12', { fields: ['title', 'details'] }),
    ]);
    expect(a.status).toBe('rejected');
    expect(b.status).toBe('fulfilled');
    const partial = store.peek('Scene', '11')!;
    expect(store.hasFields(partial, 'title')).toBe(true);
    expect(store.hasFields(partial, 'details')).toBe(false);
  });

  it('populate of an entity the server no longer has throws StashNotFoundError; get resolves null', async () => {
    const store = newStore();
    const ghost = store.ingest('Tag', { __typename: 'Tag', id: '424242', name: 'ghost' });
    await expect(store.populate(ghost, ['description'])).rejects.toBeInstanceOf(StashNotFoundError);
    expect(await store.get('Tag', '424242', { fields: ['name'] })).toBeNull();
    expect(store.peek('Tag', '424242')).toBeNull();
  });

  it('maps a missing file (findFile errors) to not-found for that read only', async () => {
    const store = newStore();
    const scene = await store.get('Scene', '13', { fields: ['files.path'] });
    const fileId = scene!.files[0].id;
    const fresh = newStore();
    stash.reset();
    const [file, missing, tag] = await Promise.all([
      fresh.get('VideoFile', fileId, { fields: ['path', 'duration'] }),
      fresh.get('VideoFile', '99999999', { fields: ['path'] }),
      fresh.get('Tag', '5', { fields: ['name'] }),
    ]);
    expect(file?.path).toBe(scene!.files[0].path);
    expect(missing).toBeNull();
    expect(tag?.id).toBe('5');
  });
});
