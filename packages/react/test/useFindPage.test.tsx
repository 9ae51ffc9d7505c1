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
});
