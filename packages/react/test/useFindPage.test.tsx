import { describe, expect, it } from 'vitest';
import { StashProvider, useFindPage } from '../src/index';
import { act, React, newStore, renderWith, setupTestStash, waitFor } from './helpers';

const stash = setupTestStash(200);

function Table({ page }: { page: number }) {
  const { data, status, isPlaceholder } = useFindPage(
    'Scene',
    { rating100__gte: 20 },
    { page, perPage: 10, sort: 'title', fields: ['title'] },
  );
  if (data === null) return <p>{status}</p>;
  const ids = data.items.map((s) => s.id).join(',');
  return <p>{`${data.page}/${data.pages}:${data.count}:${isPlaceholder ? 'placeholder' : 'page'}:${ids}`}</p>;
}

describe('useFindPage', () => {
  it('shows a numbered page with its count, and keeps the previous page while the next loads', async () => {
    const store = newStore(stash());
    const view = renderWith(store, <Table page={1} />);
    expect(view.container.textContent).toBe('pending');
    await waitFor(() => expect(view.container.textContent).toMatch(/^1\/\d+:\d+:page:/));
    const first = view.container.textContent!;
    const expected = await store.findPage(
      'Scene',
      { rating100__gte: 20 },
      {
        page: 1,
        perPage: 10,
        sort: 'title',
        fields: ['title'],
      },
    );
    expect(first).toContain(`:${expected.count}:page:${expected.items.map((s) => s.id).join(',')}`);
    expect(stash().requests).toHaveLength(1);

    view.rerender(
      <StashProvider store={store}>
        <Table page={2} />
      </StashProvider>,
    );
    // The request for page 2 cannot have been answered yet: page 1 is still shown, flagged.
    expect(view.container.textContent).toBe(first.replace(':page:', ':placeholder:'));
    await waitFor(() => expect(view.container.textContent).toMatch(/^2\/\d+:\d+:page:/));
    expect(stash().requests).toHaveLength(2);

    // Back to page 1: cached, shown without a request.
    view.rerender(
      <StashProvider store={store}>
        <Table page={1} />
      </StashProvider>,
    );
    await waitFor(() => expect(view.container.textContent).toBe(first));
    expect(stash().requests).toHaveLength(2);
  });

  it('asks again in place when a delete makes the lists stale', async () => {
    const store = newStore(stash());
    function Page() {
      const { data } = useFindPage(
        'Scene',
        { rating100__gte: 20 },
        { perPage: 5, sort: 'title', fields: ['title'] },
      );
      return <p>{data === null ? '…' : `${data.count}:${data.items.map((s) => s.id).join(',')}`}</p>;
    }
    const view = renderWith(store, <Page />);
    await waitFor(() => expect(view.container.textContent).toMatch(/^\d+:/));
    const [count, ids] = view.container.textContent!.split(':');
    const gone = ids.split(',')[0];
    await act(() => store.delete(store.peek('Scene', gone)!));
    await waitFor(() => expect(view.container.textContent).toMatch(new RegExp(`^${Number(count) - 1}:`)));
    expect(view.container.textContent!.split(':')[1].split(',')).not.toContain(gone);
    expect(view.container.textContent!.split(':')[1].split(',')).toHaveLength(5);
  });

  it('holds the previous page through a held answer, a filter change and a failed page; a new type starts empty', async () => {
    const store = newStore(stash());
    type Props = { type: 'Scene' | 'Performer'; page: number; min: number };
    function Grid({ type, page, min }: Props) {
      const { data, status, isFetching, isPlaceholder, error } = useFindPage(
        type,
        { rating100__gte: min },
        { page, perPage: 5, sort: 'created_at', fields: ['rating100'] },
      );
      const ids = data?.items.map((s) => s.id).join(',') ?? '-';
      const flags = `${status}${isFetching ? ':fetching' : ''}${isPlaceholder ? ':placeholder' : ''}`;
      return <p>{`${flags}|${data?.page ?? 0}|${ids}|${error?.name ?? ''}`}</p>;
    }
    const ui = (props: Props) => (
      <StashProvider store={store}>
        <Grid {...props} />
      </StashProvider>
    );
    const view = renderWith(store, <Grid type="Scene" page={1} min={20} />);
    await waitFor(() => expect(view.container.textContent).toMatch(/^success\|1\|/));
    const first = view.container.textContent!;
    const firstIds = first.split('|')[2];

    // Page 2: the server has answered but the answer is held, so page 1 stays, flagged.
    const held = stash().faults.hold();
    view.rerender(ui({ type: 'Scene', page: 2, min: 20 }));
    await act(() => held.executed);
    expect(view.container.textContent).toBe(`success:fetching:placeholder|1|${firstIds}|`);
    await act(async () => held.release());
    await waitFor(() => expect(view.container.textContent).toMatch(/^success\|2\|/));
    const secondIds = view.container.textContent!.split('|')[2];
    expect(secondIds).not.toBe(firstIds);

    // Another filter is a placeholder too; a failed page keeps the previous page next to its error.
    stash().faults.next({ status: 500 });
    view.rerender(ui({ type: 'Scene', page: 2, min: 40 }));
    // The render that shows the placeholder already says it is fetching.
    expect(view.container.textContent).toBe(`success:fetching:placeholder|2|${secondIds}|`);
    await waitFor(() => expect(view.container.textContent).toMatch(/^error/));
    expect(view.container.textContent).toMatch(new RegExp(`^error:placeholder\\|2\\|${secondIds}\\|Stash`));

    // Another type shows nothing of the scenes while it loads.
    view.rerender(ui({ type: 'Performer', page: 1, min: 20 }));
    expect(view.container.textContent).toMatch(/^pending(:fetching)?\|0\|-\|$/);
    await waitFor(() => expect(view.container.textContent).toMatch(/^success\|1\|/));

    // Back to a cached page: shown in the same render, not as a placeholder, with no request.
    const requests = stash().requests.length;
    view.rerender(ui({ type: 'Scene', page: 1, min: 20 }));
    expect(view.container.textContent).toBe(`success|1|${firstIds}|`);
    await act(async () => undefined);
    expect(stash().requests.length).toBe(requests);
  });
});
