import { Component, Suspense, type ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { StashError, StashValidationError, type Scene } from '@stashkit/core';
import { usePopulate, useEntity, useSuspenseEntity, StashProvider } from '../src/index';
import { React, newStore, renderWith, setupTestStash, waitFor, write } from './helpers';
import { render } from '@testing-library/react';

const stash = setupTestStash(200);

class Boundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override render() {
    return this.state.error ? <p>caught: {this.state.error.message}</p> : this.props.children;
  }
}

// React logs errors caught by boundaries and thrown renders; keep the output readable.
function quietErrors() {
  return vi.spyOn(console, 'error').mockImplementation(() => {});
}

describe('useEntity', () => {
  it('throws a clear error without a StashProvider', () => {
    const spy = quietErrors();
    function Orphan() {
      useEntity('Scene', '1');
      return null;
    }
    expect(() => render(<Orphan />)).toThrow(/useEntity: no StashProvider above this component/);
    spy.mockRestore();
  });

  it('rejects a bad field spec in render, before any request', () => {
    const spy = quietErrors();
    function Bad() {
      // @ts-expect-error: a misspelt literal spec does not compile either
      useEntity('Scene', '1', { fields: ['no_such_field'] });
      return null;
    }
    expect(() => renderWith(newStore(stash()), <Bad />)).toThrow(StashValidationError);
    expect(stash().requests).toHaveLength(0);
    spy.mockRestore();
  });

  it('reports missing entities and errors as state', async () => {
    const store = newStore(stash());
    function View({ id }: { id: string }) {
      const { status, missing, error } = useEntity('Scene', id, { fields: ['title'] });
      return (
        <p>
          {id}:{status}:{String(missing)}:{error === null ? '' : error.name}
        </p>
      );
    }
    stash().faults.next({ status: 500 });
    const failing = renderWith(store, <View id="3" />);
    await waitFor(() => expect(failing.container.textContent).toBe('3:error:false:StashNetworkError'));
    failing.unmount();
    const missing = renderWith(store, <View id="987654" />);
    await waitFor(() => expect(missing.container.textContent).toBe('987654:success:true:'));
  });

  it('coalesces different field selections of the same tick and serves repeats from the cache', async () => {
    const store = newStore(stash());
    function A() {
      const { data } = useEntity('Scene', '5', { fields: ['title'] });
      return <i>{data?.title ?? '…'}</i>;
    }
    function B() {
      const { data } = useEntity('Scene', '5', { fields: ['title', 'studio.name'] as const });
      return <b>{data === null ? '…' : (data.studio?.name ?? 'none')}</b>;
    }
    const { container } = renderWith(
      store,
      <>
        <A />
        <B />
      </>,
    );
    await waitFor(() => expect(container.textContent).not.toContain('…'));
    expect(stash().requests).toHaveLength(1);
    renderWith(store, <A />);
    expect(stash().requests).toHaveLength(1);
  });

  it('suspends until the entity is loaded, then renders it (one request for the siblings)', async () => {
    const store = newStore(stash());
    function Title({ id }: { id: string }) {
      const { data } = useSuspenseEntity('Scene', id, { fields: ['title'] });
      return <li>{data!.id}</li>;
    }
    const { container } = renderWith(
      store,
      <Suspense fallback={<p>loading</p>}>
        <ul>
          <Title id="7" />
          <Title id="8" />
        </ul>
      </Suspense>,
    );
    expect(container.textContent).toBe('loading');
    await waitFor(() => expect(container.textContent).toBe('78'));
    expect(stash().requests.length).toBeLessThanOrEqual(2);
  });

  it('throws errors to the error boundary with suspense', async () => {
    const spy = quietErrors();
    const store = newStore(stash());
    stash().faults.next({ status: 500 });
    function Title() {
      const { data } = useEntity('Scene', '9', { fields: ['title'], suspense: true });
      return <p>{data!.id}</p>;
    }
    const { container } = renderWith(
      store,
      <Boundary>
        <Suspense fallback={<p>loading</p>}>
          <Title />
        </Suspense>
      </Boundary>,
    );
    await waitFor(() => expect(container.textContent).toMatch(/^caught: /));
    spy.mockRestore();
  });

  it('unmounting aborts work nobody else needs', async () => {
    const store = newStore(stash());
    function Name({ id }: { id: string }) {
      const { data } = useEntity('Performer', id, { fields: ['name'] });
      return <p>{data?.name ?? '…'}</p>;
    }
    // Unmounted in the same tick: its read is dropped, nothing is sent.
    renderWith(store, <Name id="11" />).unmount();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stash().requests).toHaveLength(0);

    // Unmounted while its request is in flight: the request is aborted, the answer never lands.
    stash().faults.next({ latencyMs: 300 });
    const view = renderWith(store, <Name id="12" />);
    await waitFor(() => expect(stash().requests).toHaveLength(1));
    view.unmount();
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(store.peek('Performer', '12')).toBeNull();
  });

  it('refetch() asks the server again and re-renders with the answer', async () => {
    const store = newStore(stash());
    let refetch: () => Promise<unknown> = async () => undefined;
    function View() {
      const result = useEntity('Tag', '3', { fields: ['name'] });
      refetch = result.refetch;
      return <p>{result.isFetching ? 'fetching' : result.status}</p>;
    }
    const { container } = renderWith(store, <View />);
    await waitFor(() => expect(container.textContent).toBe('success'));
    await write(() => void refetch());
    await waitFor(() => expect(container.textContent).toBe('success'));
    expect(stash().requests).toHaveLength(2);
  });
});

describe('usePopulate', () => {
  it('fetches only the missing fields of an entity it is given', async () => {
    const store = newStore(stash());
    const [scene] = await store.find('Scene', { id__lte: 1 }, { fields: ['title'] });
    stash().reset();
    function Details({ scene }: { scene: Pick<Scene, '__typename' | 'id'> }) {
      const { data } = usePopulate(scene, ['details', 'studio.name'] as const);
      return <p>{data === null ? '…' : `${data.id}:${typeof data.details}`}</p>;
    }
    const { container } = renderWith(store, <Details scene={scene} />);
    await waitFor(() => expect(container.textContent).not.toBe('…'));
    expect(container.textContent).toMatch(/^1:(string|object)$/);
    expect(stash().requests).toHaveLength(1);
    expect(stash().requests[0].query).not.toMatch(/\btitle\b/);
  });

  it('is idle for a null entity', () => {
    const store = newStore(stash());
    function Details() {
      const { status } = usePopulate(null as Scene | null, ['details']);
      return <p>{status}</p>;
    }
    const { container } = render(
      <StashProvider store={store}>
        <Details />
      </StashProvider>,
    );
    expect(container.textContent).toBe('idle');
    expect(stash().requests).toHaveLength(0);
  });
});

// Keeps `React` used for the classic JSX factory in older setups.
void React;
void StashError;
