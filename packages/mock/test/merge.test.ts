import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { data, gql, startTestStash, type TestStash } from './helpers';

let stash: TestStash;
beforeAll(async () => {
  stash = await startTestStash({ size: 300 });
});
beforeEach(() => stash.reset());
afterAll(() => stash.close());

const SCENE = `query MergeScene($id: ID!) { findScene(id: $id) { id title files { id } scene_markers { id } play_count o_counter } }`;
const SCENE_MERGE = `mutation SceneMerge($input: SceneMergeInput!) { sceneMerge(input: $input) { id title files { id } } }`;
const PERFORMER = `query MergePerformer($id: ID!) { findPerformer(id: $id) { id name tags { id } scene_count } }`;
const PERFORMER_MERGE = `mutation PerformerMerge($input: PerformerMergeInput!) { performerMerge(input: $input) { id name tags { id } } }`;
const scene = async (id: string) => (await data(stash.url, SCENE, { id })).findScene;
const performer = async (id: string) => (await data(stash.url, PERFORMER, { id })).findPerformer;
const ids = (list: { id: string }[]) => list.map((x) => x.id);

/** A scene with markers, play and O history, so every part of a merge shows. */
async function busyScene(): Promise<string> {
  const found = await data(
    stash.url,
    `query Busy { findScenes(scene_filter: { has_markers: "true" }, filter: { per_page: 1 }) { scenes { id } } }`,
  );
  const id = found.findScenes.scenes[0].id;
  await data(
    stash.url,
    `mutation Play($id: ID!) { sceneAddPlay(id: $id) { count } sceneAddO(id: $id) { count } }`,
    {
      id,
    },
  );
  return id;
}

describe('sceneMerge', () => {
  it("moves the sources' files and markers to the destination, adds play history when asked, deletes the sources", async () => {
    const source = await busyScene();
    const dest = source === '1' ? '2' : '1';
    const [before, src] = [await scene(dest), await scene(source)];
    expect(src.scene_markers.length).toBeGreaterThan(0);
    const answer = await data(stash.url, SCENE_MERGE, {
      input: {
        source: [source, source],
        destination: dest,
        values: { id: dest, title: 'Merged' },
        play_history: true,
      },
    });
    expect(answer.sceneMerge).toEqual({
      id: dest,
      title: 'Merged',
      files: [...before.files, ...src.files],
    });
    const after = await scene(dest);
    expect(ids(after.scene_markers).sort()).toEqual(
      [...ids(before.scene_markers), ...ids(src.scene_markers)].sort(),
    );
    expect(after.play_count).toBe(before.play_count + src.play_count);
    expect(after.o_counter).toBe(before.o_counter); // o_history not asked
    expect(await scene(source)).toBeNull();
  });

  it('fails as Stash does and changes nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ source: ['1'], destination: '1' }, 'destination scene cannot be in source list'],
      [{ source: ['2', '99999'], destination: '1' }, 'finding source scenes: scene with id 99999 not found'],
      [
        { source: ['2'], destination: '99999' },
        'Internal system error. Error <runtime error: invalid memory address or nil pointer dereference>',
      ],
      [{ source: [], destination: '99999' }, 'updating scene: sql: no rows in result set'],
      [
        { source: ['x'], destination: '1' },
        'converting source ids: strconv.Atoi: parsing "x": invalid syntax',
      ],
    ];
    const before = await scene('2');
    for (const [input, message] of cases) {
      const answer = await gql(stash.url, SCENE_MERGE, { input });
      expect(answer.body).toEqual({
        data: { sceneMerge: null },
        errors: [{ message, path: ['sceneMerge'] }],
      });
    }
    expect(await scene('2')).toEqual(before);
  });
});

describe('performerMerge', () => {
  it("relinks the sources' scenes and tags to the destination and answers the destination as read before the update", async () => {
    await data(
      stash.url,
      `mutation Tags { performerUpdate(input: { id: "2", tag_ids: ["1", "2"] }) { id } }`,
    );
    await data(
      stash.url,
      `mutation Tags2 { performerUpdate(input: { id: "3", tag_ids: ["2", "3"] }) { id } }`,
    );
    const [p1, p2, p3] = [await performer('1'), await performer('2'), await performer('3')];
    const answer = await data(stash.url, PERFORMER_MERGE, {
      input: { source: ['3'], destination: '2', values: { id: '2', name: 'Merged Name' } },
    });
    expect(answer.performerMerge).toEqual({
      id: '2',
      name: p2.name,
      tags: [{ id: '1' }, { id: '2' }, { id: '3' }],
    });
    const after = await performer('2');
    expect(after.name).toBe('Merged Name');
    expect(after.scene_count).toBeGreaterThanOrEqual(Math.max(p2.scene_count, p3.scene_count));
    expect(await performer('3')).toBeNull();
    expect(await performer('1')).toEqual(p1);
    const scenes = await data(
      stash.url,
      `query Of { findScenes(scene_filter: { performers: { value: ["2"], modifier: INCLUDES } }, filter: { per_page: -1 }) { count scenes { performers { id } } } }`,
    );
    expect(scenes.findScenes.count).toBe(after.scene_count);
    for (const s of scenes.findScenes.scenes) {
      const linked = ids(s.performers);
      expect(new Set(linked).size).toBe(linked.length); // a scene with both keeps one link
      expect(linked).not.toContain('3');
    }
  });

  it('fails as Stash does and changes nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ source: ['2'], destination: '2' }, 'destination performer cannot be in source list'],
      [
        { source: ['2'], destination: '1', values: { id: '1', url: 'https://x.example' } },
        'Merging legacy performer URLs is not supported',
      ],
      [
        { source: ['99999'], destination: '1' },
        'finding source performers: performer with id 99999 not found',
      ],
      [{ source: ['2'], destination: '99999' }, 'updating performer: sql: no rows in result set'],
    ];
    const before = await performer('2');
    for (const [input, message] of cases) {
      const answer = await gql(stash.url, PERFORMER_MERGE, { input });
      expect(answer.body).toEqual({ data: null, errors: [{ message, path: ['performerMerge'] }] });
    }
    expect(await performer('2')).toEqual(before);
  });
});
