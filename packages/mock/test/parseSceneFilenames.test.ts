import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { data, gql, startTestStash, type TestStash } from './helpers';

let stash: TestStash;
beforeAll(async () => {
  stash = await startTestStash({ size: 100 });
});
afterAll(() => stash.close());

const PARSE = `query Parse($filter: FindFilterType, $config: SceneParserInput!) {
  parseSceneFilenames(filter: $filter, config: $config) {
    count
    results { scene { id files { path } } title date rating rating100 studio_id performer_ids tag_ids movies { movie_id } }
  }
}`;
const parse = async (filter: Record<string, unknown> | null, config: Record<string, unknown> = {}) =>
  (await data(stash.url, PARSE, { filter, config })).parseSceneFilenames;

describe('parseSceneFilenames', () => {
  it('fills title and studio from the path, with whitespace characters and capitalised titles', async () => {
    const studios = await data(stash.url, `query S { allStudios { id name } }`);
    const result = await parse(
      { q: 'videos/{studio}/{title}_{}.{ext}', per_page: 5, sort: 'path' },
      { whitespaceCharacters: '_', capitalizeTitle: true },
    );
    expect(result.count).toBeGreaterThan(5);
    expect(result.results).toHaveLength(5);
    for (const r of result.results) {
      const [, folder, file] = /videos\/([^/]+)\/(.+)_[^_]+\.\w+$/.exec(r.scene.files[0].path)!;
      expect(r.title).toBe(file!.replace(/_/g, ' ').replace(/(?:^| )\w/g, (m: string) => m.toUpperCase()));
      const studio = studios.allStudios.find(
        (s: any) => s.name.toLowerCase() === folder!.replace(/[._-]/g, ' '),
      );
      expect(r.studio_id).toBe(studio?.id ?? null); // `misc` is no studio
      expect(r).toMatchObject({
        date: null,
        rating: null,
        rating100: null,
        performer_ids: null,
        movies: null,
      });
    }
  });

  it('reads a 1–5 rating into the deprecated 1–100 rating only when valid, from the file name', async () => {
    const result = await parse({ q: '{title}_{rating}.{ext}', per_page: -1 });
    const byName = (name: string) =>
      result.results.find((r: any) => r.scene.files[0].path.endsWith(`/${name}`));
    const rated = result.results.find((r: any) => /_[1-5]\.\w+$/.test(r.scene.files[0].path));
    expect(rated).toMatchObject({
      rating: Number(/_(\d)\.\w+$/.exec(rated.scene.files[0].path)![1]) * 20,
      rating100: null,
    });
    const unrated = result.results.find((r: any) => /_[06-9]\.\w+$/.test(r.scene.files[0].path));
    expect(unrated.rating).toBeNull();
    expect(byName('nothing-like-this.mp4')).toBeUndefined();
    expect(result.count).toBe(result.results.length);
  });

  it('finds performers, tags and dates; a full-date field only changes a scene that has a date', async () => {
    const scenes = await data(
      stash.url,
      `query Two { findScenes(ids: ["1", "2"]) { scenes { id files { id } } } }`,
    );
    const [one, two] = scenes.findScenes.scenes;
    const rename = (scene: any, basename: string) =>
      stash.db.update('File', scene.files[0].id, { basename, path: `/data/videos/misc/${basename}` });
    const named = await data(
      stash.url,
      `query N { findPerformer(id: "1") { name } findTag(id: "1") { name } }`,
    );
    const dotted = (name: string) => name.toLowerCase().replace(/ /g, '.');
    // delimiters in a name read as spaces
    rename(one, `2021.03.04.${dotted(named.findPerformer.name)}.${dotted(named.findTag.name)}.mp4`);
    try {
      const names = await parse({ q: '{yyyy}.{mm}.{dd}.{performer}.{tag}.{ext}' });
      expect(names.results).toHaveLength(1);
      expect(names.results[0]).toMatchObject({
        scene: { id: '1' },
        date: '2021-03-04',
        performer_ids: ['1'],
        tag_ids: ['1'],
        title: null,
      });
      await data(stash.url, `mutation NoDate { sceneUpdate(input: { id: "1", date: null }) { id } }`);
      await data(stash.url, `mutation Dated { sceneUpdate(input: { id: "2", date: "2020-09-28" }) { id } }`);
      rename(one, '20210304_first_scene.mp4');
      rename(two, '20210304_second_scene.mp4');
      const full = await parse({ q: 'misc/{yyyymmdd}_{title}.{ext}' }, { whitespaceCharacters: '_' });
      const dates = Object.fromEntries(full.results.map((r: any) => [r.scene.id, [r.date, r.title]]));
      // Stash's quirk: a full-date field is kept only when the scene already has another date
      expect(dates['1']).toEqual([null, 'first scene']);
      expect(dates['2']).toEqual(['2021-03-04', 'second scene']);
    } finally {
      stash.reset();
    }
  });

  it('errors as Stash does', async () => {
    const cases: [Record<string, unknown> | null, string][] = [
      [{ q: '{title}.{foo}' }, 'Invalid fields: {foo}'],
      [
        null,
        'Internal system error. Error <runtime error: invalid memory address or nil pointer dereference>',
      ],
      [
        { per_page: 5 },
        'Internal system error. Error <runtime error: invalid memory address or nil pointer dereference>',
      ],
    ];
    for (const [filter, message] of cases) {
      const answer = await gql(stash.url, PARSE, { filter, config: {} });
      expect(answer.body).toEqual({ data: null, errors: [{ message, path: ['parseSceneFilenames'] }] });
    }
  });
});
