import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestStash, type TestStash } from '@stashkit/testkit';
import {
  compileFilter,
  createStashStore,
  FIND_COUNT_PROBE,
  FindLimitError,
  StashValidationError,
} from '../src/index';

let stash: TestStash;
beforeAll(async () => {
  stash = await startTestStash({ size: 200 });
});
afterAll(async () => {
  await stash.close();
});
beforeEach(() => stash.reset());

const newStore = () => createStashStore({ url: stash.url });

/** The `FindFilterType` variable of a logged list request. */
const findFilterOf = (variables: Record<string, unknown> | null) =>
  Object.values(variables ?? {}).find(
    (v): v is { per_page: number } => typeof v === 'object' && v !== null && 'per_page' in v,
  )!;

describe('find', () => {
  it('is one request selecting count and items, with options apart from filters, for a short list', async () => {
    const store = newStore();
    const scenes = await store.find(
      'Scene',
      { id__lte: 30, title__contains: 'e' },
      { fields: ['title'], sort: 'title', direction: 'desc' },
    );
    expect(scenes.length).toBeGreaterThan(0);
    expect(scenes.length).toBeLessThanOrEqual(FIND_COUNT_PROBE);
    expect(scenes.every((s) => s.title!.toLowerCase().includes('e'))).toBe(true);
    const titles = scenes.map((s) => s.title!);
    expect([...titles].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0))).toEqual(titles);
    expect(stash.requests).toHaveLength(1);
    const variables = Object.values(stash.requests[0].variables ?? {});
    expect(variables).toContainEqual({
      sort: 'title',
      direction: 'DESC',
      page: 1,
      per_page: FIND_COUNT_PROBE,
    });
    expect(variables).toContainEqual(
      expect.objectContaining({ title: expect.objectContaining({ value: 'e' }) }),
    );
    expect(stash.requests[0].query).toMatch(/count/);
    expect(store.getCached('Scene', scenes[0].id)).toBe(scenes[0]);
  });

  it('asks an unknown count with a first page, then the whole list; a count seen since skips that', async () => {
    const store = newStore();
    const perPage = () => stash.requests.map((r) => findFilterOf(r.variables).per_page);
    const filters = { id__lte: 150 };
    const scenes = await store.find('Scene', filters, { fields: ['title'], sort: 'title' });
    expect(scenes).toHaveLength(150);
    expect(perPage()).toEqual([FIND_COUNT_PROBE, 1000]);
    const raw = await store.client.execute<{ findScenes: { scenes: { id: string }[] } }>(
      `query ($f: SceneFilterType, $ff: FindFilterType) { findScenes(scene_filter: $f, filter: $ff) { scenes { id } } }`,
      { f: compileFilter('Scene', filters), ff: { sort: 'title', per_page: -1 } },
    );
    expect(scenes.map((s) => s.id)).toEqual(raw.findScenes.scenes.map((s) => s.id));
    stash.requests.length = 0;
    // Known count (any sort): one request.
    await store.find('Scene', filters, { fields: ['title'], sort: 'date' });
    expect(perPage()).toEqual([1000]);
    // After a mutation the count is not known, but its last value is a fair bet: still one request.
    await store.delete(scenes[0]);
    stash.requests.length = 0;
    expect(await store.find('Scene', filters, { fields: ['title'] })).toHaveLength(149);
    expect(perPage()).toEqual([1000]);
  });

  it('throws FindLimitError above 1000 having fetched only the first page, and writes nothing', async () => {
    const big = await startTestStash({ size: 1200 });
    try {
      const store = createStashStore({ url: big.url });
      const error = await store.find('Scene', undefined, { fields: ['title'] }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FindLimitError);
      expect((error as FindLimitError).count).toBeGreaterThan(1000);
      expect(big.requests).toHaveLength(1);
      expect(findFilterOf(big.requests[0].variables).per_page).toBe(FIND_COUNT_PROBE);
      expect(store.cacheStats().totalEntries).toBe(0);
      // Now known: refused without a request.
      await expect(store.find('Scene')).rejects.toBeInstanceOf(FindLimitError);
      expect(big.requests).toHaveLength(1);
    } finally {
      await big.close();
    }
  });

  it('rejects bad filters and options before any request', async () => {
    const store = newStore();
    await expect(store.find('Scene', { nope__contains: 'x' } as never)).rejects.toBeInstanceOf(
      StashValidationError,
    );
    await expect(store.find('Scene', undefined, { sort: 'nope' })).rejects.toBeInstanceOf(
      StashValidationError,
    );
    await expect(store.find('Scene', undefined, { fields: ['nope'] as string[] })).rejects.toThrow(
      /Scene has no field "nope"/,
    );
    expect(stash.requests).toHaveLength(0);
  });

  it('findOne returns the first match or null', async () => {
    const store = newStore();
    const first = await store.findOne('Performer', undefined, { sort: 'name', fields: ['name'] });
    expect(first?.name).toEqual(expect.any(String));
    expect(await store.findOne('Performer', { name: 'no such performer zzz' })).toBeNull();
  });
});

describe('findIter', () => {
  it('pages lazily, stops on count (no extra empty request) and reports progress', async () => {
    const store = newStore();
    const batch = 10;
    const filtersForMultiple = { id__lte: batch * 3 };
    const iter = store.findIter('Scene', filtersForMultiple, { batch, fields: ['title'] });
    expect(iter.progress).toEqual({ loaded: 0, total: undefined });
    const seen: string[] = [];
    for await (const scene of iter) seen.push(scene.id);
    expect(seen).toHaveLength(30);
    expect(new Set(seen).size).toBe(30);
    expect(stash.requests).toHaveLength(3);
    expect(iter.progress).toEqual({ loaded: 30, total: 30 });
  });

  it('fetches nothing more after an early break', async () => {
    const store = newStore();
    const iter = store.findIter('Tag', undefined, { batch: 5, fields: ['name'] });
    let n = 0;
    for await (const _tag of iter) {
      if (++n === 7) break;
    }
    expect(stash.requests).toHaveLength(2);
    expect(iter.progress.loaded).toBe(7);
  });

  it('validates the page size when called', () => {
    const store = newStore();
    expect(() => store.findIter('Tag', undefined, { batch: 0 })).toThrow(StashValidationError);
  });
});
