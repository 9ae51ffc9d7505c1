import { afterEach, describe, expect, it, vi } from 'vitest';
import { createStashStore } from '../src/index';

// The stock UI's scene list selects `galleries { files { path } folder { path } }` without ids.
function makeStore() {
  return createStashStore({ url: 'http://127.0.0.1:9/graphql', now: () => 0 });
}
const stockScene = (id = '1') => ({
  __typename: 'Scene',
  id,
  title: 'S' + id,
  galleries: [
    {
      __typename: 'Gallery',
      id: '5',
      title: 'G',
      files: [{ __typename: 'GalleryFile', path: '/g.zip' }],
      folder: { __typename: 'Folder', path: '/g' },
    },
  ],
});

describe('entity objects without an id', () => {
  afterEach(() => vi.restoreAllMocks());

  it('normalizes the rest and leaves the id-less links unreceived', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const store = makeStore();
    const scene = store.ingest('Scene', stockScene());
    const gallery = store.getCached('Gallery', '5')!;
    expect(gallery.title).toBe('G');
    expect(scene.galleries).toEqual([gallery]);
    expect(store.hasFields(scene, 'title', 'galleries', 'galleries.title')).toBe(true);
    expect(store.missingFields(gallery, 'title', 'files', 'folder')).toEqual(new Set(['files', 'folder']));
    expect(store.missingFieldsNested(scene, 'galleries.files.path')).toEqual(
      new Set(['galleries.files.path']),
    );
    expect(gallery.files).toBeUndefined();
    expect(gallery.folder).toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(2);
  });

  it('warns once per Type.field in development, naming the module', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const store = makeStore();
    store.ingest('Scene', [stockScene('1'), stockScene('2')]);
    store.ingest('Scene', stockScene('3'));
    const messages = warn.mock.calls.map((c) => String(c[0]));
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatch(/^StashEntityStore: Gallery\.files holds GalleryFile objects without an id/);
    expect(messages[1]).toMatch(/^StashEntityStore: Gallery\.folder holds Folder objects without an id/);
  });

  it('keeps what a link held before', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const store = makeStore();
    store.ingest('Gallery', {
      __typename: 'Gallery',
      id: '5',
      files: [{ __typename: 'GalleryFile', id: '9', path: '/g.zip' }],
    });
    store.ingest('Scene', stockScene());
    const gallery = store.getCached('Gallery', '5')!;
    expect(gallery.files.map((f) => f.id)).toEqual(['9']);
    expect(store.hasFields(gallery, 'files', 'title')).toBe(true);
    expect(store.hasFields(gallery, 'folder')).toBe(false);
  });

  it('does not mark an embedded value received when a link inside it has no id', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const store = makeStore();
    const scene = store.ingest('Scene', {
      __typename: 'Scene',
      id: '1',
      groups: [{ __typename: 'SceneGroup', group: { __typename: 'Group', name: 'x' }, scene_index: 2 }],
    });
    expect(scene.groups[0].scene_index).toBe(2);
    expect(store.hasFields(scene, 'groups')).toBe(false);
  });

  it('still rejects a root object without an id', () => {
    const store = makeStore();
    expect(() => store.ingest('Scene', { __typename: 'Scene', title: 'x' })).toThrow(
      /StashEntityStore: Scene object without an id/,
    );
  });
});
