import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestStash, type TestStash } from '@stashkit/testkit';
import {
  createStashClient,
  createStashStore,
  StashGraphQLError,
  StashNetworkError,
  StashNotFoundError,
  StashValidationError,
} from '../src/index';

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
const clearLog = () => void stash.requests.splice(0);
const mutations = () => stash.requests.filter((r) => r.query.trimStart().startsWith('mutation'));

async function raw<T = Record<string, unknown>>(
  query: string,
  variables?: Record<string, unknown>,
): Promise<T> {
  return createStashClient({ url: stash.url }).execute<T>(query, variables);
}

describe('invalidation rules', () => {
  it('a scene update makes performer scene_count and scene lists stale, not the scene itself', async () => {
    const store = newStore();
    const [performer, scene] = await Promise.all([
      store.get('Performer', '1', { fields: ['name', 'scene_count'] }),
      store.get('Scene', '1', { fields: ['title', 'performers'] }),
    ]);
    const count = performer!.scene_count;
    const lists: string[][] = [];
    store.subscribeLists((types) => void lists.push([...types].sort()));
    const epoch = store.listEpoch('Scene');
    const changed: string[] = [];
    store.subscribe('Performer', '1', (change) => void changed.push(...change.fields));

    const draft = store.edit(scene!);
    draft.performers = draft.performers.filter((p) => p.id !== '1').concat([performer!]);
    draft.title = 'Touches performers';
    await store.save(draft);

    expect(store.missingFields(performer!, 'scene_count', 'name')).toEqual(new Set(['scene_count']));
    expect(changed).toContain('scene_count');
    // The last value stays readable; the next read that needs it refetches it.
    expect(store.getCached('Performer', '1')!.scene_count).toBe(count);
    expect(store.hasFields(store.getCached('Scene', '1')!, 'title', 'performers')).toBe(true);
    expect(store.listEpoch('Scene')).toBe(epoch + 1);
    expect(lists).toHaveLength(1);
    expect(lists[0]).toEqual(
      expect.arrayContaining(['Scene', 'Performer', 'Studio', 'Tag', 'Group', 'Gallery']),
    );
    clearLog();
    const refreshed = await store.populate(performer!, ['scene_count']);
    expect(stash.requests).toHaveLength(1);
    const { findPerformer } = await raw<{ findPerformer: { scene_count: number } }>(
      `{ findPerformer(id: "1") { scene_count } }`,
    );
    expect(refreshed.scene_count).toBe(findPerformer.scene_count);
  });

  it('drops every argument variant of a count (scene_count and scene_count(depth:-1))', async () => {
    const store = newStore();
    const studio = (await store.get('Studio', '1', { fields: ['scene_count', 'scene_count(depth: -1)'] }))!;
    const tag = store.create('Tag', { name: 'Rule check' });
    await store.save(tag);
    expect(store.hasFields(studio, 'scene_count')).toBe(true); // a Tag create does not touch studios' scene counts
    const scene = (await store.get('Scene', '2', { fields: ['title'] }))!;
    const draft = store.edit(scene);
    draft.title = 'x';
    await store.save(draft);
    expect(store.missingFields(studio, 'scene_count', 'scene_count(depth: -1)').size).toBe(2);
  });
});

describe('side operations', () => {
  it('addO goes through sceneAddO and patches o_counter and o_history from the result', async () => {
    const store = newStore();
    const scene = (await store.get('Scene', '12', { fields: ['o_counter', 'o_history', 'title'] }))!;
    const before = scene.o_counter ?? 0;
    clearLog();
    const draft = store.edit(scene);
    draft.addO();
    expect(draft.isDirty).toBe(true);
    expect(draft.pendingOperations.map((o) => o.method)).toEqual(['addO']);
    const saved = await store.save(draft);
    expect(mutations()).toHaveLength(1);
    expect(mutations()[0].query).toMatch(/sceneAddO\(id: \$m0_id\)/);
    expect(saved.o_counter).toBe(before + 1);
    expect(saved.o_history).toHaveLength(before + 1);
    expect(draft.isDirty).toBe(false);
    const { findScene } = await raw<{ findScene: { o_counter: number } }>(
      `{ findScene(id: "12") { o_counter } }`,
    );
    expect(findScene.o_counter).toBe(before + 1);
  });

  it('runs field edits first, then operations in order; a failed operation stays queued and is never repeated', async () => {
    const store = newStore();
    const scene = (await store.get('Scene', '13', { fields: ['title', 'play_count', 'resume_time'] }))!;
    const plays = scene.play_count ?? 0;
    clearLog();
    const draft = store.edit(scene);
    draft.title = 'With activity';
    draft.addPlay().setResumeTime(42.5);
    // The third request (round two: setResumeTime) fails: addPlay is confirmed and dropped.
    let calls = 0;
    stash.faults.add(
      () => ++calls === 3,
      { graphqlErrors: [{ message: 'boom', path: ['m0'] }] },
      { times: 1 },
    );
    await expect(store.save(draft)).rejects.toBeInstanceOf(StashGraphQLError);
    expect(mutations().map((r) => r.query.match(/(sceneUpdate|sceneAddPlay|sceneSaveActivity)/)![1])).toEqual(
      ['sceneUpdate', 'sceneAddPlay', 'sceneSaveActivity'],
    );
    expect(draft.changedFields()).toEqual([]);
    expect(draft.pendingOperations.map((o) => o.method)).toEqual(['setResumeTime']);
    expect(store.peek('Scene', '13')!.play_count).toBe(plays + 1);
    // The failed operation may have run on the server: the record is stale until refetched.
    expect(store.getCached('Scene', '13')).toBeNull();
    clearLog();
    await store.save(draft);
    expect(mutations().map((r) => r.query.match(/(sceneAddPlay|sceneSaveActivity)/)![1])).toEqual([
      'sceneSaveActivity',
    ]);
    const { findScene } = await raw<{
      findScene: { play_count: number; resume_time: number; title: string };
    }>(`{ findScene(id: "13") { play_count resume_time title } }`);
    expect(findScene).toEqual({ play_count: plays + 1, resume_time: 42.5, title: 'With activity' });
    const current = store.peek('Scene', '13')!;
    expect(current.resume_time).toBe(42.5);
    expect(store.hasFields(current, 'resume_time')).toBe(true);
  });

  it('image o-counter and gallery images/cover operations', async () => {
    const store = newStore();
    const image = (await store.get('Image', '3', { fields: ['o_counter'] }))!;
    const o = image.o_counter ?? 0;
    const imageDraft = store.edit(image);
    imageDraft.incrementO().incrementO().decrementO();
    const savedImage = await store.save(imageDraft);
    expect(savedImage.o_counter).toBe(o + 1);

    const gallery = (await store.get('Gallery', '1', { fields: ['image_count'] }))!;
    const count = gallery.image_count;
    const { findImages } = await raw<{ findImages: { images: { id: string }[] } }>(
      `query($f: ImageFilterType) { findImages(image_filter: $f, filter: { per_page: 2, sort: "id" }) { images { id } } }`,
      { f: { galleries: { value: ['1'], modifier: 'EXCLUDES' } } },
    );
    const draft = store.edit(gallery);
    draft.addImages(findImages.images).setCover(findImages.images[0]);
    await store.save(draft);
    expect(store.missingFields(gallery, 'image_count')).toEqual(new Set(['image_count']));
    const after = await store.populate(gallery, ['image_count', 'cover']);
    expect(after.image_count).toBe(count + 2);
    expect(after.cover?.id).toBe(findImages.images[0].id);
  });

  it('rejects bad operation arguments before any request', () => {
    const store = newStore();
    const scene = store.ingest('Scene', { __typename: 'Scene', id: '1', title: 't' });
    const draft = store.edit(scene);
    expect(() => draft.setResumeTime(-1)).toThrow(StashValidationError);
    expect(() => draft.addO(['not', 3] as never)).toThrow(StashValidationError);
    expect(() => draft.saveActivity({})).toThrow(StashValidationError);
    expect(() => ((draft as unknown as { o_counter: number }).o_counter = 3)).toThrow(
      /not writable.*addO\(\)/,
    );
    expect(draft.isDirty).toBe(false);
  });
});

describe('delete', () => {
  it('sends the destroy input with extra options and tombstones the entity', async () => {
    const store = newStore();
    const [scene, performer] = await Promise.all([
      store.get('Scene', '20', { fields: ['title', 'performers'] }),
      store.get('Performer', '2', { fields: ['scene_count'] }),
    ]);
    clearLog();
    await store.delete(scene!, { delete_generated: false });
    expect(mutations()[0].variables).toEqual({ m0_input: { id: '20', delete_generated: false } });
    expect(store.isDeleted('Scene', '20')).toBe(true);
    expect(store.getCached('Scene', '20')).toBeNull();
    expect(store.peek('Scene', '20')).toBeNull();
    expect(store.isDeleted('Scene', '21')).toBe(false);
    expect(store.hasFields(performer!, 'scene_count')).toBe(false);
    const { findScene } = await raw<{ findScene: unknown }>(`{ findScene(id: "20") { id } }`);
    expect(findScene).toBeNull();
  });

  it('uses each type destroy shape (Gallery ids, SceneMarker id) and tombstones uncached ids', async () => {
    const store = newStore();
    await store.delete({ __typename: 'Gallery', id: '3' });
    await store.delete({ __typename: 'SceneMarker', id: '4' });
    expect(mutations().map((r) => r.variables)).toEqual([{ m0_input: { ids: ['3'] } }, { m0_id: '4' }]);
    expect(store.isDeleted('Gallery', '3')).toBe(true);
    expect(store.isDeleted('SceneMarker', '4')).toBe(true);
  });

  it('marks stale the links of cached records that pointed at the deleted entity', async () => {
    const store = newStore();
    const scene = (await store.get('Scene', '22', { fields: ['tags'] }))!;
    const tag = scene.tags[0];
    await store.delete(tag);
    expect(store.hasFields(scene, 'tags')).toBe(false);
    const refreshed = await store.populate(scene, ['tags']);
    expect(refreshed.tags.map((t) => t.id)).not.toContain(tag.id);
  });

  it('rejects unknown options before any request and surfaces server errors', async () => {
    const store = newStore();
    await expect(store.delete({ __typename: 'Tag', id: '1' }, { delete_file: true })).rejects.toBeInstanceOf(
      StashValidationError,
    );
    await expect(store.delete({ __typename: 'Scene', id: '1' }, { nope: true })).rejects.toThrow(
      /no option "nope"; options: delete_file, delete_generated/,
    );
    expect(stash.requests).toHaveLength(0);
    await expect(store.delete({ __typename: 'Tag', id: '99999' })).rejects.toBeInstanceOf(StashGraphQLError);
    expect(store.isDeleted('Tag', '99999')).toBe(false);
  });
});

describe('getOrCreate', () => {
  it('returns the existing match without creating', async () => {
    const store = newStore();
    const { findTag } = await raw<{ findTag: { name: string } }>(`{ findTag(id: "2") { name } }`);
    const tag = await store.getOrCreate('Tag', { name: findTag.name });
    expect(tag.id).toBe('2');
    expect(mutations()).toHaveLength(0);
    expect(store.drafts()).toEqual([]);
  });

  it('creates when missing, or throws StashNotFoundError with createIfMissing: false', async () => {
    const store = newStore();
    await expect(
      store.getOrCreate('Tag', { name: 'Nowhere' }, { createIfMissing: false }),
    ).rejects.toBeInstanceOf(StashNotFoundError);
    expect(mutations()).toHaveLength(0);
    const tag = await store.getOrCreate('Tag', { name: 'Nowhere' }, { values: { description: 'made' } });
    expect(mutations()[0].variables).toEqual({ m0_input: { name: 'Nowhere', description: 'made' } });
    const again = await store.getOrCreate('Tag', { name: 'Nowhere' });
    expect(again.id).toBe(tag.id);
    expect(mutations()).toHaveLength(1);
  });

  it('a failed search propagates its error and never creates', async () => {
    const store = newStore();
    stash.faults.next({ status: 500, body: 'down' });
    await expect(store.getOrCreate('Tag', { name: 'Never twice' })).rejects.toBeInstanceOf(StashNetworkError);
    expect(mutations()).toHaveLength(0);
    expect(store.drafts()).toEqual([]);
    await expect(store.getOrCreate('Tag', { nope: 1 } as never)).rejects.toBeInstanceOf(StashValidationError);
  });
});

describe('saveBatch and saveAll', () => {
  it('sends independent drafts in one request, creates before updates, one result per draft', async () => {
    const store = newStore();
    const [a, b] = await Promise.all([
      store.get('Scene', '30', { fields: ['title'] }),
      store.get('Scene', '31', { fields: ['tags'] }),
    ]);
    clearLog();
    const update = store.edit(a!);
    update.title = 'Batch title';
    const broken = store.edit(b!);
    broken.tags = [{ id: '99999' }];
    const t1 = store.create('Tag', { name: 'Batch one' });
    const t2 = store.create('Tag', { name: 'Batch two' });
    const results = await store.saveBatch([update, broken, t1, t2]);
    expect(stash.requests).toHaveLength(1);
    const fields = [...stash.requests[0].query.matchAll(/m\d: (\w+)/g)].map((m) => m[1]);
    expect(fields).toEqual(['tagCreate', 'tagCreate', 'sceneUpdate', 'sceneUpdate']);
    expect(results.map((r) => r.ok)).toEqual([true, false, true, true]);
    expect(results[1].ok === false && results[1].error).toBeInstanceOf(StashGraphQLError);
    expect(broken.isDirty).toBe(true);
    expect(update.isDirty || t1.isDirty || t2.isDirty).toBe(false);
    const r0 = results[0];
    expect(r0.ok && r0.entity.title).toBe('Batch title');
    expect(store.drafts()).toEqual([broken]);
  });

  it('splits dependent creates into one request per level; saveAll saves every tracked dirty draft', async () => {
    const store = newStore();
    const scene = (await store.get('Scene', '32', { fields: ['tags'] }))!;
    clearLog();
    const root = store.create('Tag', { name: 'Level 0' });
    const mid = store.create('Tag', { name: 'Level 1', parents: [root] });
    const draft = store.edit(scene);
    draft.tags = [mid];
    expect(store.drafts()).toEqual([root, mid, draft]);
    const results = await store.saveAll();
    expect(results.every((r) => r.ok)).toBe(true);
    expect(stash.requests.map((r) => [...r.query.matchAll(/m\d: (\w+)/g)].map((m) => m[1]))).toEqual([
      ['tagCreate'],
      ['tagCreate'],
      ['sceneUpdate'],
    ]);
    const { findScene } = await raw<{ findScene: { tags: { id: string; parents: { id: string }[] }[] } }>(
      `{ findScene(id: "32") { tags { id parents { id } } } }`,
    );
    expect(findScene.tags).toEqual([{ id: mid.id, parents: [{ id: root.id }] }]);
    expect(store.drafts()).toEqual([]);
  });

  it('rejects a reference cycle between new drafts before any request', async () => {
    const store = newStore();
    const a = store.create('Tag', { name: 'A' });
    const b = store.create('Tag', { name: 'B', parents: [a] });
    a.parents = [b];
    await expect(store.saveAll()).rejects.toThrow(/cycle: Tag tmp:\d+ -> Tag tmp:\d+ -> Tag tmp:\d+/);
    expect(stash.requests).toHaveLength(0);
  });
});
