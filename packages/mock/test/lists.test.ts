import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { data, gql, startTestStash, type TestStash } from './helpers';

let stash: TestStash;
beforeAll(async () => {
  stash = await startTestStash();
});
afterAll(() => stash.close());

const PAGE = `query Page($filter: FindFilterType) { findScenes(filter: $filter) { count scenes { id title date } } }`;

describe('FindFilterType pagination', () => {
  it('defaults to 25 per page and counts every match', async () => {
    const d = await data(stash.url, PAGE);
    expect(d.findScenes.scenes).toHaveLength(25);
    expect(d.findScenes.count).toBe(2000);
  });

  it('pages are consecutive slices of the same order', async () => {
    const twenty = await data(stash.url, PAGE, { filter: { per_page: 20, sort: 'title' } });
    const second = await data(stash.url, PAGE, { filter: { per_page: 10, page: 2, sort: 'title' } });
    expect(second.findScenes.scenes.map((s: any) => s.id)).toEqual(
      twenty.findScenes.scenes.slice(10).map((s: any) => s.id),
    );
  });

  it('per_page -1 returns everything; page below 1 is page 1', async () => {
    const all = await data(stash.url, PAGE, { filter: { per_page: -1 } });
    expect(all.findScenes.scenes).toHaveLength(2000);
    const zero = await data(stash.url, PAGE, { filter: { per_page: 5, page: 0 } });
    const one = await data(stash.url, PAGE, { filter: { per_page: 5, page: 1 } });
    expect(zero.findScenes.scenes).toEqual(one.findScenes.scenes);
  });

  it('a page past the end is empty but still counts', async () => {
    const d = await data(stash.url, PAGE, { filter: { per_page: 40, page: 1000 } });
    expect(d.findScenes.scenes).toEqual([]);
    expect(d.findScenes.count).toBe(2000);
  });
});

describe('FindFilterType sort, direction and q', () => {
  it('sorts by date in both directions', async () => {
    const asc = await data(stash.url, PAGE, { filter: { per_page: -1, sort: 'date', direction: 'ASC' } });
    const dates = asc.findScenes.scenes.map((s: any) => s.date).filter((d: string | null) => d !== null);
    expect(dates).toEqual([...dates].sort());
    const desc = await data(stash.url, PAGE, { filter: { per_page: -1, sort: 'date', direction: 'DESC' } });
    const descDates = desc.findScenes.scenes.map((s: any) => s.date).filter((d: string | null) => d !== null);
    expect(descDates).toEqual([...dates].reverse());
  });

  it('refuses a sort key outside the allow-list with a field error and null data', async () => {
    const answer = await gql(stash.url, PAGE, { filter: { sort: 'rating100' } });
    expect(answer.status).toBe(200);
    expect(answer.body.data).toBeNull();
    expect(answer.body.errors).toEqual([{ message: 'invalid sort: rating100', path: ['findScenes'] }]);
  });

  it('random_<seed> is stable across requests and differs between seeds', async () => {
    const a = await data(stash.url, PAGE, { filter: { per_page: 30, sort: 'random_42' } });
    const b = await data(stash.url, PAGE, { filter: { per_page: 30, sort: 'random_42' } });
    const c = await data(stash.url, PAGE, { filter: { per_page: 30, sort: 'random_7' } });
    const ids = (d: any) => d.findScenes.scenes.map((s: any) => s.id);
    expect(ids(a)).toEqual(ids(b));
    expect(ids(a)).not.toEqual(ids(c));
    expect(ids(a)).not.toEqual(
      ids(a)
        .slice()
        .sort((x: string, y: string) => Number(x) - Number(y)),
    );
  });

  it('q narrows the result to matching titles', async () => {
    const d = await data(stash.url, PAGE, { filter: { q: 'Midnight', per_page: -1 } });
    expect(d.findScenes.count).toBeGreaterThan(0);
    expect(d.findScenes.count).toBeLessThan(2000);
  });

  it('an unknown enum value is a request error (gqlgen answers 422 to application/json, no data)', async () => {
    const query = `query BadEnum { findScenes(filter: { direction: SIDEWAYS }) { count } }`;
    stash.expectInvalid(query);
    const answer = await gql(stash.url, query, undefined, { Accept: 'application/json' });
    expect(answer.status).toBe(422);
    expect(answer.body.data).toBeNull();
    expect(answer.body.errors[0].message).toMatch(/SIDEWAYS/);
    expect(answer.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('entity filters reach the filter engine', () => {
  it('filters scenes with a criterion and a plain boolean', async () => {
    const d = await data(
      stash.url,
      `query F($f: SceneFilterType) { findScenes(scene_filter: $f, filter: { per_page: -1 }) { count scenes { rating100 organized } } }`,
      { f: { rating100: { value: 60, modifier: 'GREATER_THAN' }, organized: true } },
    );
    expect(d.findScenes.count).toBeGreaterThan(0);
    for (const s of d.findScenes.scenes) {
      expect(s.rating100).toBeGreaterThan(60);
      expect(s.organized).toBe(true);
    }
  });

  it('more than one of AND/OR/NOT on one level is a field error', async () => {
    const answer = await gql(
      stash.url,
      `query Both { findScenes(scene_filter: { AND: { organized: true }, OR: { organized: false } }) { count } }`,
    );
    expect(answer.body.data).toBeNull();
    expect(answer.body.errors[0].path).toEqual(['findScenes']);
    expect(answer.body.errors[0].message).toMatch(/cannot have/);
  });
});

describe('find*(ids)', () => {
  const BY_IDS = `query ByIds($ids: [ID!]) { findScenes(ids: $ids, filter: { per_page: 1, sort: "title" }) { count scenes { id } } }`;

  it('returns items in the requested order, ignoring the find filter', async () => {
    const d = await data(stash.url, BY_IDS, { ids: ['17', '3', '1200', '4'] });
    expect(d.findScenes.scenes.map((s: any) => s.id)).toEqual(['17', '3', '1200', '4']);
    expect(d.findScenes.count).toBe(4);
  });

  it('fails the whole field when an id is missing', async () => {
    const answer = await gql(stash.url, BY_IDS, { ids: ['1', '99999'] });
    expect(answer.body).toEqual({
      errors: [{ message: 'scene with id 99999 not found', path: ['findScenes'] }],
      data: null,
    });
  });

  it('fails the whole field when an id repeats', async () => {
    const answer = await gql(stash.url, BY_IDS, { ids: ['5', '6', '5'] });
    expect(answer.body.data).toBeNull();
    expect(answer.body.errors).toEqual([
      { message: 'validating ids: duplicate id found: 5', path: ['findScenes'] },
    ]);
  });

  it('non-numeric ids fail like strconv.Atoi', async () => {
    const list = await gql(stash.url, BY_IDS, { ids: ['1', 'abc'] });
    expect(list.body.errors[0].message).toBe('converting ids: strconv.Atoi: parsing "abc": invalid syntax');
    const single = await gql(stash.url, `query One { findScene(id: "abc") { id } }`);
    expect(single.body).toEqual({
      errors: [{ message: 'strconv.Atoi: parsing "abc": invalid syntax', path: ['findScene'] }],
      data: { findScene: null },
    });
  });

  it('a single unknown id is null, not an error', async () => {
    const d = await data(
      stash.url,
      `query One { findScene(id: "99999") { id } findPerformer(id: "99999") { id } }`,
    );
    expect(d).toEqual({ findScene: null, findPerformer: null });
  });

  it('other entities use their own wording and order', async () => {
    const d = await data(
      stash.url,
      `query P { findPerformers(ids: ["9", "2"]) { count performers { id } } }`,
    );
    expect(d.findPerformers.performers.map((p: any) => p.id)).toEqual(['9', '2']);
    const answer = await gql(stash.url, `query T { findTags(ids: ["1", "77777"]) { tags { id } } }`);
    expect(answer.body.errors[0].message).toBe('tag with id 77777 not found');
  });
});

describe('aggregates and derived fields', () => {
  it("duration and filesize sum every file of every match (Stash joins all of a scene's files)", async () => {
    const d = await data(
      stash.url,
      `query Agg { page: findScenes(filter: { per_page: 1 }) { duration filesize } all: findScenes(filter: { per_page: -1 }) { scenes { files { duration size } } } stats { scenes_size scenes_duration } }`,
    );
    const files = d.all.scenes.flatMap((s: any) => s.files);
    expect(d.all.scenes.some((s: any) => s.files.length > 1)).toBe(true);
    const duration = files.reduce((n: number, f: any) => n + f.duration, 0);
    const size = files.reduce((n: number, f: any) => n + f.size, 0);
    expect(d.page.duration).toBeCloseTo(duration, 3);
    expect(d.page.filesize).toBe(size);
    expect(d.stats.scenes_size).toBe(size);
    expect(d.stats.scenes_duration).toBeCloseTo(duration, 3);
    const firstOnly = d.all.scenes.reduce((n: number, s: any) => n + (s.files[0]?.size ?? 0), 0);
    expect(d.page.filesize).toBeGreaterThan(firstOnly);
  });

  it('counts with depth include descendants', async () => {
    const d = await data(
      stash.url,
      `query Depth { findStudios(filter: { per_page: -1 }) { studios { id scene_count all: scene_count(depth: -1) child_studios { id scene_count } } } }`,
    );
    const parent = d.findStudios.studios.find((s: any) => s.child_studios.length > 0);
    expect(parent.all).toBe(
      parent.scene_count + parent.child_studios.reduce((n: number, c: any) => n + c.scene_count, 0),
    );
  });

  it('media URLs are absolute and built from the request host', async () => {
    const d = await data(
      stash.url,
      `query Urls { findScene(id: "1") { paths { screenshot stream } } findPerformer(id: "1") { image_path } }`,
    );
    const origin = new URL(stash.url).origin;
    expect(d.findScene.paths.screenshot.startsWith(`${origin}/scene/1/screenshot?t=`)).toBe(true);
    expect(d.findScene.paths.stream).toBe(`${origin}/scene/1/stream`);
    expect(d.findPerformer.image_path.startsWith(`${origin}/performer/1/image`)).toBe(true);
  });

  it('resolves visual_files as a union and fingerprint(type)', async () => {
    const d = await data(
      stash.url,
      `query Files { findImages(filter: { per_page: 5 }) { images { visual_files { __typename ... on ImageFile { width fingerprint(type: "md5") } ... on VideoFile { duration } } } } }`,
    );
    for (const image of d.findImages.images) {
      expect(image.visual_files.length).toBeGreaterThan(0);
      for (const f of image.visual_files) {
        expect(['ImageFile', 'VideoFile']).toContain(f.__typename);
        if (f.__typename === 'ImageFile') expect(f.fingerprint).toMatch(/^[0-9a-f]{32}$/);
      }
    }
  });
});
