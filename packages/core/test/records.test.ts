import { describe, expect, it } from 'vitest';
import { createStashStore, type ChangeBatch } from '../src/index';

// Pure store tests: data enters through ingest, no request is sent (the url is never contacted).
function makeStore(now = () => 0) {
  return createStashStore({ url: 'http://127.0.0.1:9/graphql', now });
}

const scene = (over: Record<string, unknown> = {}) => ({
  __typename: 'Scene',
  id: '1',
  title: 'A',
  studio: { __typename: 'Studio', id: '10', name: 'S' },
  performers: [
    { __typename: 'Performer', id: '20', name: 'P1' },
    { __typename: 'Performer', id: '21', name: 'P2' },
  ],
  paths: {
    screenshot: 's',
    preview: null,
    stream: null,
    webp: null,
    vtt: null,
    sprite: null,
    funscript: null,
    interactive_heatmap: null,
    caption: null,
  },
  ...over,
});

describe('StashEntityStore records', () => {
  it('normalizes nested entities into their own records with live links', () => {
    const store = makeStore();
    const s = store.ingest('Scene', scene());
    expect(s.__typename).toBe('Scene');
    expect(s.id).toBe('1');
    expect(s.title).toBe('A');
    const studio = store.getCached('Studio', '10')!;
    expect(studio.name).toBe('S');
    expect(s.studio).toBe(studio);
    expect(s.performers.map((p) => p.name)).toEqual(['P1', 'P2']);
    expect(s.performers).toBe(s.performers);

    store.ingest('Studio', { __typename: 'Studio', id: '10', name: 'S2' });
    const studio2 = store.getCached('Studio', '10')!;
    expect(studio2).not.toBe(studio);
    // A studio change does not create a new scene snapshot, and the link follows it.
    expect(store.getCached('Scene', '1')).toBe(s);
    expect(s.studio).toBe(studio2);
    expect(s.studio?.name).toBe('S2');
  });

  it('keeps snapshot identity when a write changes nothing, and shares unchanged subtrees', () => {
    const store = makeStore();
    const a = store.ingest('Scene', scene());
    const b = store.ingest('Scene', scene());
    expect(b).toBe(a);
    const c = store.ingest('Scene', scene({ title: 'B' }));
    expect(c).not.toBe(a);
    expect(c.title).toBe('B');
    expect(c.paths).toBe(a.paths);
    expect(a.title).toBe('A');
  });

  it('freezes snapshots in development', () => {
    const store = makeStore();
    const s = store.ingest('Scene', scene());
    expect(Object.isFrozen(s)).toBe(true);
    expect(() => {
      (s as { title: string | null }).title = 'x';
    }).toThrow(TypeError);
    expect(Object.isFrozen(s.paths)).toBe(true);
  });

  it('tracks received fields by name plus arguments, with null as a received value', () => {
    const store = makeStore();
    const studio = store.ingest('Studio', {
      __typename: 'Studio',
      id: '5',
      name: 'X',
      details: null,
      scene_count: 3,
      'scene_count(depth: -1)': 9,
    });
    expect(store.hasFields(studio, 'name', 'details', 'scene_count')).toBe(true);
    expect(store.hasFields(studio, 'scene_count(depth: -1)')).toBe(true);
    expect(store.hasFields(studio, 'scene_count(depth: 1)')).toBe(false);
    expect(store.field(studio, 'scene_count')).toBe(3);
    expect(store.field(studio, 'scene_count', { depth: -1 })).toBe(9);
    expect(studio.details).toBeNull();
    expect([...store.missingFields(studio, 'name', 'aliases', 'rating100')]).toEqual([
      'aliases',
      'rating100',
    ]);
  });

  it('does not mark an embedded object received unless it arrived in full', () => {
    const store = makeStore();
    const s = store.ingest('Scene', { __typename: 'Scene', id: '2', paths: { screenshot: 'x' } });
    expect(s.paths.screenshot).toBe('x');
    expect(store.hasFields(s, 'paths')).toBe(false);
    const full = store.ingest('Scene', scene({ id: '3' }));
    expect(store.hasFields(full, 'paths')).toBe(true);
  });

  it('checks nested specs with dots or double underscores', () => {
    const store = makeStore();
    const s = store.ingest('Scene', scene());
    expect(
      store.missingFieldsNested(s, 'studio.name', 'performers__name', 'studio.parent_studio.name'),
    ).toEqual(new Set(['studio.parent_studio.name']));
    expect(() => store.missingFieldsNested(s, 'studio.nope')).toThrow(/Studio has no field "nope"/);
  });

  it('rejects bad input with a validation error', () => {
    const store = makeStore();
    expect(() => store.ingest('Nope' as never, {})).toThrow(/unknown entity type "Nope"/);
    expect(() => store.ingest('Scene', { __typename: 'Scene' })).toThrow(/without an id/);
    expect(() => store.ingest('Scene', { __typename: 'Performer', id: '1' })).toThrow(/got a Performer/);
    expect(() => store.getCached('Scene', 1 as never)).toThrow(/ids are strings: write "1"/);
  });

  it('normalizes abstract file lists by __typename', () => {
    const store = makeStore();
    const image = store.ingest('Image', {
      __typename: 'Image',
      id: '7',
      visual_files: [
        { __typename: 'ImageFile', id: '100', path: '/a.jpg', width: 10 },
        { __typename: 'VideoFile', id: '101', path: '/b.mp4', duration: 3 },
      ],
    });
    expect(image.visual_files.map((f) => f.__typename)).toEqual(['ImageFile', 'VideoFile']);
    expect(store.getCached('ImageFile', '100')?.width).toBe(10);
    expect(store.getCached('BaseFile', '101')?.path).toBe('/b.mp4');
  });

  it('keeps links inside embedded objects live (SceneGroup.group)', () => {
    const store = makeStore();
    const s = store.ingest('Scene', {
      __typename: 'Scene',
      id: '4',
      groups: [{ group: { __typename: 'Group', id: '30', name: 'G' }, scene_index: 1 }],
    });
    expect(s.groups[0].group.name).toBe('G');
    store.ingest('Group', { __typename: 'Group', id: '30', name: 'G2' });
    expect(s.groups[0].group.name).toBe('G2');
    expect(store.hasFields(s, 'groups.group.name')).toBe(true);
  });

  it('serializes snapshots with toJSON, including links', () => {
    const store = makeStore();
    const s = store.ingest('Scene', scene());
    const json = JSON.parse(JSON.stringify(s));
    expect(json).toMatchObject({ __typename: 'Scene', id: '1', title: 'A', studio: { id: '10', name: 'S' } });
    expect(json.performers).toHaveLength(2);
  });
});

describe('StashEntityStore subscriptions', () => {
  it('sends one batch per write with changed keys and fields, and nothing for a no-op write', () => {
    const store = makeStore();
    store.ingest('Scene', scene());
    const batches: ChangeBatch[] = [];
    const sceneChanges: string[][] = [];
    const studioTypeCalls: number[] = [];
    store.subscribe((b) => batches.push(b));
    store.subscribe('Scene', '1', (change) => sceneChanges.push([...change.fields]));
    store.subscribe('Studio', (changes) => studioTypeCalls.push(changes.length));

    store.ingest('Scene', scene());
    expect(batches).toHaveLength(0);

    store.ingest('Scene', scene({ title: 'B', studio: { __typename: 'Studio', id: '10', name: 'S9' } }));
    expect(batches).toHaveLength(1);
    expect([...batches[0].changes.keys()].sort()).toEqual(['Scene:1', 'Studio:10']);
    expect(batches[0].changes.get('Studio:10')!.fields).toEqual(new Set(['name']));
    expect(sceneChanges).toEqual([['title']]);
    expect(studioTypeCalls).toEqual([1]);
  });

  it('groups writes with batch()', () => {
    const store = makeStore();
    const batches: ChangeBatch[] = [];
    store.subscribe((b) => batches.push(b));
    store.batch(() => {
      store.ingest('Tag', { __typename: 'Tag', id: '1', name: 'a' });
      store.ingest('Tag', { __typename: 'Tag', id: '2', name: 'b' });
    });
    expect(batches).toHaveLength(1);
    expect(batches[0].changes.size).toBe(2);
    expect(batches[0].changes.get('Tag:1')!.kind).toBe('added');
  });

  it('unsubscribes', () => {
    const store = makeStore();
    let calls = 0;
    const off = store.subscribe('Tag', '1', () => calls++);
    store.ingest('Tag', { __typename: 'Tag', id: '1', name: 'a' });
    off();
    store.ingest('Tag', { __typename: 'Tag', id: '1', name: 'b' });
    expect(calls).toBe(1);
  });
});
