import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { data, gql, startTestStash, type TestStash } from './helpers';

let stash: TestStash;
beforeAll(async () => {
  stash = await startTestStash({ size: 300 });
});
beforeEach(() => stash.reset());
afterAll(() => stash.close());

const READ_SCENE = `query ReadScene($id: ID!) { findScene(id: $id) { id title details date rating100 organized urls updated_at studio { id } tags { id } performers { id } groups { group { id } scene_index } } }`;
const UPDATE_SCENE = `mutation UpdateScene($input: SceneUpdateInput!) { sceneUpdate(input: $input) { id title tags { id } } }`;
const readScene = async (id: string) => (await data(stash.url, READ_SCENE, { id })).findScene;

describe('sceneUpdate semantics', () => {
  it('absent keys are unchanged, null clears, strings are trimmed, updated_at moves', async () => {
    const before = await readScene('1');
    await data(stash.url, UPDATE_SCENE, {
      input: { id: '1', title: '  Renamed  ', date: null, rating100: null },
    });
    const after = await readScene('1');
    expect(after.title).toBe('Renamed');
    expect(after.date).toBeNull();
    expect(after.rating100).toBeNull();
    expect(after.details).toBe(before.details);
    expect(after.tags).toEqual(before.tags);
    expect(after.studio).toEqual(before.studio);
    expect(after.updated_at > before.updated_at).toBe(true);
  });

  it('lists replace; [] and null clear them', async () => {
    await data(stash.url, UPDATE_SCENE, {
      input: { id: '2', tag_ids: ['5', '3'], urls: ['https://a.example/1'] },
    });
    let scene = await readScene('2');
    expect(scene.tags.map((t: any) => t.id)).toEqual(['5', '3']);
    expect(scene.urls).toEqual(['https://a.example/1']);
    await data(stash.url, UPDATE_SCENE, { input: { id: '2', tag_ids: [], urls: null, studio_id: null } });
    scene = await readScene('2');
    expect(scene.tags).toEqual([]);
    expect(scene.urls).toEqual([]);
    expect(scene.studio).toBeNull();
  });

  it('groups carry scene_index', async () => {
    await data(stash.url, UPDATE_SCENE, { input: { id: '3', groups: [{ group_id: '2', scene_index: 4 }] } });
    expect((await readScene('3')).groups).toEqual([{ group: { id: '2' }, scene_index: 4 }]);
  });

  it('unknown related ids fail the mutation and change nothing', async () => {
    const before = await readScene('4');
    const answer = await gql(stash.url, UPDATE_SCENE, {
      input: { id: '4', title: 'X', tag_ids: ['1', '424242'] },
    });
    expect(answer.body.errors).toEqual([{ message: 'tag with id 424242 not found', path: ['sceneUpdate'] }]);
    expect(answer.body.data).toEqual({ sceneUpdate: null });
    expect(await readScene('4')).toEqual(before);
  });

  it('scenesUpdate is all-or-nothing', async () => {
    const before = await readScene('5');
    const answer = await gql(
      stash.url,
      `mutation Many($input: [SceneUpdateInput!]!) { scenesUpdate(input: $input) { id } }`,
      {
        input: [
          { id: '5', title: 'first' },
          { id: '999999', title: 'second' },
        ],
      },
    );
    expect(answer.body.errors[0].message).toBe('scene with id 999999 not found');
    expect((await readScene('5')).title).toBe(before.title);
  });
});

describe('bulk updates', () => {
  const BULK = `mutation Bulk($input: BulkSceneUpdateInput!) { bulkSceneUpdate(input: $input) { id tags { id } } }`;
  const tagIds = async (id: string) => (await readScene(id)).tags.map((t: any) => t.id);

  it('SET replaces, ADD unions, REMOVE subtracts, on every id', async () => {
    await data(stash.url, BULK, { input: { ids: ['6', '7'], tag_ids: { ids: ['1', '2'], mode: 'SET' } } });
    expect(await tagIds('6')).toEqual(['1', '2']);
    expect(await tagIds('7')).toEqual(['1', '2']);
    await data(stash.url, BULK, { input: { ids: ['6', '7'], tag_ids: { ids: ['2', '3'], mode: 'ADD' } } });
    expect(await tagIds('6')).toEqual(['1', '2', '3']);
    await data(stash.url, BULK, { input: { ids: ['6', '7'], tag_ids: { ids: ['1'], mode: 'REMOVE' } } });
    expect(await tagIds('7')).toEqual(['2', '3']);
  });

  it('scalars in a bulk update follow absent/null rules', async () => {
    const before = await readScene('8');
    await data(stash.url, BULK, { input: { ids: ['8'], organized: true, rating100: null } });
    const after = await readScene('8');
    expect(after.organized).toBe(true);
    expect(after.rating100).toBeNull();
    expect(after.title).toBe(before.title);
  });

  it('BulkUpdateStrings works on performer aliases', async () => {
    const q = `mutation BulkP($input: BulkPerformerUpdateInput!) { bulkPerformerUpdate(input: $input) { id alias_list } }`;
    await data(stash.url, q, { input: { ids: ['1'], alias_list: { values: ['A', 'B'], mode: 'SET' } } });
    const d = await data(stash.url, q, {
      input: { ids: ['1'], alias_list: { values: ['A'], mode: 'REMOVE' } },
    });
    expect(d.bulkPerformerUpdate[0].alias_list).toEqual(['B']);
  });
});

describe('create and destroy', () => {
  it('tagCreate assigns the next id; a duplicate name is refused like Stash', async () => {
    const created = await data(
      stash.url,
      `mutation NewTag { tagCreate(input: { name: "Brand New", parent_ids: ["1"] }) { id name parents { id } } }`,
    );
    expect(Number(created.tagCreate.id)).toBeGreaterThan(0);
    expect(created.tagCreate.parents).toEqual([{ id: '1' }]);
    const dup = await gql(stash.url, `mutation DupTag { tagCreate(input: { name: "brand new" }) { id } }`);
    expect(dup.body.errors[0]).toEqual({
      message: "tag with name 'brand new' already exists",
      path: ['tagCreate'],
    });
  });

  it('child_ids rewrite the children', async () => {
    const d = await data(
      stash.url,
      `mutation Kids { tagCreate(input: { name: "Parent X", child_ids: ["2", "3"] }) { id children { id } } }`,
    );
    expect(d.tagCreate.children.map((c: any) => c.id)).toEqual(['2', '3']);
    const child = await data(stash.url, `query Kid { findTag(id: "2") { parents { id } } }`);
    expect(child.findTag.parents.map((p: any) => p.id)).toContain(d.tagCreate.id);
  });

  it('destroying a tag removes it from scenes', async () => {
    const scene = await readScene('1');
    const tagId = scene.tags[0]?.id ?? '1';
    if (!scene.tags.length) await data(stash.url, UPDATE_SCENE, { input: { id: '1', tag_ids: [tagId] } });
    const ok = await data(stash.url, `mutation Kill($id: ID!) { tagDestroy(input: { id: $id }) }`, {
      id: tagId,
    });
    expect(ok.tagDestroy).toBe(true);
    expect((await readScene('1')).tags.map((t: any) => t.id)).not.toContain(tagId);
  });

  it('sceneCreate then sceneDestroy', async () => {
    const d = await data(
      stash.url,
      `mutation NewScene { sceneCreate(input: { title: "Fresh", performer_ids: ["1"] }) { id title organized performers { id } } }`,
    );
    expect(d.sceneCreate).toMatchObject({ title: 'Fresh', organized: false, performers: [{ id: '1' }] });
    await data(stash.url, `mutation Gone($id: ID!) { sceneDestroy(input: { id: $id }) }`, {
      id: d.sceneCreate.id,
    });
    expect(await readScene(d.sceneCreate.id)).toBeNull();
  });

  it('performer custom_fields: partial merges, remove deletes', async () => {
    const q = `mutation Custom($input: PerformerUpdateInput!) { performerUpdate(input: $input) { custom_fields } }`;
    await data(stash.url, q, { input: { id: '2', custom_fields: { full: { a: 1, b: 2 } } } });
    const d = await data(stash.url, q, {
      input: { id: '2', custom_fields: { partial: { c: 3 }, remove: ['a'] } },
    });
    expect(d.performerUpdate.custom_fields).toEqual({ b: 2, c: 3 });
  });
});

describe('activity and gallery mutations', () => {
  it('sceneAddO / sceneDeleteO / sceneResetO', async () => {
    await data(stash.url, `mutation R { sceneResetO(id: "9") }`);
    const add = await data(
      stash.url,
      `mutation Add { sceneAddO(id: "9", times: ["2024-01-02T03:04:05Z", "2024-02-01T00:00:00Z"]) { count history } }`,
    );
    expect(add.sceneAddO).toEqual({ count: 2, history: ['2024-02-01T00:00:00Z', '2024-01-02T03:04:05Z'] });
    const del = await data(stash.url, `mutation Del { sceneDeleteO(id: "9") { count } }`);
    expect(del.sceneDeleteO.count).toBe(1);
    expect((await data(stash.url, `query O { findScene(id: "9") { o_counter } }`)).findScene.o_counter).toBe(
      1,
    );
  });

  it('sceneAddPlay updates play_count and last_played_at; sceneSaveActivity sets resume_time', async () => {
    await data(stash.url, `mutation Reset { sceneResetPlayCount(id: "10") }`);
    await data(
      stash.url,
      `mutation Play { sceneAddPlay(id: "10", times: ["2025-05-05T05:05:05Z"]) { count } }`,
    );
    await data(
      stash.url,
      `mutation Save { sceneSaveActivity(id: "10", resume_time: 12.5, playDuration: 30) }`,
    );
    const d = await data(
      stash.url,
      `query P { findScene(id: "10") { play_count last_played_at resume_time } }`,
    );
    expect(d.findScene).toEqual({ play_count: 1, last_played_at: '2025-05-05T05:05:05Z', resume_time: 12.5 });
  });

  it('imageIncrementO returns the new value', async () => {
    const before = (await data(stash.url, `query I { findImage(id: "1") { o_counter } }`)).findImage
      .o_counter;
    const d = await data(stash.url, `mutation Inc { imageIncrementO(id: "1") }`);
    expect(d.imageIncrementO).toBe(before + 1);
  });

  it('add/remove gallery images and set/reset the cover', async () => {
    const g = await data(
      stash.url,
      `mutation G { galleryCreate(input: { title: "Album" }) { id image_count } }`,
    );
    const id = g.galleryCreate.id;
    await data(
      stash.url,
      `mutation Add($id: ID!) { addGalleryImages(input: { gallery_id: $id, image_ids: ["3", "1", "2"] }) }`,
      { id },
    );
    await data(
      stash.url,
      `mutation Rm($id: ID!) { removeGalleryImages(input: { gallery_id: $id, image_ids: ["1"] }) }`,
      { id },
    );
    await data(
      stash.url,
      `mutation Cover($id: ID!) { setGalleryCover(input: { gallery_id: $id, cover_image_id: "2" }) }`,
      { id },
    );
    const read = `query Read($id: ID!) { findGallery(id: $id) { image_count cover { id } first: image(index: 0) { id } } }`;
    expect((await data(stash.url, read, { id })).findGallery).toEqual({
      image_count: 2,
      cover: { id: '2' },
      first: { id: '3' },
    });
    await data(stash.url, `mutation Reset($id: ID!) { resetGalleryCover(input: { gallery_id: $id }) }`, {
      id,
    });
    expect((await data(stash.url, read, { id })).findGallery.cover).toEqual({ id: '3' });
  });

  it('saveFilter creates, overwrites and destroys', async () => {
    const q = `mutation Save($input: SaveFilterInput!) { saveFilter(input: $input) { id name mode find_filter { sort direction } } }`;
    const created = await data(stash.url, q, {
      input: { mode: 'SCENES', name: 'Mine', find_filter: { sort: 'date', direction: 'DESC' } },
    });
    const id = created.saveFilter.id;
    const renamed = await data(stash.url, q, { input: { id, mode: 'SCENES', name: 'Renamed' } });
    expect(renamed.saveFilter).toEqual({ id, name: 'Renamed', mode: 'SCENES', find_filter: null });
    await data(stash.url, `mutation D($id: ID!) { destroySavedFilter(input: { id: $id }) }`, { id });
    expect(
      (await data(stash.url, `query F($id: ID!) { findSavedFilter(id: $id) { id } }`, { id }))
        .findSavedFilter,
    ).toBeNull();
  });
});
