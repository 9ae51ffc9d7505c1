import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestStash, type TestStash } from '@stashkit/testkit';
import { createStashStore, FindLimitError, StashValidationError } from '../src/index';

let stash: TestStash;
beforeAll(async () => {
  stash = await startTestStash({ size: 200 });
});
afterAll(async () => {
  await stash.close();
});
beforeEach(() => stash.reset());

const newStore = () => createStashStore({ url: stash.url });

describe('find', () => {
  it('is one request selecting count and items, with options apart from filters', async () => {
    const store = newStore();
    const tags = await store.find(
      'Tag',
      { name__contains: 'a' },
      { fields: ['name'], sort: 'name', direction: 'desc' },
    );
    expect(tags.length).toBeGreaterThan(0);
    expect(tags.every((t) => t.name.toLowerCase().includes('a'))).toBe(true);
    expect(stash.requests).toHaveLength(1);
    const variables = Object.values(stash.requests[0].variables ?? {});
    expect(variables).toContainEqual({ sort: 'name', direction: 'DESC', page: 1, per_page: 1000 });
    expect(variables).toContainEqual({ name: expect.objectContaining({ value: 'a' }) });
    expect(stash.requests[0].query).toMatch(/count/);
    expect(store.getCached('Tag', tags[0].id)).toBe(tags[0]);
  });

  it('throws FindLimitError above 1000 without writing anything', async () => {
    const big = await startTestStash({ size: 1200 });
    try {
      const store = createStashStore({ url: big.url });
      await expect(store.find('Scene', undefined, { fields: ['title'] })).rejects.toBeInstanceOf(
        FindLimitError,
      );
      expect(big.requests).toHaveLength(1);
      expect(store.cacheStats().totalEntries).toBe(0);
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
