import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestStash, type TestStash } from '@stashkit/testkit';
import {
  createStashClient,
  createStashStore,
  isTemporaryId,
  StashGraphQLError,
  type ChangeBatch,
} from '../src/index';

let stash: TestStash;
beforeAll(async () => {
  stash = await startTestStash({ size: 200 });
});
afterAll(async () => {
  await stash.close();
});
beforeEach(() => stash.reset());

const newStore = () => createStashStore({ url: stash.url });

/** Server state, read with a hand-written query over HTTP (not through the store). */
async function raw<T = Record<string, unknown>>(
  query: string,
  variables?: Record<string, unknown>,
): Promise<T> {
  return createStashClient({ url: stash.url }).execute<T>(query, variables);
}

async function rawScene(id: string) {
  const { findScene } = await raw<{ findScene: Record<string, unknown> | null }>(
    `query($id: ID!) { findScene(id: $id) { id title date details rating100 organized urls
      studio { id } tags { id } performers { id } groups { group { id } scene_index } } }`,
    { id },
  );
  return findScene;
}

/** Empties the request log (reset() would also re-seed the data). */
const clearLog = () => void stash.requests.splice(0);

/** The variables of the mutations the store sent since the last reset. */
function mutations() {
  return stash.requests.filter((r) => r.query.trimStart().startsWith('mutation'));
}

describe('save: patch-only updates', () => {
  it('sends only the changed field, as one input variable, and refreshes the cache from the result', async () => {
    const store = newStore();
    const scene = (await store.get('Scene', '1'))!;
    clearLog();
    const draft = store.edit(scene);
    draft.title = 'Renamed';
    expect(draft.isDirty).toBe(true);
    expect(draft.changes()).toEqual({ title: 'Renamed' });
    const saved = await store.save(draft);

    const [m] = mutations();
    expect(mutations()).toHaveLength(1);
    expect(m.query).toMatch(/sceneUpdate\(input: \$m0_input\)/);
    expect(m.variables).toEqual({ m0_input: { id: '1', title: 'Renamed' } });
    expect((await rawScene('1'))!.title).toBe('Renamed');
    expect(saved.title).toBe('Renamed');
    expect(store.getCached('Scene', '1')).toBe(saved);
    expect(draft.isDirty).toBe(false);
    expect(draft.base).toBe(saved);
    // The fields the cache held were selected back: the record keeps all of them.
    expect(store.hasFields(saved, 'title', 'paths', 'studio', 'performers', 'tags')).toBe(true);
  });

  it('clears a scalar with null and a list with []', async () => {
    const store = newStore();
    const before = (await rawScene('2'))!;
    expect(before.date).not.toBeNull();
    const scene = (await store.get('Scene', '2', { fields: ['date', 'tags', 'urls'] }))!;
    clearLog();
    const draft = store.edit(scene);
    draft.date = null;
    draft.tags = [];
    draft.urls = [];
    await store.save(draft);
    expect(mutations()[0].variables).toEqual({ m0_input: { id: '2', date: null, tag_ids: [], urls: [] } });
    const after = (await rawScene('2'))!;
    expect(after.date).toBeNull();
    expect(after.tags).toEqual([]);
    expect(after.urls).toEqual([]);
    expect(store.getCached('Scene', '2')!.tags).toEqual([]);
    // Untouched fields were not sent, so the server kept them.
    expect(after.title).toBe(before.title);
    expect(after.performers).toEqual(before.performers);
  });

  it('maps relationships to the update input (studio_id, performer_ids, groups as SceneGroupInput)', async () => {
    const store = newStore();
    const [scene, studio, performer, group] = await Promise.all([
      store.get('Scene', '3', { fields: ['studio', 'performers', 'groups'] }),
      store.get('Studio', '5'),
      store.get('Performer', '7'),
      store.get('Group', '2'),
    ]);
    clearLog();
    const draft = store.edit(scene!);
    draft.studio = studio!;
    draft.performers = [...draft.performers, performer!];
    draft.groups = [{ group: group!, scene_index: 4 }];
    await store.save(draft);
    const input = (mutations()[0].variables as { m0_input: Record<string, unknown> }).m0_input;
    expect(Object.keys(input).sort()).toEqual(['groups', 'id', 'performer_ids', 'studio_id']);
    expect(input.studio_id).toBe('5');
    expect(input.groups).toEqual([{ group_id: '2', scene_index: 4 }]);
    const after = (await rawScene('3'))!;
    expect(after.studio).toEqual({ id: '5' });
    expect((after.performers as { id: string }[]).map((p) => p.id)).toContain('7');
    expect(after.groups).toEqual([{ group: { id: '2' }, scene_index: 4 }]);
  });

  it('sends nothing for a field set back to its value, or a clean draft', async () => {
    const store = newStore();
    const scene = (await store.get('Scene', '4'))!;
    clearLog();
    const draft = store.edit(scene);
    draft.title = 'x';
    draft.title = scene.title;
    draft.tags = [...scene.tags];
    expect(draft.isDirty).toBe(false);
    expect(await store.save(draft)).toBe(scene);
    expect(stash.requests).toHaveLength(0);
  });
});

describe('save: embedded inputs and always-required inputs', () => {
  it('writes stash_ids as StashIDInput and clears them with []', async () => {
    const store = newStore();
    const performer = (await store.get('Performer', '3', { fields: ['name', 'stash_ids'] }))!;
    const draft = store.edit(performer);
    draft.stash_ids = [{ endpoint: 'https://stashdb.org/graphql', stash_id: 'abc-123' }];
    await store.save(draft);
    const read = async () =>
      (
        await raw<{ findPerformer: { stash_ids: { endpoint: string; stash_id: string }[] } }>(
          `{ findPerformer(id: "3") { stash_ids { endpoint stash_id } } }`,
        )
      ).findPerformer.stash_ids;
    expect(await read()).toEqual([{ endpoint: 'https://stashdb.org/graphql', stash_id: 'abc-123' }]);
    const again = store.edit(store.getCached('Performer', '3')!);
    again.stash_ids = [];
    await store.save(again);
    expect(await read()).toEqual([]);
  });

  it('sends the inputs an update always needs (SaveFilterInput mode and name) from the base', async () => {
    const store = newStore();
    const created = await store.save(store.create('SavedFilter', { mode: 'SCENES', name: 'Mine' }));
    clearLog();
    const draft = store.edit(created);
    draft.ui_options = { zoom: 2 };
    await store.save(draft);
    expect(mutations()[0].variables).toEqual({
      m0_input: { id: created.id, ui_options: { zoom: 2 }, mode: 'SCENES', name: 'Mine' },
    });
  });
});

describe('save: new drafts and temporary ids', () => {
  it('creates a nested cascade (new tag -> new parent tag) in dependency order and swaps every id', async () => {
    const store = newStore();
    const scene = (await store.get('Scene', '5', { fields: ['title', 'tags'] }))!;
    clearLog();
    const parent = store.create('Tag', { name: 'Cascade parent' });
    const child = store.create('Tag', { name: 'Cascade child', parents: [parent] });
    expect(isTemporaryId(parent.id)).toBe(true);
    const draft = store.edit(scene);
    draft.tags = [...draft.tags, child];
    await store.save(draft);

    const sent = mutations();
    expect(sent.map((r) => r.query.match(/(tagCreate|sceneUpdate)/)![1])).toEqual([
      'tagCreate',
      'tagCreate',
      'sceneUpdate',
    ]);
    expect(sent[0].variables).toEqual({ m0_input: { name: 'Cascade parent' } });
    expect(sent[1].variables).toEqual({ m0_input: { name: 'Cascade child', parent_ids: [parent.id] } });
    expect(isTemporaryId(parent.id) || isTemporaryId(child.id)).toBe(false);
    expect(parent.isNew || child.isNew || parent.isDirty || child.isDirty || draft.isDirty).toBe(false);

    const { findTag } = await raw<{ findTag: { name: string; parents: { id: string }[] } }>(
      `query($id: ID!) { findTag(id: $id) { name parents { id } } }`,
      { id: child.id },
    );
    expect(findTag).toEqual({ name: 'Cascade child', parents: [{ id: parent.id }] });
    const tags = (await rawScene('5'))!.tags as { id: string }[];
    expect(tags.map((t) => t.id)).toContain(child.id);
    expect(store.getCached('Tag', child.id)!.name).toBe('Cascade child');
    expect(store.getCached('Scene', '5')!.tags.map((t) => t.id)).toContain(child.id);
  });

  it('swaps a pending record to its server id in one notification batch', async () => {
    const store = newStore();
    const draft = store.add(store.create('Tag', { name: 'Pending tag', description: 'd' }));
    const tempId = draft.id;
    const pending = store.getCached('Tag', tempId)!;
    expect(pending.name).toBe('Pending tag');
    const batches: ChangeBatch[] = [];
    store.subscribe((b) => void batches.push(b));
    const saved = await store.save(draft);
    expect(isTemporaryId(saved.id)).toBe(false);
    expect(store.getCached('Tag', tempId)).toBeNull();
    expect(store.getCached('Tag', saved.id)).toBe(saved);
    expect(saved.description).toBe('d');
    const swap = batches.find((b) => [...b.changes.values()].some((c) => c.previousId === tempId));
    expect(swap).toBeDefined();
    // The rekey and the server's values arrived together.
    const change = [...swap!.changes.values()].find((c) => c.previousId === tempId)!;
    expect(change.id).toBe(saved.id);
    // Exactly one batch touched the record during the save: no reader saw the temporary id gone first.
    const touching = batches.filter((b) =>
      [...b.changes.values()].some((c) => c.id === saved.id || c.id === tempId || c.previousId === tempId),
    );
    expect(touching).toEqual([swap]);
  });

  it('a reference made with a temporary id still resolves after the swap', async () => {
    const store = newStore();
    const tag = store.add(store.create('Tag', { name: 'Ref by temp id' }));
    const pendingSnap = store.getCached('Tag', tag.id)!;
    await store.save(tag);
    const scene = (await store.get('Scene', '6', { fields: ['tags'] }))!;
    const draft = store.edit(scene);
    draft.tags = [pendingSnap];
    await store.save(draft);
    expect(((await rawScene('6'))!.tags as { id: string }[]).map((t) => t.id)).toEqual([tag.id]);
  });
});

describe('save: failures', () => {
  it('keeps the draft dirty with its edits and leaves the cache unchanged', async () => {
    const store = newStore();
    const scene = (await store.get('Scene', '7'))!;
    const before = (await rawScene('7'))!;
    clearLog();
    const draft = store.edit(scene);
    draft.title = 'Will fail';
    draft.tags = [{ id: '99999' }];
    const error = await store.save(draft).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StashGraphQLError);
    expect((error as Error).message).toMatch(/not found/);
    expect(draft.isDirty).toBe(true);
    expect(draft.changes()).toEqual({ title: 'Will fail', tags: [{ id: '99999' }] });
    expect(store.getCached('Scene', '7')).toBe(scene);
    expect(await rawScene('7')).toEqual(before);
  });

  it('keeps creates that succeeded before a later failure, and the failed draft dirty', async () => {
    const store = newStore();
    const existing = (await raw<{ findTag: { name: string } }>(`{ findTag(id: "1") { name } }`)).findTag;
    const ok = store.create('Tag', { name: 'Made it' });
    const dup = store.create('Tag', { name: existing.name, parents: [ok] });
    const error = await store.save(dup).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StashGraphQLError);
    expect(ok.isNew).toBe(false);
    expect(ok.isDirty).toBe(false);
    expect(dup.isNew).toBe(true);
    expect(dup.isDirty).toBe(true);
    // The failed draft now references the created tag by its server id.
    expect(dup.changes()).toEqual({ name: existing.name, parents: [ok] });
    expect(store.getCached('Tag', ok.id)!.name).toBe('Made it');
    expect(store.drafts()).toContain(dup);
    expect(store.drafts()).not.toContain(ok);
  });

  it('a network failure rejects and changes nothing', async () => {
    const store = newStore();
    const scene = (await store.get('Scene', '8'))!;
    const draft = store.edit(scene);
    draft.rating100 = 55;
    stash.faults.next({ status: 500, body: 'down' });
    await expect(store.save(draft)).rejects.toThrow(/HTTP 500/);
    expect(draft.changes()).toEqual({ rating100: 55 });
    expect(store.getCached('Scene', '8')).toBe(scene);
    await store.save(draft);
    expect((await rawScene('8'))!.rating100).toBe(55);
  });
});

describe('refetch while a draft is dirty', () => {
  it('moves the base forward, keeps the edits and reports fields the server changed', async () => {
    const store = newStore();
    const scene = (await store.get('Scene', '9'))!;
    const draft = store.edit(scene);
    draft.title = 'Local title';
    draft.rating100 = 10;
    // Someone else edits the same scene.
    await raw(
      `mutation { sceneUpdate(input: { id: "9", title: "Server title", details: "Server details" }) { id } }`,
    );
    const fresh = (await store.get('Scene', '9', { forceRefetch: true }))!;
    expect(fresh.title).toBe('Server title');
    expect(draft.base).toBe(fresh);
    expect(draft.title).toBe('Local title');
    expect(draft.details).toBe('Server details');
    expect(draft.changes()).toEqual({ title: 'Local title', rating100: 10 });
    expect(draft.conflicts).toEqual([
      { field: 'title', base: scene.title, server: 'Server title', local: 'Local title' },
    ]);
    // Saving sends the local edits; the conflict is resolved by the save.
    clearLog();
    await store.save(draft);
    expect(mutations()[0].variables).toEqual({ m0_input: { id: '9', title: 'Local title', rating100: 10 } });
    expect(draft.conflicts).toEqual([]);
    expect((await rawScene('9'))!.details).toBe('Server details');
  });

  it('drops an edit the server now agrees with', async () => {
    const store = newStore();
    const scene = (await store.get('Scene', '10'))!;
    const draft = store.edit(scene);
    draft.title = 'Same everywhere';
    await raw(`mutation { sceneUpdate(input: { id: "10", title: "Same everywhere" }) { id } }`);
    await store.get('Scene', '10', { forceRefetch: true });
    expect(draft.isDirty).toBe(false);
    expect(draft.conflicts).toEqual([]);
  });
});
