// `findPage` against the mock over HTTP: numbered pages with counts and aggregates equal to the
// raw list queries, sorted and filtered pages, caching until the type's lists go stale, and one
// request per tick with the other reads.
import { afterAll, beforeAll, beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import { startTestStash, type TestStash } from '@stashkit/testkit';
import { compileFilter, createStashStore, FindLimitError, StashValidationError } from '../src/index';

let stash: TestStash;
beforeAll(async () => {
  stash = await startTestStash({ size: 200 });
});
afterAll(async () => {
  await stash.close();
});
beforeEach(() => stash.reset());

const newStore = () => createStashStore({ url: stash.url });

const RAW_SCENES = `query ($f: SceneFilterType, $ff: FindFilterType) {
  findScenes(scene_filter: $f, filter: $ff) { count duration filesize scenes { id } }
}`;
const RAW_IMAGES = `query ($f: ImageFilterType) { findImages(image_filter: $f) { count megapixels filesize } }`;

interface RawScenes {
  findScenes: { count: number; duration: number; filesize: number; scenes: { id: string }[] };
}

describe('findPage', () => {
  it('reports count, pages and aggregates equal to a raw findScenes with the same filter', async () => {
    const store = newStore();
    const filters = { title__icontains: 'e' } as const;
    const page = await store.findPage('Scene', filters, { perPage: 25, fields: ['title'] });
    expect(stash.requests).toHaveLength(1);
    const raw = await store.client.execute<RawScenes>(RAW_SCENES, {
      f: compileFilter('Scene', filters),
      ff: { page: 1, per_page: 25 },
    });
    expect(raw.findScenes.count).toBeGreaterThan(25);
    expect(page.count).toBe(raw.findScenes.count);
    expect(page.duration).toBe(raw.findScenes.duration);
    expect(page.filesize).toBe(raw.findScenes.filesize);
    expect(page.items.map((s) => s.id)).toEqual(raw.findScenes.scenes.map((s) => s.id));
    expect(page).toMatchObject({ page: 1, perPage: 25, pages: Math.ceil(raw.findScenes.count / 25) });
    expectTypeOf(page.items[0].title).toEqualTypeOf<string | null>();
    expect(page.items.every((s) => s.title!.toLowerCase().includes('e'))).toBe(true);
  });

  it('reports megapixels and filesize for images', async () => {
    const store = newStore();
    const page = await store.findPage('Image', { rating100__gte: 20 }, { perPage: 5 });
    const raw = await store.client.execute<{
      findImages: { count: number; megapixels: number; filesize: number };
    }>(RAW_IMAGES, { f: compileFilter('Image', { rating100__gte: 20 }) });
    expect(page.count).toBe(raw.findImages.count);
    expect(page.megapixels).toBeCloseTo(raw.findImages.megapixels, 9);
    expect(page.filesize).toBe(raw.findImages.filesize);
    expect(page.items.length).toBe(Math.min(5, raw.findImages.count));
  });

  it('serves page 2 of a sorted, filtered list', async () => {
    const store = newStore();
    const filters = { rating100__gte: 30 } as const;
    const options = { page: 2, perPage: 10, sort: 'title', direction: 'DESC' } as const;
    const page = await store.findPage('Scene', filters, { ...options, fields: ['title', 'rating100'] });
    const raw = await store.client.execute<RawScenes>(RAW_SCENES, {
      f: compileFilter('Scene', filters),
      ff: { page: 2, per_page: 10, sort: 'title', direction: 'DESC' },
    });
    expect(page.items.map((s) => s.id)).toEqual(raw.findScenes.scenes.map((s) => s.id));
    expect(page.items).toHaveLength(10);
    expect(page.page).toBe(2);
    expect(page.items.every((s) => s.rating100! >= 30)).toBe(true);
    const titles = page.items.map((s) => s.title ?? '');
    expect([...titles].sort().reverse()).toEqual(titles);
  });

  it('is cached per (filters, sort, page) until the lists go stale after a mutation', async () => {
    const store = newStore();
    const first = await store.findPage(
      'Scene',
      { title__icontains: 'a' },
      { perPage: 10, fields: ['title'] },
    );
    expect(stash.requests).toHaveLength(1);
    const again = await store.findPage(
      'Scene',
      { title__icontains: 'a' },
      { perPage: 10, fields: ['title'] },
    );
    expect(stash.requests).toHaveLength(1);
    expect(again.items).toEqual(first.items);
    // Another page, sort or filter is its own request.
    await store.findPage('Scene', { title__icontains: 'a' }, { perPage: 10, page: 2, fields: ['title'] });
    await store.findPage(
      'Scene',
      { title__icontains: 'a' },
      { perPage: 10, sort: 'date', fields: ['title'] },
    );
    expect(stash.requests).toHaveLength(3);

    await store.delete(first.items[0]);
    const sent = stash.requests.length;
    const after = await store.findPage(
      'Scene',
      { title__icontains: 'a' },
      { perPage: 10, fields: ['title'] },
    );
    expect(stash.requests).toHaveLength(sent + 1);
    expect(after.count).toBe(first.count - 1);
    expect(after.items.map((s) => s.id)).not.toContain(first.items[0].id);
  });

  it("asks again after a mutation of another type whose rule makes the type's lists stale", async () => {
    const store = newStore();
    const filters = { performers: { value: ['1'], modifier: 'INCLUDES' } } as const;
    const first = await store.findPage('Scene', filters, { perPage: 5, fields: ['title'] });
    expect(first.count).toBeGreaterThan(0);
    const performer = (await store.get('Performer', '1', { fields: ['name'] }))!;
    const epoch = store.listEpoch('Scene');
    const draft = store.edit(performer);
    draft.name = `${performer.name} (renamed)`;
    await store.save(draft); // Performer rule: Scene lists are stale
    expect(store.listEpoch('Scene')).toBe(epoch + 1);
    const sent = stash.requests.length;
    const again = await store.findPage('Scene', filters, { perPage: 5, fields: ['title'] });
    expect(stash.requests).toHaveLength(sent + 1);
    expect(again.count).toBe(first.count);
  });

  it('an answer sent before a save and landing after it neither reverts the save nor is reused', async () => {
    const store = newStore();
    const filters = { id__lte: 20 } as const;
    const options = { perPage: 5, sort: 'date', fields: ['title', 'details'] } as const;
    const first = await store.findPage('Scene', filters, options);
    store.invalidateType('Scene'); // the next findPage asks again
    const held = stash.faults.hold();
    const older = store.findPage('Scene', filters, options);
    await held.executed; // the server has answered with the old title
    const draft = store.edit(first.items[0]);
    draft.title = 'Saved after the page was asked';
    await store.save(draft);
    held.release();
    const landed = await older;
    const item = landed.items.find((s) => s.id === first.items[0].id)!;
    expect(item.title).toBe('Saved after the page was asked');
    expect(store.peek('Scene', item.id)!.title).toBe('Saved after the page was asked');
    expect(store.hasFields(item, 'title')).toBe(true);
    // The landed page predates the save: the next call asks the server again.
    const sent = stash.requests.length;
    const fresh = await store.findPage('Scene', filters, options);
    expect(stash.requests).toHaveLength(sent + 1);
    const raw = await store.client.execute<RawScenes>(RAW_SCENES, {
      f: compileFilter('Scene', filters),
      ff: { page: 1, per_page: 5, sort: 'date' },
    });
    expect(fresh.items.map((s) => s.id)).toEqual(raw.findScenes.scenes.map((s) => s.id));
  });

  it('asks again when an item was invalidated', async () => {
    const store = newStore();
    const first = await store.findPage('Tag', undefined, { perPage: 5 });
    store.invalidate(first.items[2]);
    await store.findPage('Tag', undefined, { perPage: 5 });
    expect(stash.requests).toHaveLength(2);
  });

  it('asks again when an item no longer has the fields the page selected (evicted, then read with others)', async () => {
    for (const fields of [['title', 'studio.name'], undefined] as const) {
      const store = newStore();
      const first = await store.findPage('Scene', { id__lte: 10 }, { perPage: 5, fields });
      const id = first.items[1].id;
      store.evict('Scene', id);
      await store.get('Scene', id, { fields: ['code'] });
      const sent = stash.requests.length;
      const again = await store.findPage('Scene', { id__lte: 10 }, { perPage: 5, fields });
      expect(stash.requests).toHaveLength(sent + 1);
      expect(store.hasFields(again.items[1], 'title', 'studio')).toBe(true);
      expect(again.items[1].title).toBe(first.items[1].title);
    }
  });

  it('is one request per tick with the other reads, identical pages sharing one alias', async () => {
    const store = newStore();
    const [a, b, performer, tags] = await Promise.all([
      store.findPage('Scene', { organized: true }, { perPage: 5, fields: ['title'] }),
      store.findPage('Scene', { organized: true }, { perPage: 5, fields: ['title'] }),
      store.get('Performer', '1', { fields: ['name'] }),
      store.find('Tag', { name__icontains: 'a' }, { fields: ['name'] }),
    ]);
    expect(stash.requests).toHaveLength(1);
    expect(stash.requests[0].query.match(/findScenes/g)).toHaveLength(1);
    expect(a.items).toEqual(b.items);
    expect(performer?.name).toEqual(expect.any(String));
    expect(tags.length).toBeGreaterThan(0);
  });

  it('aborts a shared request only when every caller aborted', async () => {
    const store = newStore();
    const one = new AbortController();
    const two = new AbortController();
    const p1 = store.findPage('Scene', undefined, { perPage: 3, signal: one.signal });
    const p2 = store.findPage('Scene', undefined, { perPage: 3, signal: two.signal });
    one.abort();
    await expect(p1).rejects.toThrow(/aborted/);
    expect((await p2).items).toHaveLength(3);
    const p3 = store.findPage('Scene', undefined, { perPage: 4, signal: one.signal });
    await expect(p3).rejects.toThrow(/aborted/);
    expect(stash.requests).toHaveLength(1);
  });

  it('pages a list query that has no paging (findSavedFilters) itself, and findIter yields each item once', async () => {
    const store = newStore();
    for (let i = 0; i < 5; i++) {
      const draft = store.create('SavedFilter', {
        mode: 'SCENES',
        name: `Saved ${i}`,
        find_filter: {},
        object_filter: {},
        ui_options: {},
      } as never);
      await store.save(draft);
    }
    const all = await store.find('SavedFilter', undefined, { fields: ['name'] });
    expect(all.length).toBeGreaterThanOrEqual(7);
    const ids = all.map((f) => f.id);
    const page = await store.findPage('SavedFilter', undefined, { page: 2, perPage: 3, fields: ['name'] });
    expect(page.items.map((f) => f.id)).toEqual(ids.slice(3, 6));
    expect(page).toMatchObject({ count: ids.length, page: 2, perPage: 3, pages: Math.ceil(ids.length / 3) });
    const seen: string[] = [];
    for await (const f of store.findIter('SavedFilter', undefined, { batch: 3, fields: ['name'] }))
      seen.push(f.id);
    expect(seen).toEqual(ids);
    expect(await store.findOne('SavedFilter', undefined, { fields: ['name'] })).toBe(all[0]);
    // Its list query takes no find filter: sort, direction and q are refused, not ignored.
    const sent = stash.requests.length;
    await expect(store.find('SavedFilter', undefined, { sort: 'name' })).rejects.toThrow(
      /SavedFilter's list query \(findSavedFilters\) takes no q, sort or direction/,
    );
    await expect(store.findPage('SavedFilter', undefined, { q: 'x' })).rejects.toThrow(StashValidationError);
    expect(stash.requests).toHaveLength(sent);
  });

  it('searches with q as a raw findScenes with the same q, and takes retry per call', async () => {
    const store = newStore();
    const page = await store.findPage('Scene', undefined, { q: 'the', perPage: 5, fields: ['title'] });
    const raw = await store.client.execute<RawScenes>(RAW_SCENES, { ff: { q: 'the', page: 1, per_page: 5 } });
    expect(page.count).toBe(raw.findScenes.count);
    expect(page.count).toBeGreaterThan(0);
    expect(page.duration).toBe(raw.findScenes.duration);
    expect(page.items.map((s) => s.id)).toEqual(raw.findScenes.scenes.map((s) => s.id));

    stash.faults.next({ status: 500 });
    const sent = stash.requests.length;
    await expect(store.findPage('Scene', undefined, { q: 'a', retry: false })).rejects.toThrow(/500/);
    expect(stash.requests).toHaveLength(sent + 1);
  });

  it('rejects bad input before any request', async () => {
    const store = newStore();
    await expect(store.findPage('Scene', undefined, { page: 0 })).rejects.toThrow(StashValidationError);
    await expect(store.findPage('Scene', undefined, { perPage: 1001 })).rejects.toThrow(
      /perPage must be an integer from 1 to 1000/,
    );
    await expect(store.findPage('Scene', undefined, { sort: 'nope' })).rejects.toThrow(StashValidationError);
    // @ts-expect-error: misspelt field
    await expect(store.findPage('Scene', undefined, { fields: ['titel'] })).rejects.toThrow(/no field/);
    expect(stash.requests).toHaveLength(0);
  });
});

describe('find and the known count', () => {
  it('refuses a query known to match more than 1000 without fetching rows; the error names findPage and findIter', async () => {
    const big = await startTestStash({ size: 1200 });
    try {
      const store = createStashStore({ url: big.url });
      const page = await store.findPage('Scene', undefined, { perPage: 10, fields: ['title'] });
      expect(page.count).toBeGreaterThan(1000);
      expect(big.requests).toHaveLength(1);
      const error = await store.find('Scene', undefined, { fields: ['title'], sort: 'date' }).catch((e) => e);
      expect(error).toBeInstanceOf(FindLimitError);
      expect((error as FindLimitError).count).toBe(page.count);
      expect((error as Error).message).toMatch(/findPage\(\).*findIter\(\)/);
      expect(big.requests).toHaveLength(1);
      // A narrower filter is not known: it is asked.
      await store.find('Scene', { title__icontains: 'zzzz-none' }, { fields: ['title'] });
      expect(big.requests).toHaveLength(2);
    } finally {
      await big.close();
    }
  });
});
