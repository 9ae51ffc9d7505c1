// Issue 8: every answer applied as of when its request was sent, freshness per field. Each race is
// made deterministic with a held response (the mock executes, then waits for `release()`).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestStash, type TestStash } from '@stashkit/testkit';
import { createStashClient, createStashStore, StashError, StashNotFoundError } from '../src/index';

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

/**
 * A store whose requests containing `field` wait in the client until `release()`: sequenced (sent)
 * first, run on the server after the requests sent meanwhile.
 */
function parkedStore(field: string) {
  let release!: () => void;
  const parked = new Promise<void>((resolve) => (release = resolve));
  const store = createStashStore({
    url: stash.url,
    now: () => t,
    defaultTtl: 60,
    fetch: async (input, init) => {
      if (String(init?.body).includes(field)) await parked;
      return fetch(input, init);
    },
  });
  return { store, release };
}

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

  // Found by the property test (seed 4): requests in flight together may run on the server in any order.
  it('a read sent after the delete but run before it (answered first) does not outlive the tombstone', async () => {
    const { store, release } = parkedStore('tagDestroy');
    const { findScene } = await raw(`{ findScene(id: "1") { tags { id } } }`);
    const tagId: string = findScene.tags[0].id;
    const tag = (await store.get('Tag', tagId, { fields: ['name'] }))!;
    const deleting = store.delete(tag);
    // Sent after the destroy, answered before it ran: the tag and its link were there then.
    await store.get('Scene', '1', { fields: ['tags.name'], forceRefetch: true });
    release();
    await deleting;
    expect((await raw(`query($id: ID!) { findTag(id: $id) { id } }`, { id: tagId })).findTag).toBeNull();
    expect(store.isDeleted('Tag', tagId)).toBe(true);
    expect(store.peek('Tag', tagId)).toBeNull();
    expect(store.hasFields(store.peek('Scene', '1')!, 'tags.id')).toBe(false);
    const again = (await store.get('Scene', '1', { fields: ['tags'] }))!;
    expect(again.tags.map((x) => x.id)).not.toContain(tagId);
  });
});

describe('a read sent while a save is in flight', () => {
  // Same class as the delete above: the save's answer is written as of its send, and the fields a
  // later-sent read wrote go stale as of the save's arrival (either may have run first).
  it('that runs before the save on the server does not keep the old value fresh', async () => {
    const { store, release } = parkedStore('sceneUpdate');
    const scene = (await store.get('Scene', '1', { fields: ['title'] }))!;
    const draft = store.edit(scene);
    draft.title = 'Saved meanwhile';
    const saving = store.save(draft);
    await store.get('Scene', '1', { fields: ['title'], forceRefetch: true });
    release();
    await saving;
    expect((await serverScene('1')).title).toBe('Saved meanwhile');
    const snap = store.peek('Scene', '1')!;
    if (store.hasFields(snap, 'title')) expect(snap.title).toBe('Saved meanwhile');
    // The next read asks the server.
    expect((await store.get('Scene', '1', { fields: ['title'] }))!.title).toBe('Saved meanwhile');
  });

  it('that is still in flight when the save lands does not make the old value fresh later', async () => {
    const { store, release } = parkedStore('sceneUpdate');
    const scene = (await store.get('Scene', '1', { fields: ['title'] }))!;
    const draft = store.edit(scene);
    draft.title = 'Saved meanwhile';
    const saving = store.save(draft);
    const held = stash.faults.hold();
    const read = store.get('Scene', '1', { fields: ['title'], forceRefetch: true });
    await held.executed; // ran before the save: the old title
    release();
    await saving;
    held.release();
    await read;
    expect((await serverScene('1')).title).toBe('Saved meanwhile');
    const snap = store.peek('Scene', '1')!;
    if (store.hasFields(snap, 'title')) expect(snap.title).toBe('Saved meanwhile');
  });

  it('that runs before a save that fails but ran (HTTP 502) does not keep the old value fresh', async () => {
    const { store, release } = parkedStore('sceneUpdate');
    const scene = (await store.get('Scene', '1', { fields: ['title'] }))!;
    const draft = store.edit(scene);
    draft.title = 'Ran, then 502';
    const saving = store.save(draft);
    await store.get('Scene', '1', { fields: ['title'], forceRefetch: true });
    stash.faults.next({ afterExecute: true, status: 502 });
    release();
    await expect(saving).rejects.toBeInstanceOf(StashError);
    expect((await serverScene('1')).title).toBe('Ran, then 502');
    expect(store.hasFields(store.peek('Scene', '1')!, 'title')).toBe(false);
    expect((await store.get('Scene', '1', { fields: ['title'] }))!.title).toBe('Ran, then 502');
  });

  it("the rule of a save overtaken by a read of another record does not leave that record's count fresh", async () => {
    const { store, release } = parkedStore('sceneUpdate');
    const scene = (await store.get('Scene', '1', { fields: ['tags.id'] }))!;
    const onScene = new Set(scene.tags.map((tag) => tag.id));
    const { items: tags } = await store.findPage('Tag', {}, { fields: ['scene_count'], perPage: 20 });
    const tag = tags.find((candidate) => !onScene.has(candidate.id))!;
    const before = tag.scene_count;
    const draft = store.edit(scene);
    draft.tags = [...scene.tags, tag];
    const saving = store.save(draft); // Scene rule: Tag.scene_count goes stale
    // Sent after the save, run before it: the count without the save.
    expect(
      (await store.get('Tag', tag.id, { fields: ['scene_count'], forceRefetch: true }))!.scene_count,
    ).toBe(before);
    release();
    await saving;
    expect(store.hasFields(store.peek('Tag', tag.id)!, 'scene_count')).toBe(false);
    expect((await store.get('Tag', tag.id, { fields: ['scene_count'] }))!.scene_count).toBe(before + 1);
  });

  it('a side operation overtaken by a read sent after it does not keep the old counter fresh', async () => {
    const { store, release } = parkedStore('sceneAddO');
    const scene = (await store.get('Scene', '1', { fields: ['o_counter'] }))!;
    const before = scene.o_counter ?? 0;
    const draft = store.edit(scene);
    draft.addO();
    const saving = store.save(draft);
    await store.get('Scene', '1', { fields: ['o_counter'], forceRefetch: true });
    release();
    await saving;
    const snap = store.peek('Scene', '1')!;
    if (store.hasFields(snap, 'o_counter')) expect(snap.o_counter).toBe(before + 1);
    expect((await store.get('Scene', '1', { fields: ['o_counter'] }))!.o_counter).toBe(before + 1);
  });

  it('a save with no request overlapping it leaves its fields received and fresh', async () => {
    const store = newStore();
    const scene = (await store.get('Scene', '2', { fields: ['title', 'code'] }))!;
    const draft = store.edit(scene);
    draft.title = 'Alone';
    await store.save(draft);
    const snap = store.peek('Scene', '2')!;
    expect(snap.title).toBe('Alone');
    expect(store.hasFields(snap, 'title', 'code')).toBe(true);
    const before = store.requestCount;
    expect((await store.get('Scene', '2', { fields: ['title', 'code'] }))!.title).toBe('Alone');
    expect(store.requestCount).toBe(before);
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

type Body = { data: Record<string, any> | null; errors?: { message: string; path?: (string | number)[] }[] };
/** The first (only) root alias of an answer. */
const firstAlias = (body: Body) => Object.keys(body.data!)[0]!;

describe('a mutation that ran on the server but answered with a failure', () => {
  const ways: Record<string, Parameters<TestStash['faults']['next']>[0]> = {
    'HTTP 502': { afterExecute: true, status: 502 },
    'a dropped connection': { afterExecute: true, drop: true },
    'an error with data': {
      rewrite: (body: Body) => ({
        ...body,
        errors: [{ message: 'ran, then failed', path: [firstAlias(body)] }],
      }),
    },
  };
  for (const [how, fault] of Object.entries(ways)) {
    it(`${how}: the draft stays dirty, edited and rule-covered fields go stale, the next read refetches`, async () => {
      const store = createStashStore({ url: stash.url, now: () => t, defaultTtl: 60, retry: false });
      const scene = (await store.get('Scene', '4', { fields: ['title', 'code', 'performers.scene_count'] }))!;
      const performer = scene.performers[0]!;
      expect(performer).toBeDefined();
      const draft = store.edit(scene);
      draft.title = 'Ran anyway';
      stash.faults.next(fault);
      await expect(store.save(draft)).rejects.toBeInstanceOf(StashError);
      // It did run: the server has the new title.
      expect((await serverScene('4')).title).toBe('Ran anyway');
      expect(draft.isDirty).toBe(true);
      expect(draft.changedFields()).toEqual(['title']);
      const cached = store.peek('Scene', '4')!;
      expect(store.hasFields(cached, 'title')).toBe(false);
      expect(store.hasFields(cached, 'code')).toBe(true); // not edited: still fresh
      expect(store.receivedFields(cached).has('title')).toBe(false);
      expect(store.hasFields(store.peek('Performer', performer.id)!, 'scene_count')).toBe(false);
      // The next read refetches and sees the server's value; the draft's edit now agrees with it.
      const before = store.requestCount;
      expect((await store.get('Scene', '4', { fields: ['title', 'code'] }))!.title).toBe('Ran anyway');
      expect(store.requestCount).toBe(before + 1);
      expect(draft.changedFields()).toEqual([]);
    });
  }

  it('a refusal that proves nothing ran (HTTP 400) marks nothing stale', async () => {
    const store = createStashStore({ url: stash.url, now: () => t, defaultTtl: 60, retry: false });
    const scene = (await store.get('Scene', '9', { fields: ['title'] }))!;
    const draft = store.edit(scene);
    draft.title = 'Never ran';
    stash.faults.next({ status: 400 });
    await expect(store.save(draft)).rejects.toBeInstanceOf(StashError);
    expect((await serverScene('9')).title).not.toBe('Never ran');
    expect(draft.isDirty).toBe(true);
    expect(store.getCached('Scene', '9')).toBe(scene);
  });
});

describe('a malformed answer is a protocol error and changes nothing', () => {
  const rewrite = (fn: (body: Body, alias: string) => void) =>
    stash.faults.next({
      rewrite: (body: Body) => {
        fn(body, firstAlias(body));
        return body;
      },
    });

  it('a missing alias rejects (not "not found") and keeps the record', async () => {
    const store = newStore();
    const scene = (await store.get('Scene', '10', { fields: ['title'] }))!;
    rewrite((body, alias) => delete body.data![alias]);
    const error = await store.get('Scene', '10', { fields: ['title'], forceRefetch: true }).catch((e) => e);
    expect(error).toBeInstanceOf(StashError);
    expect(error.message).toMatch(/malformed answer: findScene \(r0\) is missing/);
    expect(store.isDeleted('Scene', '10')).toBe(false);
    expect(store.peek('Scene', '10')).toBe(scene);
    expect(store.getCached('Scene', '10')).toBe(scene);
  });

  it('another __typename for a non-abstract root field rejects', async () => {
    const store = newStore();
    const scene = (await store.get('Scene', '11', { fields: ['title'] }))!;
    rewrite((body, alias) => void (body.data![alias].__typename = 'Performer'));
    await expect(store.get('Scene', '11', { fields: ['title'], forceRefetch: true })).rejects.toThrow(
      /malformed answer: findScene\(11\) answered a Performer where a Scene was asked for/,
    );
    expect(store.isDeleted('Scene', '11')).toBe(false);
    expect(store.peek('Scene', '11')).toBe(scene);
    expect(store.peek('Performer', '11')).toBeNull();
  });

  it('a single-entity answer for another id rejects', async () => {
    const store = newStore();
    rewrite((body, alias) => void (body.data![alias].id = '999'));
    await expect(store.get('Scene', '12', { fields: ['title'] })).rejects.toThrow(
      /malformed answer: findScene\(12\) answered id 999/,
    );
    expect(store.peek('Scene', '12')).toBeNull();
    expect(store.peek('Scene', '999')).toBeNull();
  });

  for (const part of ['count', 'scenes'] as const) {
    it(`a find answer without ${part} rejects instead of resolving []`, async () => {
      const store = newStore();
      const before = (await store.get('Scene', '13', { fields: ['title'] }))!;
      rewrite((body, alias) => delete body.data![alias][part]);
      await expect(
        store.find('Scene', { id: { value: 13, modifier: 'EQUALS' } } as never, { fields: ['title'] }),
      ).rejects.toThrow(part === 'count' ? /findScenes answered without a count/ : /without a scenes list/);
      expect(store.peek('Scene', '13')).toBe(before);
      expect(store.listEpoch('Scene')).toBe(0);
    });
  }

  it('a by-ids answer without its items list rejects instead of tombstoning every id', async () => {
    const store = newStore();
    const { findSceneMarkers } = await raw(
      `{ findSceneMarkers(scene_marker_filter: {}) { scene_markers { id } } }`,
    );
    const id: string = findSceneMarkers.scene_markers[0].id;
    rewrite((body, alias) => delete body.data![alias].scene_markers);
    await expect(store.get('SceneMarker', id, { fields: ['title'] })).rejects.toThrow(
      /findSceneMarkers answered without a scene_markers list/,
    );
    expect(store.isDeleted('SceneMarker', id)).toBe(false);
    expect((await store.get('SceneMarker', id, { fields: ['title'] }))!.id).toBe(id);
  });
});

describe('older answers landing after marks made where nothing was received (found by the property test)', () => {
  it('a mutation failure marks a field stale that was not received: the older answer stays stale', async () => {
    const store = createStashStore({ url: stash.url, now: () => t, defaultTtl: 60, retry: false });
    const scene = (await store.get('Scene', '4', { fields: ['title'] }))!;
    const draft = store.edit(scene);
    draft.title = 'First';
    stash.faults.next({ afterExecute: true, status: 502 });
    await expect(store.save(draft)).rejects.toBeInstanceOf(StashError); // title: stale
    const held = stash.faults.hold();
    const read = store.get('Scene', '4', { fields: ['title'], forceRefetch: true });
    await held.executed; // answers 'First'
    draft.title = 'Second';
    stash.faults.next({ afterExecute: true, drop: true });
    await expect(store.save(draft)).rejects.toBeInstanceOf(StashError); // ran: the server has 'Second'
    held.release();
    await read;
    expect((await serverScene('4')).title).toBe('Second');
    expect(store.hasFields(store.peek('Scene', '4')!, 'title')).toBe(false);
  });

  for (const how of ['invalidate', 'invalidateType', 'invalidateAll'] as const) {
    it(`a record not cached during ${how}() is created stale by the older answer`, async () => {
      const store = newStore();
      const held = stash.faults.hold();
      const read = store.get('Tag', '6', { fields: ['name'] });
      await held.executed;
      if (how === 'invalidate') store.invalidate('Tag', '6');
      else if (how === 'invalidateType') store.invalidateType('Tag');
      else store.invalidateAll();
      held.release();
      const tag = (await read)!;
      expect(store.hasFields(tag, 'name')).toBe(false);
      expect(store.getCached('Tag', '6')).toBeNull();
    });
  }

  it("a record not cached when a mutation's rule ran takes the rule's stale fields", async () => {
    const store = newStore();
    const { findScene } = await raw(`{ findScene(id: "4") { performers { id } } }`);
    const performerId: string = findScene.performers[0].id;
    const scene = (await store.get('Scene', '4', { fields: ['title'] }))!;
    const held = stash.faults.hold();
    const read = store.get('Performer', performerId, { fields: ['scene_count'] });
    await held.executed;
    const draft = store.edit(scene);
    draft.title = 'Rule applies';
    await store.save(draft); // Scene rule: Performer.scene_count goes stale
    held.release();
    expect(store.hasFields((await read)!, 'scene_count')).toBe(false);
  });

  it('links to an entity deleted after the answer was sent are not received', async () => {
    const store = newStore();
    const { findScene } = await raw(`{ findScene(id: "1") { tags { id } } }`);
    const tagId: string = findScene.tags[0].id;
    const tag = (await store.get('Tag', tagId, { fields: ['name'] }))!;
    const held = stash.faults.hold();
    const read = store.get('Scene', '1', { fields: ['tags'] }); // Scene 1 not cached
    await held.executed;
    await store.delete(tag);
    held.release();
    const scene = (await read)!;
    expect(store.hasFields(scene, 'tags.id')).toBe(false);
    // The next read refetches: the server dropped the deleted tag from the scene.
    const again = (await store.get('Scene', '1', { fields: ['tags'] }))!;
    expect(again.tags.map((t) => t.id)).not.toContain(tagId);
  });
});
