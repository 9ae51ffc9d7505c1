// Issue 8: a draft of an entity whose link fields hold entity objects without an id (the answer they
// came from selected none, as the stock UI's lists do) stays editable: values that can be sent save;
// one that cannot is a StashValidationError naming the field and how to get the id. No TypeError,
// nothing silently lost on the server.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestStash, type TestStash } from '@stashkit/testkit';
import { createStashClient, createStashStore, StashValidationError } from '../src/index';

let stash: TestStash;
beforeAll(async () => {
  stash = await startTestStash({ size: 60 });
});
afterAll(async () => {
  await stash.close();
});
beforeEach(() => stash.reset());

const raw = (query: string, variables?: Record<string, unknown>) =>
  createStashClient({ url: stash.url }).execute<any>(query, variables);

const ID_LESS = `{ findScenes(filter: { per_page: -1, sort: "id", direction: ASC }) { scenes {
  __typename id title studio { __typename name } performers { __typename name }
  groups { __typename scene_index group { __typename name } } } } }`;
const SERVER = `query($id: ID!) { findScene(id: $id) {
  title studio { id } performers { id } groups { scene_index group { id } } } }`;

/** A store holding one scene as an id-less answer fetched over HTTP gave it, plus entities with ids. */
async function setup() {
  const { findScenes } = await raw(ID_LESS);
  const data = findScenes.scenes.find(
    (s: any) => s.studio !== null && s.performers.length > 0 && s.groups.length > 0,
  );
  const store = createStashStore({ url: stash.url, retry: false });
  const scene = store.ingest('Scene', data);
  const before = (await raw(SERVER, { id: data.id })).findScene;
  // A performer and a group the scene does not have yet.
  const otherId = ['1', '2', '3'].find((p) => !before.performers.some((x: any) => x.id === p))!;
  const other = (await store.get('Performer', otherId, { fields: ['name'] }))!;
  const group = (await store.get('Group', '1', { fields: ['name'] }))!;
  const studio = (await store.get('Studio', '1', { fields: ['name'] }))!;
  return { store, scene, id: data.id as string, before, other, group, studio };
}

describe('drafts over link fields holding entities without an id', () => {
  it('the draft reads them; editing another field saves and leaves the links on the server as they were', async () => {
    const { store, scene, id, before } = await setup();
    const draft = store.edit(scene);
    expect(draft.performers[0]!.id).toBeUndefined();
    expect((draft.performers[0] as { name?: string }).name).toBe(scene.performers[0]!.name);
    draft.title = 'Retitled';
    expect(draft.changedFields()).toEqual(['title']);
    await store.save(draft);
    const after = (await raw(SERVER, { id })).findScene;
    expect(after).toEqual({ ...before, title: 'Retitled' });
  });

  it('replacing the list, a join list or the single link with entities that have ids saves', async () => {
    const { store, scene, id, other, group, studio } = await setup();
    const draft = store.edit(scene);
    draft.performers = [other];
    draft.groups = [{ group, scene_index: 3 }];
    draft.studio = studio;
    expect(draft.changedFields().sort()).toEqual(['groups', 'performers', 'studio']);
    await store.save(draft);
    expect((await raw(SERVER, { id })).findScene).toMatchObject({
      studio: { id: studio.id },
      performers: [{ id: other.id }],
      groups: [{ scene_index: 3, group: { id: group.id } }],
    });
  });

  it('keeping an id-less entity in the new value is a StashValidationError naming the field and the spec to fetch', async () => {
    const { store, scene, id, before, other, group } = await setup();
    const draft = store.edit(scene);
    const requests = store.requestCount;
    let error: unknown;
    try {
      draft.performers = [...draft.performers, other];
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StashValidationError);
    expect((error as Error).message).toMatch(
      /Scene\.performers\[0\] is a Performer without an id .*fetch 'performers\.id' first/,
    );
    expect(() => (draft.groups = [...draft.groups, { group, scene_index: 9 }])).toThrow(
      /Scene\.groups\[0\]\.group is a Group without an id .*fetch 'groups\.group\.id' first/,
    );
    expect(draft.isDirty).toBe(false);
    expect(store.requestCount).toBe(requests);
    expect((await raw(SERVER, { id })).findScene).toEqual(before);
    // The advice works: with the ids fetched, the same edit saves.
    await store.get('Scene', id, { fields: ['performers.id', 'groups.group.id'] });
    const fresh = store.edit(store.peek('Scene', id)!);
    fresh.performers = [...fresh.performers, other];
    await store.save(fresh);
    expect((await raw(SERVER, { id })).findScene.performers).toEqual([
      ...before.performers,
      { id: other.id },
    ]);
  });

  it('a dirty draft whose base is replaced by another id-less answer keeps its edit (no throw in the rebase)', async () => {
    const { store, scene, id, other, group } = await setup();
    const draft = store.edit(scene);
    draft.performers = [other];
    draft.groups = [{ group, scene_index: 3 }];
    const { findScenes } = await raw(ID_LESS);
    const again = findScenes.scenes.find((s: any) => s.id === id);
    again.performers[0].name = 'Renamed elsewhere';
    again.groups[0].scene_index = 7;
    expect(() => store.ingest('Scene', again)).not.toThrow();
    expect(draft.changedFields().sort()).toEqual(['groups', 'performers']);
    await store.save(draft);
    expect((await raw(SERVER, { id })).findScene).toMatchObject({
      performers: [{ id: other.id }],
      groups: [{ scene_index: 3, group: { id: group.id } }],
    });
  });
});
