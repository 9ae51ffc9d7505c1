// Issue 8: an answer whose value deep inside has the wrong type for the schema is a malformed answer:
// it rejects with a StashError naming the path, and nothing of it is written (no partial write).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestStash, type TestStash } from '@stashkit/testkit';
import { createStashClient, createStashStore, StashError, StashValidationError } from '../src/index';

let stash: TestStash;
beforeAll(async () => {
  stash = await startTestStash({ size: 60 });
});
afterAll(async () => {
  await stash.close();
});
beforeEach(() => stash.reset());

const t = 1_000_000;
const newStore = () => createStashStore({ url: stash.url, now: () => t, defaultTtl: 60, retry: false });

type Body = { data: Record<string, any> | null };
/** The next answer, changed by `fn` (given the first root alias's value) before it is sent. */
const rewrite = (fn: (value: any) => void) =>
  stash.faults.next({
    rewrite: (body: Body) => {
      fn(body.data![Object.keys(body.data!)[0]!]);
      return body;
    },
  });

/** A scene with a studio, two performers and a group, read with a hand-written query. */
async function richScene(): Promise<{ id: string; studioId: string; performerIds: string[] }> {
  const { findScenes } = await createStashClient({ url: stash.url }).execute<any>(
    `{ findScenes(filter: { per_page: -1, sort: "id", direction: ASC }) {
         scenes { id studio { id } performers { id } groups { group { id } } } } }`,
  );
  const scene = findScenes.scenes.find(
    (s: any) => s.studio !== null && s.performers.length >= 2 && s.groups.length > 0,
  );
  if (scene === undefined)
    throw new Error('test: the mock has no scene with a studio, performers and a group');
  return { id: scene.id, studioId: scene.studio.id, performerIds: scene.performers.map((p: any) => p.id) };
}

const FIELDS = [
  'title',
  'studio.name',
  'performers.name',
  'groups.scene_index',
  'groups.group.name',
] as const;

describe('a wrong type deep inside an answer rejects it whole', () => {
  const cases: [string, (scene: any) => void, RegExp][] = [
    [
      'an object where a String is expected inside a link',
      (s) => void (s.studio.name = { nested: true }),
      /malformed answer: expected a String, got an object at findScene\(\d+\)\.studio\.name/,
    ],
    [
      'a number where a String is expected in a list link',
      (s) => void (s.performers[1].name = 7),
      /malformed answer: expected a String, got a number \(7\) at findScene\(\d+\)\.performers\[1\]\.name/,
    ],
    [
      'a string where an Int is expected inside an embedded object',
      (s) => void (s.groups[0].scene_index = 'first'),
      /expected an Int, got a string \("first"\) at findScene\(\d+\)\.groups\[0\]\.scene_index/,
    ],
    [
      'an object where a String is expected in a link inside an embedded object',
      (s) => void (s.groups[0].group.name = {}),
      /expected a String, got an object at findScene\(\d+\)\.groups\[0\]\.group\.name/,
    ],
    [
      'a string where a Studio object is expected',
      (s) => void (s.studio = '5'),
      /expected a Studio object, got a string \("5"\) at findScene\(\d+\)\.studio/,
    ],
    [
      'an object where a list of performers is expected',
      (s) => void (s.performers = { id: '1' }),
      /performers should be a list, got an object at findScene\(\d+\)\.performers/,
    ],
  ];
  for (const [what, change, message] of cases) {
    it(`${what}: StashError naming the path, nothing written`, async () => {
      const { id, studioId, performerIds } = await richScene();
      const store = newStore();
      const scene = (await store.get('Scene', id, { fields: [...FIELDS] }))!;
      const studio = store.peek('Studio', studioId);
      const performers = performerIds.map((p) => store.peek('Performer', p));
      expect(studio).not.toBeNull();
      // The server changes the scene's and the first performer's names; the malformed answer carries them.
      await createStashClient({ url: stash.url }).execute(
        `mutation($id: ID!, $p: ID!) { sceneUpdate(input: { id: $id, title: "Changed" }) { id }
           performerUpdate(input: { id: $p, name: "Changed performer" }) { id } }`,
        { id, p: performerIds[0] },
      );
      let batches = 0;
      store.subscribe(() => batches++);
      rewrite(change);
      const error = await store.get('Scene', id, { fields: [...FIELDS], forceRefetch: true }).catch((e) => e);
      expect(error).toBeInstanceOf(StashError);
      expect(error).not.toBeInstanceOf(StashValidationError);
      expect(error.message).toMatch(message);
      // Nothing of the answer was written: the scene, the studio and every performer keep their snapshots.
      expect(store.peek('Scene', id)).toBe(scene);
      expect(store.peek('Studio', studioId)).toBe(studio);
      expect(performerIds.map((p) => store.peek('Performer', p))).toEqual(performers);
      expect(store.peek('Performer', performerIds[0]!)!.name).not.toBe('Changed performer');
      expect(batches).toBe(0);
      // The next good answer writes normally.
      expect((await store.get('Scene', id, { fields: [...FIELDS], forceRefetch: true }))!.title).toBe(
        'Changed',
      );
    });
  }

  it('in a find page: a wrong type in one item writes none of the items', async () => {
    const store = newStore();
    rewrite((value) => void (value.scenes[2].studio = { __typename: 'Studio', id: '1', name: ['x'] }));
    await expect(
      store.find('Scene', {}, { fields: ['title', 'studio.name'], sort: 'id', direction: 'ASC' }),
    ).rejects.toThrow(/expected a String, got a list at findScenes\.scenes\[2\]\.studio\.name/);
    expect(store.cacheStats().totalEntries).toBe(0);
    expect(store.listEpoch('Scene')).toBe(0);
  });

  it('a mutation result with a wrong type: rejects, writes nothing, the draft stays dirty and the field goes stale', async () => {
    const { id } = await richScene();
    const store = newStore();
    const scene = (await store.get('Scene', id, { fields: ['title', 'code'] }))!;
    const draft = store.edit(scene);
    draft.title = 'Saved but garbled';
    rewrite((value) => void (value.title = { garbled: true }));
    await expect(store.save(draft)).rejects.toThrow(
      /malformed answer: expected a String, got an object at sceneUpdate\.title/,
    );
    expect(draft.isDirty).toBe(true);
    const cached = store.peek('Scene', id)!;
    expect(cached.title).toBe(scene.title);
    expect(store.hasFields(cached, 'title')).toBe(false); // it ran: stale, the next read refetches
    expect(store.hasFields(cached, 'code')).toBe(true);
    expect((await store.get('Scene', id, { fields: ['title'] }))!.title).toBe('Saved but garbled');
  });
});

describe('ingest checks every value before writing', () => {
  it('a wrong type deep inside throws StashValidationError naming the path and writes nothing', () => {
    const store = createStashStore({ url: 'http://127.0.0.1:9/graphql' });
    const good = {
      __typename: 'Scene',
      id: '1',
      title: 'One',
      studio: { __typename: 'Studio', id: '2', name: 'S' },
    };
    const bad = { __typename: 'Scene', id: '3', studio: { __typename: 'Studio', id: '4', name: 5 } };
    expect(() => store.ingest('Scene', [good, bad])).toThrow(StashValidationError);
    expect(() => store.ingest('Scene', [good, bad])).toThrow(
      /StashEntityStore: expected a String, got a number \(5\) at ingest\(Scene\)\[1\]\.studio\.name/,
    );
    expect(store.cacheStats().totalEntries).toBe(0);
  });

  it('a misfit after records were changed and added puts every record back and notifies nobody', () => {
    let now = 1_000;
    const store = createStashStore({ url: 'http://127.0.0.1:9/graphql', now: () => now, defaultTtl: 60 });
    store.ingest('Scene', [
      {
        __typename: 'Scene',
        id: '1',
        title: 'One',
        code: 'C1',
        studio: { __typename: 'Studio', id: '2', name: 'S' },
        galleries: [{ __typename: 'Gallery', files: [{ __typename: 'GalleryFile', path: '/g' }] }],
      },
      { __typename: 'Scene', id: '5', title: 'Five' },
    ]);
    store.invalidate('Scene', '5');
    const one = store.getCached('Scene', '1')!;
    const studio = store.getCached('Studio', '2')!;
    const five = store.peek('Scene', '5')!;
    const batches: unknown[] = [];
    store.subscribe((b) => batches.push(b));
    now = 2_000;
    const parent = { __typename: 'Studio', id: '3', name: 5 as unknown };
    const update = [
      // Changes Scene 1 (title, studio name, its id-less gallery), adds Studio 7 and Tag 8 ...
      {
        __typename: 'Scene',
        id: '1',
        title: 'Changed',
        code: 'C1',
        studio: { __typename: 'Studio', id: '2', name: 'S2' },
        galleries: [{ __typename: 'Gallery', files: [{ __typename: 'GalleryFile', path: '/g' }] }],
      },
      { __typename: 'Scene', id: '5', title: 'Five again' },
      { __typename: 'Scene', id: '6', studio: { __typename: 'Studio', id: '7', name: 'New' } },
      // ... then a wrong type deep inside the last one.
      {
        __typename: 'Scene',
        id: '9',
        tags: [{ __typename: 'Tag', id: '8', name: 'T' }],
        studio: { __typename: 'Studio', id: '2', parent_studio: parent },
      },
    ];
    expect(() => store.ingest('Scene', update)).toThrow(
      /expected a String, got a number \(5\) at ingest\(Scene\)\[3\]\.studio\.parent_studio\.name/,
    );
    expect(batches).toEqual([]);
    expect(store.cacheStats().byType).toEqual({ Scene: 2, Studio: 1 });
    expect(store.getCached('Scene', '1')).toBe(one);
    expect(store.getCached('Studio', '2')).toBe(studio);
    expect(store.peek('Scene', '6')).toBeNull();
    // Freshness as before: Scene 1 fetched at 1,000 (stale after 60 s from then), Scene 5 still invalidated.
    now = 61_500;
    expect(store.hasFields(one, 'title')).toBe(false);
    now = 60_500;
    expect(store.hasFields(one, 'title', 'code', 'galleries.files.path')).toBe(true);
    expect(store.peek('Scene', '5')).toBe(five);
    expect(store.hasFields(five, 'title')).toBe(false);
    // The same data without the misfit is written in full.
    parent.name = 'P';
    store.ingest('Scene', update);
    expect(store.getCached('Scene', '1')!.title).toBe('Changed');
    expect(store.getCached('Studio', '3')!.name).toBe('P');
    expect(batches).toHaveLength(1);
  });

  it('an undefined value is refused, not stored as a received field (top level, linked, embedded)', () => {
    const store = createStashStore({ url: 'http://127.0.0.1:9/graphql' });
    const cases: [Record<string, unknown>, RegExp][] = [
      [
        { id: '1', title: 'One', details: undefined },
        /undefined is not a value .* at ingest\(Scene\)\.details/,
      ],
      [
        { id: '1', studio: { __typename: 'Studio', id: '2', name: undefined } },
        /undefined is not a value .* at ingest\(Scene\)\.studio\.name/,
      ],
      [
        { id: '1', paths: { screenshot: undefined } },
        /undefined is not a value .* at ingest\(Scene\)\.paths\.screenshot/,
      ],
    ];
    for (const [data, message] of cases) {
      expect(() => store.ingest('Scene', data)).toThrow(StashValidationError);
      expect(() => store.ingest('Scene', data)).toThrow(message);
    }
    expect(store.cacheStats().totalEntries).toBe(0);
  });
});
