import { describe, expect, it } from 'vitest';
import { createStashStore, StashValidationError } from '../src/index';

// TTL with an injected clock: no real time passes.
function setup(defaultTtl?: number | null) {
  let t = 1_000_000;
  const store = createStashStore({ url: 'http://127.0.0.1:9/graphql', now: () => t, defaultTtl });
  return { store, advance: (seconds: number) => void (t += seconds * 1000) };
}
const tag = (id: string) => ({ __typename: 'Tag', id, name: 'T' + id });

describe('TTL', () => {
  it('expires records after the default TTL (strictly greater), keeping them for peek', () => {
    const { store, advance } = setup(60);
    const t1 = store.ingest('Tag', tag('1'));
    advance(60);
    expect(store.getCached('Tag', '1')).toBe(t1);
    advance(1);
    expect(store.getCached('Tag', '1')).toBeNull();
    expect(store.isCached('Tag', '1')).toBe(false);
    expect(store.peek('Tag', '1')).toBe(t1);
    expect(store.cacheStats()).toEqual({ totalEntries: 1, byType: { Tag: 1 }, expired: 1 });
    expect(store.allCached('Tag')).toEqual([]);
    // A refetch (here: ingest) makes it fresh again with the same identity when nothing changed.
    expect(store.ingest('Tag', tag('1'))).toBe(t1);
    expect(store.getCached('Tag', '1')).toBe(t1);
  });

  it('supports never-expiring types, per-type TTLs and going back to the default', () => {
    const { store, advance } = setup(60);
    store.ingest('Tag', tag('1'));
    store.ingest('Studio', { __typename: 'Studio', id: '1', name: 'S' });
    store.setTtl('Tag', null);
    store.setTtl('Studio', 10);
    advance(11);
    expect(store.isCached('Tag', '1')).toBe(true);
    expect(store.isCached('Studio', '1')).toBe(false);
    advance(100);
    expect(store.isCached('Tag', '1')).toBe(true);
    store.resetTtl('Tag');
    expect(store.isCached('Tag', '1')).toBe(false);
    store.setTtl('Studio', undefined);
    expect(store.cacheStats().expired).toBe(2);
  });

  it('never expires with defaultTtl null', () => {
    const { store, advance } = setup(null);
    store.ingest('Tag', tag('1'));
    advance(10 ** 9);
    expect(store.isCached('Tag', '1')).toBe(true);
  });

  it('rejects bad TTL values', () => {
    const { store } = setup();
    expect(() => store.setTtl('Tag', -1)).toThrow(StashValidationError);
    expect(() => store.setTtl('Tag', '5' as never)).toThrow(StashValidationError);
    expect(() => store.setTtl('Nope' as never, 5)).toThrow(/unknown entity type/);
  });

  it('invalidate marks stale without breaking identity or links; evict and clear forget', () => {
    const { store } = setup();
    const scene = store.ingest('Scene', { __typename: 'Scene', id: '1', tags: [tag('1'), tag('2')] });
    const kinds: string[] = [];
    store.subscribe((b) =>
      kinds.push(
        [...b.changes.values()]
          .map((c) => c.key + ':' + c.kind)
          .sort()
          .join(','),
      ),
    );
    store.invalidate('Tag', '1');
    expect(store.getCached('Tag', '1')).toBeNull();
    expect(scene.tags[0].name).toBe('T1');
    expect(store.cacheStats()).toMatchObject({ totalEntries: 3, expired: 1 });
    store.invalidate(scene);
    store.invalidateType('Tag');
    expect(store.cacheStats().expired).toBe(3);
    store.ingest('Tag', tag('2'));
    expect(store.isCached('Tag', '2')).toBe(true);
    store.invalidateAll();
    expect(store.cacheStats().expired).toBe(3);
    store.evict('Tag', '1');
    expect(store.peek('Tag', '1')).toBeNull();
    expect([...store.missingFields(scene, 'tags.name')]).toEqual(['tags.name']);
    expect(store.cacheStats().totalEntries).toBe(2);
    store.clear();
    expect(store.cacheStats()).toEqual({ totalEntries: 0, byType: {}, expired: 0 });
    expect(kinds).toEqual([
      'Tag:1:invalidated',
      'Scene:1:invalidated',
      'Tag:2:invalidated',
      'Tag:2:invalidated',
      // The scene's tags linked the evicted tag: no longer received (read again through the scene).
      'Scene:1:updated,Tag:1:removed',
      'Scene:1:removed,Tag:2:removed',
    ]);
  });
});
