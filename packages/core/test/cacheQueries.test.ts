import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestStash, type TestStash } from '@stashkit/testkit';
import { createStashStore, MissingFieldsError, StashValidationError } from '../src/index';

let stash: TestStash;
beforeAll(async () => {
  stash = await startTestStash({ size: 200 });
});
afterAll(async () => {
  await stash.close();
});
beforeEach(() => stash.reset());

async function storeWithPerformers(n: number) {
  const store = createStashStore({ url: stash.url });
  const all = await store.find('Performer', undefined, { fields: ['name'], sort: 'id' });
  stash.reset();
  return { store, performers: all.slice(0, n) };
}

describe('cache-only queries', () => {
  it('filter and allCached read the type index only', async () => {
    const { store } = await storeWithPerformers(0);
    const all = store.allCached('Performer');
    expect(all.length).toBeGreaterThan(10);
    expect(
      store.filter('Performer', (p) => p.name.startsWith('A')).every((p) => p.name.startsWith('A')),
    ).toBe(true);
    expect(store.allCached('Scene')).toEqual([]);
    expect(stash.requests).toHaveLength(0);
  });

  it('filterStrict throws MissingFieldsError before running the predicate', async () => {
    const { store } = await storeWithPerformers(0);
    let calls = 0;
    expect(() =>
      store.filterStrict('Performer', ['name', 'favorite'], () => {
        calls++;
        return true;
      }),
    ).toThrow(MissingFieldsError);
    expect(calls).toBe(0);
    expect(store.filterStrict('Performer', ['name'], () => true).length).toBeGreaterThan(0);
  });

  it('filterAndPopulate fetches missing fields in one request per chunk, with stats', async () => {
    const { store } = await storeWithPerformers(0);
    const total = store.allCached('Performer').length;
    const { results, stats } = await store.filterAndPopulateWithStats(
      'Performer',
      ['favorite', 'tags.name'],
      (p) => p.favorite,
      {
        batchSize: 25,
      },
    );
    const chunks = Math.ceil(total / 25);
    expect(stash.requests).toHaveLength(chunks);
    expect(stats).toMatchObject({
      totalCached: total,
      neededPopulation: total,
      matches: results.length,
      cacheHitRate: 0,
      requests: chunks,
    });
    expect(results.every((p) => p.favorite)).toBe(true);
    // Everything is there now: no request, hit rate 1.
    const again = await store.filterAndPopulateWithStats('Performer', ['favorite'], (p) => p.favorite);
    expect(again.stats.cacheHitRate).toBe(1);
    expect(stash.requests).toHaveLength(chunks);
    await expect(store.filterAndPopulate('Performer', ['nope'], () => true)).rejects.toBeInstanceOf(
      StashValidationError,
    );
  });

  it('populatedFilterIter yields as it goes and stops working after a break', async () => {
    const { store } = await storeWithPerformers(0);
    const seen = [];
    for await (const p of store.populatedFilterIter('Performer', ['gender'], () => true, {
      yieldBatch: 10,
      populateBatch: 5,
    })) {
      seen.push(p);
      if (seen.length === 3) break;
    }
    expect(seen).toHaveLength(3);
    expect(stash.requests).toHaveLength(2);
  });
});
