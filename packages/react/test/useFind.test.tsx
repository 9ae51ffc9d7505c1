import { describe, expect, it } from 'vitest';
import { StashProvider, useDelete, useFind, useFindIter, useSave } from '../src/index';
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

describe('useFind after mutations', () => {
  const reads = () => stash().requests.filter((r) => !r.query.trimStart().startsWith('mutation'));

  it('a saved match appears after one refetch; a deleted one disappears at once', async () => {
    const store = newStore(stash());
    let save!: (draft: object) => Promise<unknown>;
    let remove!: (entity: object) => Promise<void>;
    function Tags() {
      const { data, isFetching } = useFind(
        'Tag',
        { name__icontains: 'zqx' },
        { fields: ['name'], sort: 'name' },
      );
      save = useSave().save;
      remove = useDelete().remove;
      return <p>{data === null ? '…' : `${data.map((t) => t.name).join(',')}${isFetching ? '…' : ''}`}</p>;
    }
    const { container } = renderWith(store, <Tags />);
    await waitFor(() => expect(container.textContent).toBe(''));
    expect(reads()).toHaveLength(1);

    let saved: { id: string } | undefined;
    await act(async () => {
      saved = (await save(store.create('Tag', { name: 'zqx react' }))) as { id: string };
    });
    await waitFor(() => expect(container.textContent).toBe('zqx react'));
    expect(reads()).toHaveLength(2);

    const before = stash().requests.length;
    await act(async () => {
      await remove(saved!);
    });
    // Gone when the delete resolves, before any list request (one follows: Tag lists went stale).
    expect(stash().requests.length - before).toBe(1);
    expect(container.textContent).toMatch(/^…?$/);
    await waitFor(() => expect(reads()).toHaveLength(3));
    await waitFor(() => expect(container.textContent).toBe(''));
  });

  it('an unmounted list does not refetch', async () => {
    const store = newStore(stash());
    function Tags() {
      const { data } = useFind('Tag', { name__icontains: 'zqx' }, { fields: ['name'] });
      return <p>{data === null ? '…' : data.length}</p>;
    }
    const view = renderWith(store, <Tags />);
    await waitFor(() => expect(view.container.textContent).toBe('0'));
    view.unmount();
    await act(async () => {
      await store.save(store.create('Tag', { name: 'zqx unmounted' }));
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    expect(reads()).toHaveLength(1);
  });

  it('unmounting aborts the list request: it was sent, its answer is never written', async () => {
    const store = newStore(stash());
    function Tags() {
      const { data } = useFind('Tag', { name__icontains: 'a' }, { fields: ['name'] });
      return <p>{data === null ? '…' : data.length}</p>;
    }
    stash().faults.next({ latencyMs: 300 });
    const view = renderWith(store, <Tags />, true);
    await waitFor(() => expect(stash().requests).toHaveLength(1));
    view.unmount();
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(stash().requests).toHaveLength(1);
    expect(store.cacheStats().totalEntries).toBe(0);
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

  it('loadMore after a failed page asks for that page again', async () => {
    const store = newStore(stash());
    let loadMore: () => Promise<void> = async () => undefined;
    function Pages() {
      const r = useFindIter('Scene', { id__lte: 12 }, { batch: 5, fields: ['title'], sort: 'id' });
      loadMore = r.loadMore;
      return (
        <p>
          {r.status}:{r.items.map((s) => s.id).join(',')}
        </p>
      );
    }
    const { container } = renderWith(store, <Pages />);
    await waitFor(() => expect(container.textContent).toBe('success:1,2,3,4,5'));
    stash().faults.next({ status: 500 });
    await act(() => loadMore().catch(() => undefined));
    await waitFor(() => expect(container.textContent).toBe('error:1,2,3,4,5'));
    await act(() => loadMore());
    await waitFor(() => expect(container.textContent).toBe('success:1,2,3,4,5,6,7,8,9,10'));
    const pages = stash().requests.map(
      (r) =>
        (Object.values(r.variables ?? {}).find((v) => (v as { page?: number }).page) as { page: number })
          .page,
    );
    expect(pages).toEqual([1, 2, 2]);
  });

  it('refetches the loaded pages after a save, and aborts its page on unmount', async () => {
    const store = newStore(stash());
    function Pages() {
      const r = useFindIter('Tag', undefined, { batch: 5, fields: ['name'], sort: 'id', direction: 'DESC' });
      return (
        <p>
          {r.items[0]?.name ?? '…'}:{r.loaded}/{String(r.total)}
        </p>
      );
    }
    const view = renderWith(store, <Pages />);
    await waitFor(() => expect(view.container.textContent).toMatch(/:5\/30$/));
    await act(async () => {
      await store.save(store.create('Tag', { name: 'zqx pages' }));
    });
    await waitFor(() => expect(view.container.textContent).toBe('zqx pages:5/31'));
    const lists = stash().requests.filter((r) => r.query.includes('findTags'));
    expect(lists).toHaveLength(2);
    view.unmount();

    stash().faults.next({ latencyMs: 300 });
    const other = newStore(stash());
    const again = renderWith(other, <Pages />);
    await waitFor(() => expect(stash().requests.filter((r) => r.query.includes('findTags'))).toHaveLength(3));
    again.unmount();
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(other.cacheStats().totalEntries).toBe(0);
  });
});

describe('isFetching after an option change', () => {
  it('the render with new filters already says isFetching (useFind and useFindIter)', async () => {
    const store = newStore(stash());
    const renders: string[] = [];
    function Lists({ max }: { max: number }) {
      const list = useFind('Scene', { id__lte: max }, { fields: ['title'], sort: 'id' });
      const iter = useFindIter('Scene', { id__lte: max }, { batch: 2, fields: ['title'], sort: 'id' });
      const text = `${list.status}${list.isFetching ? ':fetching' : ''}=${list.data?.length ?? '-'}|${iter.status}${iter.isFetching ? ':fetching' : ''}=${iter.items.length}/${String(iter.total)}`;
      renders.push(text);
      return <p>{text}</p>;
    }
    const ui = (max: number) => (
      <StashProvider store={store}>
        <Lists max={max} />
      </StashProvider>
    );
    const view = renderWith(store, <Lists max={3} />);
    await waitFor(() => expect(view.container.textContent).toBe('success=3|success=2/3'));

    // The tick's two reads share one request; its answer is held, so what shows until it lands
    // comes from the option change alone.
    const held = stash().faults.hold();
    renders.length = 0;
    view.rerender(ui(5));
    expect(renders[0]).toBe('pending:fetching=-|pending:fetching=0/undefined');
    await act(() => held.executed);
    expect(view.container.textContent).toBe('pending:fetching=-|pending:fetching=0/undefined');
    await act(async () => held.release());
    await waitFor(() => expect(view.container.textContent).toBe('success=5|success=2/5'));
    // No render ever showed a list with nothing to show and nothing coming.
    expect(renders.filter((r) => /pending[=]/.test(r))).toEqual([]);
    expect(stash().requests).toHaveLength(2);
  });
});

void React;
