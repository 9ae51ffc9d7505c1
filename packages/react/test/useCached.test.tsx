import { useCallback } from 'react';
import { describe, expect, it } from 'vitest';
import { useCached, useCacheStats } from '../src/index';
import { React, newStore, renderWith, setupTestStash, write } from './helpers';

const stash = setupTestStash(50);

describe('useCached', () => {
  it('filters the cache reactively, without requests', async () => {
    const store = newStore(stash());
    let renders = 0;
    function Favourites() {
      const favourite = useCallback((t: { name?: unknown }) => String(t.name).startsWith('fav'), []);
      const tags = useCached('Tag', favourite);
      renders++;
      return <p>{tags.map((t) => t.id).join(',')}</p>;
    }
    const { container } = renderWith(store, <Favourites />);
    expect(container.textContent).toBe('');
    await write(() =>
      store.ingest('Tag', [
        { id: '1', name: 'fav one' },
        { id: '2', name: 'other' },
      ]),
    );
    expect(container.textContent).toBe('1');
    const before = renders;
    await write(() => store.ingest('Tag', { id: '2', name: 'still other' }));
    expect(renders).toBe(before);
    await write(() => store.ingest('Tag', { id: '2', name: 'fav two' }));
    expect(container.textContent).toBe('1,2');
    expect(stash().requests).toHaveLength(0);
  });
});

describe('useCacheStats', () => {
  it('shows the store cache stats as they change', async () => {
    const store = newStore(stash());
    function Stats() {
      const { totalEntries, byType } = useCacheStats();
      return <p>{`${totalEntries}:${JSON.stringify(byType)}`}</p>;
    }
    const { container } = renderWith(store, <Stats />);
    expect(container.textContent).toBe('0:{}');
    await write(() =>
      store.ingest('Performer', [
        { id: '1', name: 'a' },
        { id: '2', name: 'b' },
      ]),
    );
    expect(container.textContent).toBe('2:{"Performer":2}');
    await write(() => store.evict('Performer', '1'));
    expect(container.textContent).toBe('1:{"Performer":1}');
  });
});

void React;
