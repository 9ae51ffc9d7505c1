import { describe, expect, it } from 'vitest';
import { StashProvider, useFind, useFindIter } from '../src/index';
import { act, React, newStore, renderWith, setupTestStash, waitFor, write } from './helpers';

const stash = setupTestStash(200);

describe('useFind', () => {
  it('lists matches as current entities; an edit re-renders the list', async () => {
    const store = newStore(stash());
    let renders = 0;
    function List() {
      const { data, status } = useFind('Scene', { id__lte: 3 }, { fields: ['title'], sort: 'id' });
      renders++;
      return <p>{status === 'success' ? data!.map((s) => `${s.id}=${s.title}`).join('|') : status}</p>;
    }
    const { container } = renderWith(store, <List />);
    await waitFor(() => expect(container.textContent).toMatch(/^1=.*\|2=.*\|3=/));
    expect(stash().requests).toHaveLength(1);
    const before = renders;
    await write(() => store.ingest('Scene', { id: '2', title: 'Edited' }));
    expect(container.textContent).toContain('2=Edited');
    expect(renders).toBe(before + 1);
    await write(() => store.ingest('Scene', { id: '2', details: 'not listed' }));
    expect(renders).toBe(before + 1);
  });

  it('asks again when the filters change', async () => {
    const store = newStore(stash());
    function List({ max }: { max: number }) {
      const { data } = useFind('Scene', { id__lte: max }, { fields: ['title'], sort: 'id' });
      return <p>{data === null ? '…' : data.length}</p>;
    }
    const view = renderWith(store, <List max={2} />);
    await waitFor(() => expect(view.container.textContent).toBe('2'));
    view.rerender(
      <StashProvider store={store}>
        <List max={4} />
      </StashProvider>,
    );
    await waitFor(() => expect(view.container.textContent).toBe('4'));
    expect(stash().requests).toHaveLength(2);
  });
});

describe('useFindIter', () => {
  it('loads the first page, then more on demand, with progress', async () => {
    const store = newStore(stash());
    let loadMore: () => Promise<void> = async () => undefined;
    function Pages() {
      const r = useFindIter('Scene', { id__lte: 12 }, { batch: 5, fields: ['title'], sort: 'id' });
      loadMore = r.loadMore;
      return (
        <p>
          {r.status}:{r.items.length}/{String(r.total)}:{String(r.hasMore)}
        </p>
      );
    }
    const { container } = renderWith(store, <Pages />);
    await waitFor(() => expect(container.textContent).toBe('success:5/12:true'));
    await act(() => loadMore());
    await waitFor(() => expect(container.textContent).toBe('success:10/12:true'));
    await act(() => loadMore());
    await waitFor(() => expect(container.textContent).toBe('success:12/12:false'));
    expect(stash().requests).toHaveLength(3);
  });
});

void React;
