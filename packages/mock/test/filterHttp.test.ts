import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filterRows } from '../src/filter/filterRows';
import type { FilterInput } from '../src/filter/types';
import { startMockStash, type RunningMockStash } from '../src/index';
import { applyFindFilter } from '../src/sort/applyFindFilter';
import { gql } from './helpers';

let stash: RunningMockStash;
beforeAll(async () => {
  stash = await startMockStash();
});
afterAll(() => stash.close());

async function post(query: string, variables: Record<string, unknown>) {
  const answer = await gql(stash.url, query, variables);
  expect(answer.status).toBe(200);
  return answer.body;
}

const SCENES = `query S($f: SceneFilterType, $filter: FindFilterType) {
  findScenes(scene_filter: $f, filter: $filter) { count scenes { id } }
}`;
const PERFORMERS = `query P($f: PerformerFilterType, $filter: FindFilterType) {
  findPerformers(performer_filter: $f, filter: $filter) { count performers { id } }
}`;

/** The rows the engine selects when called directly on the server's own database. */
function direct(entity: 'Scene' | 'Performer', f: FilterInput, filter: Record<string, unknown>) {
  const rows = filterRows(entity, [...stash.db.table(entity).values()], f, stash.db);
  return applyFindFilter(entity, rows, filter, stash.db);
}

describe('list resolvers use the filter/sort engine', () => {
  const sceneFilter = {
    tags: { value: ['1', '2'], depth: -1, modifier: 'INCLUDES' },
    OR: { rating100: { value: 60, modifier: 'GREATER_THAN' }, organized: true },
  };

  it('findScenes returns what filterRows + applyFindFilter compute', async () => {
    const filter = { sort: 'title', direction: 'DESC', per_page: 40, page: 2 };
    const body = await post(SCENES, { f: sceneFilter, filter });
    expect(body.errors).toBeUndefined();
    const expected = direct('Scene', sceneFilter, filter);
    expect(expected.count).toBeGreaterThan(40);
    expect(expected.count).toBeLessThan(stash.db.table('Scene').size);
    expect(body.data.findScenes.count).toBe(expected.count);
    expect(body.data.findScenes.scenes.map((s: { id: string }) => s.id)).toEqual(
      expected.items.map((s) => s.id),
    );
  });

  it('findPerformers applies filter, q and sort', async () => {
    const f = {
      scene_count: { value: 0, modifier: 'GREATER_THAN' },
      gender: { value_list: ['FEMALE', 'MALE'], modifier: 'INCLUDES' },
    };
    const filter = { q: 'a', sort: 'scenes_count', direction: 'DESC', per_page: -1 };
    const body = await post(PERFORMERS, { f, filter });
    expect(body.errors).toBeUndefined();
    const expected = direct('Performer', f, filter);
    expect(expected.count).toBeGreaterThan(0);
    expect(body.data.findPerformers.count).toBe(expected.count);
    expect(body.data.findPerformers.performers.map((p: { id: string }) => p.id)).toEqual(
      expected.items.map((p) => p.id),
    );
  });

  it('keeps a seeded random order stable across requests', async () => {
    const filter = { sort: 'random_1234', per_page: 30 };
    const a = await post(SCENES, { filter });
    const b = await post(SCENES, { filter });
    expect(a.data.findScenes.scenes).toEqual(b.data.findScenes.scenes);
    expect(a.data.findScenes.scenes.map((s: { id: string }) => s.id)).not.toEqual(
      Array.from({ length: 30 }, (_, i) => String(i + 1)),
    );
  });

  it.each([
    [{ filter: { sort: 'rating100' } }, 'invalid sort: rating100'],
    [
      { f: { AND: { organized: true }, OR: { organized: false } } },
      'cannot have AND and OR in the same filter',
    ],
    [{ f: { title: { value: '(', modifier: 'MATCHES_REGEX' } } }, 'error parsing regexp'],
    [
      { f: { tags: { value: ['1'], modifier: 'NOT_EQUALS' } } },
      'not equals modifier is not supported for hierarchical multi criterion input',
    ],
  ])('answers bad input %j with a GraphQL error', async (variables, message) => {
    const body = await post(SCENES, variables);
    expect(body.errors?.[0]?.message).toContain(message);
    expect(body.data).toBeNull();
  });
});
