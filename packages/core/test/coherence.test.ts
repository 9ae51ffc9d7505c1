// Issue 8: every answer applied as of when its request was sent, freshness per field. Each race is
// made deterministic with a held response (the mock executes, then waits for `release()`).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestStash, type TestStash } from '@stashkit/testkit';
import { createStashClient, createStashStore, StashNotFoundError } from '../src/index';

let stash: TestStash;
beforeAll(async () => {
  stash = await startTestStash({ size: 60 });
});
afterAll(async () => {
  await stash.close();
});
beforeEach(() => stash.reset());

let t = 1_000_000;
const advance = (seconds: number) => void (t += seconds * 1000);
const newStore = () => createStashStore({ url: stash.url, now: () => t, defaultTtl: 60 });

/** Server state, read with a hand-written query (not through the store). */
function raw<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<T> {
  return createStashClient({ url: stash.url }).execute<T>(query, variables);
}
const serverScene = async (id: string) =>
  (await raw(`query($id: ID!) { findScene(id: $id) { title code director } }`, { id })).findScene;
const setTitle = (id: string, title: string) =>
  raw(`mutation($id: ID!, $t: String) { sceneUpdate(input: { id: $id, title: $t }) { id } }`, {
    id,
    t: title,
  });

describe('an older answer never overwrites newer state', () => {
  it('read A sent, server changes, read B lands, A lands last: B stays', async () => {
    const store = newStore();
    await store.get('Scene', '1', { fields: ['title'] });
    const held = stash.faults.hold();
    const a = store.get('Scene', '1', { fields: ['title'], forceRefetch: true });
    await held.executed;
    await setTitle('1', 'After A');
    await store.get('Scene', '1', { fields: ['title'], forceRefetch: true });
    held.release();
    await a;
    const scene = store.peek('Scene', '1')!;
    expect(scene.title).toBe('After A');
    expect(scene.title).toBe((await serverScene('1')).title);
    expect(store.hasFields(scene, 'title')).toBe(true);
  });

  it('a refetch sent before save(draft) that lands after it does not revert the save', async () => {
    const store = newStore();
    const scene = (await store.get('Scene', '2', { fields: ['title'] }))!;
    const held = stash.faults.hold();
    const refetch = store.get('Scene', '2', { fields: ['title'], forceRefetch: true });
    await held.executed;
    const draft = store.edit(scene);
    draft.title = 'Saved title';
    await store.save(draft);
    held.release();
    await refetch;
    expect(store.peek('Scene', '2')!.title).toBe('Saved title');
    expect((await serverScene('2')).title).toBe('Saved title');
    expect(store.getCached('Scene', '2')).not.toBeNull();
  });

  for (const how of ['invalidate', 'invalidateType', 'invalidateAll'] as const) {
    it(`a read in flight during ${how}() does not clear the stale mark when it lands`, async () => {
      const store = newStore();
      await store.get('Scene', '3', { fields: ['title'] });
      const held = stash.faults.hold();
      const read = store.get('Scene', '3', { fields: ['title'], forceRefetch: true });
      await held.executed;
      await setTitle('3', 'Changed meanwhile');
      if (how === 'invalidate') store.invalidate('Scene', '3');
      else if (how === 'invalidateType') store.invalidateType('Scene');
      else store.invalidateAll();
      held.release();
      await read;
      const scene = store.peek('Scene', '3')!;
      expect(store.getCached('Scene', '3')).toBeNull();
      expect(store.hasFields(scene, 'title')).toBe(false);
      // The next read refetches and sees the server's value.
      expect((await store.get('Scene', '3', { fields: ['title'] }))!.title).toBe('Changed meanwhile');
      expect(store.getCached('Scene', '3')).not.toBeNull();
    });
  }

  it("a read in flight during a mutation's invalidation rule does not clear its stale fields", async () => {
    const store = newStore();
    const scene = (await store.get('Scene', '4', { fields: ['title', 'performers.scene_count'] }))!;
    const performer = scene.performers[0]!;
    expect(performer).toBeDefined();
    const held = stash.faults.hold();
    const read = store.get('Performer', performer.id, { fields: ['scene_count'], forceRefetch: true });
    await held.executed;
    const draft = store.edit(scene);
    draft.title = 'Rule applies';
    await store.save(draft); // Scene rule: Performer.scene_count goes stale
    held.release();
    await read;
    expect(store.hasFields(store.peek('Performer', performer.id)!, 'scene_count')).toBe(false);
  });
});

describe('a deleted entity does not come back', () => {
  it('populate sent, delete confirms, populate lands: deleted, and populate says not found', async () => {
    const store = newStore();
    const tag = (await store.get('Tag', '5', { fields: ['name'] }))!;
    const held = stash.faults.hold();
    const populate = store.populate(tag, ['description'], { forceRefetch: true });
    await held.executed;
    await store.delete(tag);
    held.release();
    await expect(populate).rejects.toBeInstanceOf(StashNotFoundError);
    expect(store.isDeleted('Tag', '5')).toBe(true);
    expect(store.peek('Tag', '5')).toBeNull();
    expect((await raw(`query { findTag(id: "5") { id } }`)).findTag).toBeNull();
  });
});

describe('freshness is per field', () => {
  it('refetching some fields of a stale record refreshes only those', async () => {
    const store = newStore();
    await store.find('Scene', { id: { value: 6, modifier: 'EQUALS' } } as never, {
      fields: ['code', 'studio'],
    });
    await raw(`mutation { sceneUpdate(input: { id: "6", code: "NEW-CODE" }) { id } }`);
    advance(61);
    const scene = (await store.get('Scene', '6', { fields: ['director'] }))!;
    expect(store.hasFields(scene, 'director')).toBe(true);
    expect(store.hasFields(scene, 'code')).toBe(false);
    expect(store.missingFields(scene, 'code', 'director')).toEqual(new Set(['code']));
    expect(store.getCached('Scene', '6')).toBeNull();
    // The planner agrees: the next read of code fetches it.
    const before = store.requestCount;
    const again = (await store.get('Scene', '6', { fields: ['code', 'director'] }))!;
    expect(store.requestCount).toBe(before + 1);
    expect(again.code).toBe('NEW-CODE');
    expect(again.code).toBe((await serverScene('6')).code);
  });

  it('a field answered with an error on a stale record stays stale; the rest is fresh', async () => {
    const store = newStore();
    await store.get('Scene', '7', { fields: ['title', 'code'] });
    await raw(`mutation { sceneUpdate(input: { id: "7", code: "SRV", title: "Srv title" }) { id } }`);
    advance(61);
    stash.faults.next({ partial: [{ path: ['r0', 'code'], message: 'code failed' }] });
    await expect(store.get('Scene', '7', { fields: ['title', 'code'] })).rejects.toThrow(/code failed/);
    const scene = store.peek('Scene', '7')!;
    expect(scene.title).toBe('Srv title');
    expect(store.hasFields(scene, 'title')).toBe(true);
    expect(store.hasFields(scene, 'code')).toBe(false);
    expect(scene.code).not.toBe('SRV');
    expect(store.getCached('Scene', '7')).toBeNull();
  });
});
