// Entity objects without an id below the root (the stock UI's scene list selects
// `galleries { files { path } folder { path } }`) are kept as embedded values of their parent field.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { FIND_SCENES_QUERY, startTestStash, type TestStash } from '@stashkit/testkit';
import { createStashClient, createStashStore } from '../src/index';

function makeStore() {
  return createStashStore({ url: 'http://127.0.0.1:9/graphql', now: () => 0 });
}
const stockScene = (id = '1', path = '/g.zip') => ({
  __typename: 'Scene',
  id,
  title: 'S' + id,
  galleries: [
    {
      __typename: 'Gallery',
      id: '5',
      title: 'G',
      files: [{ __typename: 'GalleryFile', path }],
      folder: { __typename: 'Folder', path: '/g' },
    },
  ],
});

describe('entity objects without an id', () => {
  afterEach(() => vi.restoreAllMocks());

  it('are kept as embedded values, received for the fields they carry, without a warning', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const store = makeStore();
    const scene = store.ingest('Scene', stockScene());
    const gallery = store.getCached('Gallery', '5')!;
    expect(scene.galleries).toEqual([gallery]);
    expect(gallery.files).toHaveLength(1);
    expect(gallery.files[0]!.path).toBe('/g.zip');
    expect(gallery.files[0]!.__typename).toBe('GalleryFile');
    expect(gallery.files[0]!.id).toBeUndefined();
    expect(gallery.folder!.path).toBe('/g');
    expect(store.hasFields(gallery, 'title', 'files.path', 'folder.path')).toBe(true);
    // `files` alone means the linked files with their ids: not sent.
    expect(store.missingFields(gallery, 'files', 'folder')).toEqual(new Set(['files', 'folder']));
    expect(store.missingFieldsNested(scene, 'galleries.files.path', 'galleries.folder.path').size).toBe(0);
    // Not sent: the id and other fields (the next read that needs them refetches through the gallery).
    expect(
      store.missingFieldsNested(scene, 'galleries.files.id', 'galleries.folder.id', 'galleries.files.size'),
    ).toEqual(new Set(['galleries.files.id', 'galleries.folder.id', 'galleries.files.size']));
    // They are no records of their own.
    expect(store.cacheStats().byType.GalleryFile ?? 0).toBe(0);
    expect(warn).not.toHaveBeenCalled();
  });

  it('an unchanged answer keeps every snapshot and notifies nobody', () => {
    const store = makeStore();
    const scene = store.ingest('Scene', stockScene());
    const gallery = store.getCached('Gallery', '5')!;
    let batches = 0;
    store.subscribe(() => batches++);
    expect(store.ingest('Scene', stockScene())).toBe(scene);
    expect(store.getCached('Gallery', '5')).toBe(gallery);
    expect(batches).toBe(0);
    // A changed path is a change of the gallery's files.
    store.ingest('Scene', stockScene('1', '/other.zip'));
    expect(store.getCached('Gallery', '5')!.files[0]!.path).toBe('/other.zip');
    expect(batches).toBe(1);
  });

  it('a later answer with the id normalizes them; an id-less answer that agrees keeps the records', () => {
    const store = makeStore();
    store.ingest('Scene', stockScene());
    store.ingest('Gallery', {
      __typename: 'Gallery',
      id: '5',
      files: [{ __typename: 'GalleryFile', id: '9', path: '/g.zip', size: 10 }],
    });
    const file = store.getCached('GalleryFile', '9')!;
    expect(store.getCached('Gallery', '5')!.files).toEqual([file]);
    // The stock list again: same path, no id. The normalized file stays linked.
    store.ingest('Scene', stockScene());
    expect(store.getCached('Gallery', '5')!.files[0]).toBe(store.getCached('GalleryFile', '9'));
    expect(store.getCached('GalleryFile', '9')!.size).toBe(10);
    // A path the file does not have: the server's answer wins, as an embedded value.
    store.ingest('Scene', stockScene('1', '/moved.zip'));
    const files = store.getCached('Gallery', '5')!.files;
    expect(files.map((f) => [f.id, f.path])).toEqual([[undefined, '/moved.zip']]);
  });

  it('an embedded value with an id-less link inside is stored and received', () => {
    const store = makeStore();
    const scene = store.ingest('Scene', {
      __typename: 'Scene',
      id: '1',
      groups: [{ __typename: 'SceneGroup', group: { __typename: 'Group', name: 'x' }, scene_index: 2 }],
    });
    expect(scene.groups[0]!.scene_index).toBe(2);
    expect(scene.groups[0]!.group.name).toBe('x');
    expect(store.hasFields(scene, 'groups')).toBe(true);
  });

  it('still rejects a root object without an id', () => {
    const store = makeStore();
    expect(() => store.ingest('Scene', { __typename: 'Scene', title: 'x' })).toThrow(
      /StashEntityStore: Scene object without an id/,
    );
  });
});

/** `value` read back in the shape of `like`: every field the answer has, read through the snapshot. */
function readBack(value: unknown, like: unknown): unknown {
  if (like === null || typeof like !== 'object') return value;
  if (Array.isArray(like)) return (value as unknown[]).map((v, i) => readBack(v, like[i]));
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(like))
    out[key] = readBack((value as Record<string, unknown>)[key], (like as never)[key]);
  return out;
}

describe("the stock UI's scene list answer", () => {
  let stash: TestStash;
  beforeAll(async () => {
    stash = await startTestStash({ size: 200 });
  });
  afterAll(async () => {
    await stash.close();
  });

  it('is ingested and every field reads back equal to the answer', async () => {
    const answer = await createStashClient({ url: stash.url }).execute<{
      findScenes: { scenes: Record<string, any>[] };
    }>(FIND_SCENES_QUERY, { filter: { per_page: 200 } });
    const scenes = answer.findScenes.scenes;
    const withGalleries = scenes.filter((s) => s.galleries.length > 0);
    expect(withGalleries.length).toBeGreaterThan(0);
    const store = createStashStore({ url: stash.url });
    const snapshots = store.ingest('Scene', scenes);
    expect(readBack(snapshots, scenes)).toEqual(scenes);
    for (const scene of withGalleries) {
      const snap = store.getCached('Scene', scene.id)!;
      expect(
        store.missingFieldsNested(snap, 'galleries.files.path', 'galleries.folder.path', 'galleries.title')
          .size,
      ).toBe(0);
    }
    // A read of what the list carries is served from the cache: no request.
    const id = withGalleries.find((s) => s.galleries[0].folder !== null)!.id;
    await store.get('Scene', id, { fields: ['galleries.files.path', 'galleries.folder.path'] });
    expect(store.requestCount).toBe(0);
    // A read that needs the folder's id refetches it through the gallery, and it is normalized.
    const scene = (await store.get('Scene', id, {
      fields: ['galleries.folder.id', 'galleries.folder.path'],
    }))!;
    expect(store.requestCount).toBe(1);
    const folder = scene.galleries[0]!.folder!;
    expect(folder.id).toBeTypeOf('string');
    expect(store.getCached('Folder', folder.id)).toBe(folder);
  });
});
