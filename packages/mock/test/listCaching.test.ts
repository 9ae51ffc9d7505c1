import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type MockDb } from '../src/db/MockDb';
import type { MockDbReader } from '../src/db/rows';
import { filterRows } from '../src/filter/filterRows';
import { FILTER_ENTITIES, type EntityRow, type FilterEntity } from '../src/filter/types';
import { applyFindFilter, type FindFilter } from '../src/sort/applyFindFilter';
import { allowedSorts } from '../src/sort/sortKeys';
import { data, startTestStash, type TestStash } from './helpers';

/** The same rows without a version: nothing is cached, every call sorts its input in full. */
function uncached(db: MockDb): MockDbReader {
  return new Proxy(db, {
    get(target, prop) {
      if (prop === 'version') return undefined;
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

/** The reference: a full sort of the whole input, then the page cut out of it. */
function oracle<E extends FilterEntity>(entity: E, rows: EntityRow<E>[], f: FindFilter, db: MockDb) {
  const all = applyFindFilter(entity, rows, { ...f, page: 1, per_page: -1 }, uncached(db));
  const perPage = f.per_page ?? 25;
  const page = f.page ?? 1;
  const items = perPage < 0 ? all.items : all.items.slice((page - 1) * perPage, page * perPage);
  return { ids: ids(items), count: all.count };
}

function check<E extends FilterEntity>(entity: E, rows: EntityRow<E>[], f: FindFilter, db: MockDb) {
  const got = applyFindFilter(entity, rows, f, db);
  expect({ ids: ids(got.items), count: got.count }, `${entity} ${JSON.stringify(f)}`).toEqual(
    oracle(entity, rows, f, db),
  );
}

const sorts = (entity: FilterEntity) => [...allowedSorts(entity).filter((s) => s !== 'random'), 'random_42'];

describe('cached sort orders and top-k pages equal a full sort', () => {
  const db = createDb({ size: 300 });

  for (const entity of FILTER_ENTITIES) {
    it(`${entity}: every sort, both directions, whole table and subsets`, () => {
      const all = [...db.table(entity).values()] as EntityRow<typeof entity>[];
      const most = all.filter((r) => Number(r.id) % 3 !== 0);
      const few = all.filter((r) => Number(r.id) % 10 === 0);
      const reversed = [...most].reverse();
      for (const sort of sorts(entity)) {
        for (const direction of ['ASC', 'DESC']) {
          // first page: a top-k selection; second: builds the table order; later: served from it
          for (const page of [1, 2, 3]) check(entity, all, { sort, direction, page, per_page: 7 }, db);
          check(entity, all, { sort, direction, per_page: -1 }, db);
          for (const page of [1, 2]) check(entity, most, { sort, direction, page, per_page: 5 }, db);
          check(entity, few, { sort, direction, page: 2, per_page: 3 }, db);
          check(entity, few, { sort, direction, per_page: -1 }, db);
          // not in table order: ties must follow this input's order, so no cached order applies
          check(entity, reversed, { sort, direction, page: 1, per_page: 9 }, db);
          check(entity, all, { sort, direction, page: 1000, per_page: 25 }, db);
          check(entity, all, { sort, direction, per_page: 0 }, db);
        }
      }
    });
  }

  it('q searches agree, before and after the search values are cached', () => {
    const all = [...db.table('Scene').values()];
    for (const q of ['hot', 'red -night', 'mp4 OR mkv', '"scene 1"']) {
      for (let i = 0; i < 2; i++) check('Scene', all, { q, sort: 'title', page: 2, per_page: 10 }, db);
    }
  });
});

describe('derived data follows writes', () => {
  it('a sort order cached before an update reflects it afterwards', () => {
    const db = createDb({ size: 300 });
    const page = (reader: MockDbReader = db) =>
      ids(applyFindFilter('Scene', [...db.table('Scene').values()], { sort: 'title' }, reader).items);
    page();
    const first = page();
    db.update('Scene', '150', { title: '0000 first' });
    expect(page()[0]).toBe('150');
    page();
    expect(page()).toEqual(page(uncached(db)));
    db.update('Scene', '150', { title: 'zzzz last' });
    expect(page()).not.toContain('150');
    expect(page()).toEqual(page(uncached(db)));
    // Scene 150 was not on the first page before, and is last now: the first page is as it was.
    expect(first).not.toContain('150');
    expect(page()).toEqual(first);
  });

  it('inverse indexes and hierarchies cached before a write are rebuilt after it', () => {
    const db = createDb({ size: 300 });
    const scenesWith = (tag: string, depth: number) =>
      ids(
        filterRows(
          'Scene',
          [...db.table('Scene').values()],
          { tags: { value: [tag], modifier: 'INCLUDES', depth } },
          db,
        ),
      );
    const child = [...db.table('Tag').values()].find(
      (t) => t.parent_ids.length === 0 && db.scenesOf('tag', t.id).length > 0,
    )!;
    const { id: _id, ...template } = child;
    const parent = db.insert('Tag', { ...template, name: 'fresh parent', parent_ids: [] });
    expect(scenesWith(parent.id, -1)).toEqual([]);
    db.update('Tag', child.id, { parent_ids: [parent.id] });
    expect(scenesWith(parent.id, -1)).toEqual(
      ids(db.scenesOf('tag', child.id).map((id) => db.get('Scene', id)!)),
    );

    const performersWithTag = () =>
      ids(
        filterRows(
          'Performer',
          [...db.table('Performer').values()],
          { tags: { value: [parent.id], modifier: 'INCLUDES' } },
          db,
        ),
      );
    const before = performersWithTag();
    db.update('Performer', '1', { tag_ids: [parent.id] });
    expect(performersWithTag()).toEqual(
      ['1', ...before.filter((id) => id !== '1')].sort((a, b) => Number(a) - Number(b)),
    );
  });

  it('a failed transaction restores the rows and invalidates what was derived during it', () => {
    const db = createDb({ size: 300 });
    const titles = () =>
      ids(
        applyFindFilter('Scene', [...db.table('Scene').values()], { sort: 'title', per_page: 5 }, db).items,
      );
    const before = titles();
    const version = db.version;
    expect(() =>
      db.transaction(() => {
        db.update('Scene', '200', { title: '0000 first' });
        expect(titles()[0]).toBe('200');
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(db.version).not.toBe(version);
    expect(db.get('Scene', '200')!.title).not.toBe('0000 first');
    expect(titles()).toEqual(before);
  });

  it('a transaction copies only the tables it writes, and nested ones roll back on their own', () => {
    const db = createDb({ size: 300 });
    const tags = db.table('Tag');
    db.transaction(() => {
      db.update('Scene', '1', { title: 'outer' });
      expect(() =>
        db.transaction(() => {
          db.update('Scene', '2', { title: 'inner' });
          db.update('Performer', '1', { name: 'inner' });
          throw new Error('inner');
        }),
      ).toThrow('inner');
    });
    expect(db.get('Scene', '1')!.title).toBe('outer');
    expect(db.get('Scene', '2')!.title).not.toBe('inner');
    expect(db.get('Performer', '1')!.name).not.toBe('inner');
    expect(db.table('Tag')).toBe(tags);
  });
});

describe('over HTTP: list answers follow mutations', () => {
  let stash: TestStash;
  beforeAll(async () => {
    stash = await startTestStash({ size: 300 });
  });
  afterAll(() => stash.close());

  const FIND = `query FindScenes($filter: FindFilterType, $scene_filter: SceneFilterType) {
    findScenes(filter: $filter, scene_filter: $scene_filter) { count scenes { id title } }
  }`;
  const UPDATE = `mutation UpdateScene($input: SceneUpdateInput!) { sceneUpdate(input: $input) { id } }`;
  const find = async (variables: Record<string, unknown>) =>
    (await data(stash.url, FIND, variables)).findScenes;

  it('sorted pages, searches and hierarchical filters see every write', async () => {
    const byTitle = { filter: { sort: 'title', per_page: 3 } };
    const first = await find(byTitle);
    expect(await find(byTitle)).toEqual(first); // now served from the cached order
    await data(stash.url, UPDATE, { input: { id: '77', title: '0000 Zebra' } });
    expect((await find(byTitle)).scenes[0]).toEqual({ id: '77', title: '0000 Zebra' });

    const search = { filter: { q: 'zebra', per_page: 5 } };
    expect((await find(search)).scenes.map((s: { id: string }) => s.id)).toEqual(['77']);
    await data(stash.url, UPDATE, { input: { id: '78', title: 'Another zebra' } });
    expect((await find(search)).scenes.map((s: { id: string }) => s.id)).toEqual(['77', '78']);

    const tagged = (tag: string) => ({
      scene_filter: { tags: { value: [tag], modifier: 'INCLUDES', depth: -1 } },
    });
    const created = await data(stash.url, `mutation { tagCreate(input: { name: "Cache parent" }) { id } }`);
    const parent = created.tagCreate.id as string;
    expect((await find(tagged(parent))).count).toBe(0);
    await data(stash.url, `mutation { tagUpdate(input: { id: "1", parent_ids: ["${parent}"] }) { id } }`);
    expect((await find(tagged(parent))).count).toBe((await find(tagged('1'))).count);
  });
});
