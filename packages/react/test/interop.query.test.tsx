// TanStack Query interop (React 18+ only: TanStack Query v5 needs useSyncExternalStore from React).
import { describe, expect, it } from 'vitest';
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { findQueryKey } from '@stashkit/core';
import { StashProvider, stashQueryOptions, useFind } from '../src/index';
import { React, newStore, setupTestStash, waitFor } from './helpers';

const stash = setupTestStash(100);

describe('TanStack Query interop', () => {
  it('runs useFind through a shared QueryClient, so the list shows in its cache (and devtools)', async () => {
    const store = newStore(stash());
    const queryClient = new QueryClient();
    function List() {
      const { data } = useFind('Scene', { id__lte: 3 }, { fields: ['title'], sort: 'id' });
      return <p>{data === null ? '…' : data.map((s) => s.id).join(',')}</p>;
    }
    const { container } = render(
      <QueryClientProvider client={queryClient}>
        <StashProvider store={store} queryClient={queryClient}>
          <List />
        </StashProvider>
      </QueryClientProvider>,
    );
    await waitFor(() => expect(container.textContent).toBe('1,2,3'));
    const key = findQueryKey('Scene', { id__lte: 3 }, { fields: ['title'], sort: 'id' });
    const query = queryClient.getQueryCache().find({ queryKey: key });
    expect(query?.state.status).toBe('success');
    const items = query!.state.data as { id: string }[];
    // The cached data are the store's normalized snapshots, not copies.
    expect(items[0]).toBe(store.peek('Scene', '1'));
    expect(stash().requests).toHaveLength(1);
  });

  it('query-options helpers give useQuery normalized entities', async () => {
    const store = newStore(stash());
    const queryClient = new QueryClient();
    function Titles() {
      const list = useQuery(
        stashQueryOptions.find(store, 'Scene', { id__lte: 2 }, { fields: ['title'], sort: 'id' }),
      );
      const one = useQuery(stashQueryOptions.entity(store, 'Scene', '2', { fields: ['title', 'details'] }));
      if (list.data === undefined || one.data === undefined) return <p>…</p>;
      return <p>{`${list.data.map((s) => s.id).join(',')}|${one.data?.id}`}</p>;
    }
    const { container } = render(
      <QueryClientProvider client={queryClient}>
        <Titles />
      </QueryClientProvider>,
    );
    await waitFor(() => expect(container.textContent).toBe('1,2|2'));
    // Both reads of the tick went out together.
    expect(stash().requests).toHaveLength(1);
    expect(store.hasFields(store.peek('Scene', '2')!, 'details')).toBe(true);
  });
});

void React;
