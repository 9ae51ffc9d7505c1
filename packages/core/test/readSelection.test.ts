// readSelection: data, missing, deps and complete of one field selection in one traversal.
// Pure store tests: data enters through ingest, no request is sent (the url is never contacted).
import { describe, expect, it } from 'vitest';
import { createStashStore } from '../src/index';
import { readSelection, type DepMap, type FieldFreshness } from '../src/read/readSelection';
import { MapRecordSource } from '../src/records/recordSource';
import type { StoreRecord } from '../src/records/storeRecord';

const TTL_MS = 60_000;

function setup() {
  const clock = { now: 0 };
  const source = new MapRecordSource();
  const store = createStashStore({ url: 'http://127.0.0.1:9/graphql', source, now: () => clock.now });
  // The store's own per-field test (received, not invalidated, younger than the TTL).
  const fresh: FieldFreshness = {
    now: () => clock.now,
    isFieldStale: (record, key, now) => !record.isFieldFresh(key, now, TTL_MS),
  };
  const record = (typename: string, id: string): StoreRecord => source.get(typename, id)!;
  const read = (typename: string, id: string, specs: string[], previous?: unknown) => {
    const deps: DepMap = new Map();
    const tree = store.selectionTree(typename, specs);
    return readSelection(record(typename, id), tree, { data: true, previous, fresh, deps });
  };
  return { clock, store, record, read };
}

const scene = (over: Record<string, unknown> = {}) => ({
  __typename: 'Scene',
  id: '1',
  title: 'A',
  details: 'd',
  studio: { __typename: 'Studio', id: '10', name: 'S' },
  performers: [
    { __typename: 'Performer', id: '20', name: 'P1' },
    { __typename: 'Performer', id: '21', name: 'P2' },
  ],
  ...over,
});

/** What `missing` names, as `Type:id field`. */
const named = (missing: ReturnType<typeof readSelection>['missing']) =>
  missing.map((m) => `${m.record.type.name}:${m.record.id} ${m.node.fk.key}`);

describe('readSelection', () => {
  it('reads links into plain objects holding exactly the selection, and the records it read', () => {
    const { store, read } = setup();
    store.ingest('Scene', scene());
    const r = read('Scene', '1', ['title', 'studio.name', 'performers.name']);
    expect(r.data).toEqual({
      __typename: 'Scene',
      id: '1',
      title: 'A',
      studio: { __typename: 'Studio', id: '10', name: 'S' },
      performers: [
        { __typename: 'Performer', id: '20', name: 'P1' },
        { __typename: 'Performer', id: '21', name: 'P2' },
      ],
    });
    expect(Object.getPrototypeOf(r.data)).toBe(Object.prototype);
    expect(r.complete).toBe(true);
    expect(r.missing).toEqual([]);
    const deps = Object.fromEntries([...r.deps!].map(([k, d]) => [k, [...d.fields!].sort()]));
    expect(deps).toEqual({
      'Scene:1': ['performers', 'studio', 'title'],
      'Studio:10': ['name'],
      'Performer:20': ['name'],
      'Performer:21': ['name'],
    });
  });

  it('a null link or value ends the path; an empty list is complete', () => {
    const { store, read } = setup();
    store.ingest('Scene', scene({ studio: null, performers: [], title: null }));
    const r = read('Scene', '1', ['title', 'studio.name', 'performers.name']);
    expect(r.data).toEqual({ __typename: 'Scene', id: '1', title: null, studio: null, performers: [] });
    expect(r.complete).toBe(true);
    expect(r.missing).toEqual([]);
    expect([...r.deps!.keys()]).toEqual(['Scene:1']);
  });

  it('missing fields go to the record that can be fetched for them', () => {
    const { store, read } = setup();
    const { details: _, ...withoutDetails } = scene();
    store.ingest('Scene', withoutDetails);
    const r = read('Scene', '1', ['details', 'studio.details', 'performers.name']);
    expect(r.complete).toBe(false);
    expect(named(r.missing)).toEqual(['Scene:1 details', 'Studio:10 details']);
  });

  it('a record that cannot be fetched alone is fetched through the field that holds it, once', () => {
    const { store, read } = setup();
    store.ingest('Gallery', {
      __typename: 'Gallery',
      id: '5',
      title: 'G',
      chapters: [
        { __typename: 'GalleryChapter', id: '50', title: 'c1' },
        { __typename: 'GalleryChapter', id: '51', title: 'c2' },
      ],
    });
    const r = read('Gallery', '5', ['title', 'chapters.image_index']);
    expect(r.complete).toBe(false);
    expect(named(r.missing)).toEqual(['Gallery:5 chapters']);
    expect(read('Gallery', '5', ['chapters.title']).missing).toEqual([]);
  });

  it('freshness is per field: an invalidated record or a field past its TTL is missing but still read', () => {
    const { clock, store, read } = setup();
    store.ingest('Scene', scene());
    clock.now = 50_000;
    store.ingest('Scene', { __typename: 'Scene', id: '1', details: 'later' });
    clock.now = 70_000;
    // `title` was written at 0 (past the TTL), `details` at 50 s.
    let r = read('Scene', '1', ['title', 'details']);
    expect(r.complete).toBe(true);
    expect(named(r.missing)).toEqual(['Scene:1 title']);
    expect(r.data).toMatchObject({ title: 'A', details: 'later' });

    clock.now = 50_001;
    store.invalidate('Studio', '10');
    r = read('Scene', '1', ['details', 'studio.name']);
    expect(r.complete).toBe(true);
    expect(named(r.missing)).toEqual(['Studio:10 name']);
    expect(r.data).toMatchObject({ studio: { name: 'S' } });
  });

  it('a stale field is fetched whole: nothing below it is planned again', () => {
    const { store, record, read } = setup();
    store.ingest('Scene', scene());
    store.invalidate('Scene', '1');
    const r = read('Scene', '1', ['studio.details']);
    expect(named(r.missing)).toEqual(['Scene:1 studio']);
    expect(r.missing[0]!.record).toBe(record('Scene', '1'));
  });

  it('embedded objects: links inside are read and followed, plain values shared', () => {
    const { store, read } = setup();
    store.ingest(
      'Scene',
      scene({
        groups: [
          { __typename: 'SceneGroup', scene_index: 2, group: { __typename: 'Group', id: '7', name: 'G7' } },
        ],
      }),
    );
    const first = read('Scene', '1', ['groups.group.name', 'groups.scene_index']);
    expect(first.data).toEqual({
      __typename: 'Scene',
      id: '1',
      groups: [{ scene_index: 2, group: { __typename: 'Group', id: '7', name: 'G7' } }],
    });
    expect(first.deps!.get('Group:7' as never)?.fields).toEqual(new Set(['name']));
    store.ingest('Group', { __typename: 'Group', id: '7', name: 'Renamed' });
    const second = read('Scene', '1', ['groups.group.name', 'groups.scene_index'], first.data);
    const [a, b] = [first.data as any, second.data as any];
    expect(b).not.toBe(a);
    expect(b.groups).not.toBe(a.groups);
    expect(b.groups[0]).not.toBe(a.groups[0]);
    expect(b.groups[0].group.name).toBe('Renamed');
  });

  it('detached records (sent without an id): read in their holder, the id only through it', () => {
    const { store, read } = setup();
    store.ingest('Gallery', {
      __typename: 'Gallery',
      id: '5',
      title: 'G',
      files: [{ __typename: 'GalleryFile', path: '/g.zip' }],
      folder: { __typename: 'Folder', path: '/g' },
    });
    const r = read('Gallery', '5', ['files.path', 'folder.path']);
    expect(r.complete).toBe(true);
    expect(r.missing).toEqual([]);
    expect(r.data).toEqual({
      __typename: 'Gallery',
      id: '5',
      files: [{ __typename: 'GalleryFile', path: '/g.zip' }],
      folder: { __typename: 'Folder', path: '/g' },
    });
    // No subscription of their own: they change with the gallery's field.
    expect([...r.deps!.keys()]).toEqual(['Gallery:5']);
    const withId = read('Gallery', '5', ['files.id', 'files.size', 'folder.id']);
    expect(withId.complete).toBe(false);
    expect(named(withId.missing)).toEqual(['Gallery:5 files', 'Gallery:5 folder']);
  });

  it('recycles against the previous result: same root when nothing selected changed, new objects along a changed path', () => {
    const { store, read } = setup();
    store.ingest('Scene', scene());
    const specs = ['title', 'studio.name', 'performers.name'];
    const first = read('Scene', '1', specs).data as any;
    expect(read('Scene', '1', specs, first).data).toBe(first);
    // An unselected field changed: same data.
    store.ingest('Scene', { __typename: 'Scene', id: '1', details: 'other' });
    store.ingest('Studio', { __typename: 'Studio', id: '10', details: 'other' });
    expect(read('Scene', '1', specs, first).data).toBe(first);
    // One performer renamed: that performer and the array, nothing else.
    store.ingest('Performer', { __typename: 'Performer', id: '21', name: 'P2b' });
    const second = read('Scene', '1', specs, first).data as any;
    expect(second).not.toBe(first);
    expect(second.studio).toBe(first.studio);
    expect(second.performers).not.toBe(first.performers);
    expect(second.performers[0]).toBe(first.performers[0]);
    expect(second.performers[1]).not.toBe(first.performers[1]);
    // Reordered: the items keep their objects (recycled by id), the array is new.
    store.ingest(
      'Scene',
      scene({
        performers: [
          { __typename: 'Performer', id: '21' },
          { __typename: 'Performer', id: '20' },
        ],
      }),
    );
    const third = read('Scene', '1', specs, second).data as any;
    expect(third.performers).not.toBe(second.performers);
    expect(third.performers[0]).toBe(second.performers[1]);
    expect(third.performers[1]).toBe(second.performers[0]);
    // A field that leaves the selection's values gives a new object (no stale key kept).
    expect(read('Scene', '1', ['title'], third).data).toEqual({ __typename: 'Scene', id: '1', title: 'A' });
  });

  it('without options it only tells whether the selection was received', () => {
    const { store, record } = setup();
    store.ingest('Scene', scene());
    const tree = store.selectionTree('Scene', ['title', 'files.path']);
    expect(readSelection(record('Scene', '1'), tree)).toEqual({
      data: undefined,
      missing: [],
      deps: undefined,
      complete: false,
    });
  });
});
