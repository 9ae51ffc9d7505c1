// A mounted useFindIter and Stash's job events (store.connectLive over graphql-ws, real HTTP and
// websocket against the mock): a finished scan shows the new scenes after exactly one refetch.
import { createStashStore } from '@stashkit/core';
import { createManualClock, type ManualClock } from '@stashkit/mock';
import { startTestStash, type TestStash } from '@stashkit/testkit';
import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { useFindIter, useLive } from '../src/index';
import { React, renderWith, waitFor } from './helpers';

const KEY = 'react-live-key';
let stash: TestStash;
let clock: ManualClock;
beforeAll(async () => {
  clock = createManualClock(Date.UTC(2026, 0, 1));
  stash = await startTestStash({ size: 30, apiKey: KEY, jobs: { clock, durationMs: 1000, steps: 2 } });
});
afterEach(() => cleanup());
afterAll(() => stash.close());

const sceneReads = () => stash.requests.filter((r) => r.status !== 101 && r.query.includes('findScenes'));

describe('useFindIter with live events', () => {
  it('shows the scenes a scan added after exactly one refetch', async () => {
    const store = createStashStore({ url: stash.url, apiKey: KEY, retry: false });
    function Scenes() {
      const r = useFindIter('Scene', undefined, { batch: 50, fields: ['title'], sort: 'id' });
      return (
        <p>
          {r.status}:{r.items.length}/{String(r.total)}
        </p>
      );
    }
    const view = renderWith(store, <Scenes />);
    await waitFor(() => expect(view.container.textContent).toBe('success:30/30'));
    const live = await store.connectLive({ webSocketImpl: WebSocket });
    await vi.waitFor(() => {
      expect(live.state.status).toBe('connected');
      expect(stash.runtime.scanComplete.size).toBe(1);
      expect(stash.runtime.jobs.updates.size).toBe(1);
    });
    const before = sceneReads().length;
    const epoch = store.listEpoch('Scene');
    const finished = new Promise((resolve) => live.onEvent((e) => e.kind === 'job' && resolve(e)));

    await fetch(stash.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ApiKey: KEY },
      body: JSON.stringify({ query: 'mutation MetadataScan { metadataScan(input: {}) }' }),
    });
    clock.advance(1000);
    await waitFor(() => expect(view.container.textContent).toBe('success:33/33'));
    await finished;
    expect(store.listEpoch('Scene') - epoch).toBe(1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(sceneReads().length - before).toBe(1);
    view.unmount();
    store.dispose();
    expect(live.state.status).toBe('closed');
  });

  it('useLive connects while mounted, shows its state, and closes on unmount', async () => {
    const store = createStashStore({ url: stash.url, apiKey: KEY, retry: false });
    function Status() {
      const state = useLive({ webSocketImpl: WebSocket });
      return <p>{state === null ? 'none' : `${state.status}:${state.connections}`}</p>;
    }
    const view = renderWith(store, <Status />);
    await waitFor(() => expect(view.container.textContent).toBe('connected:1'));
    await vi.waitFor(() => expect(stash.runtime.jobs.updates.size).toBe(1));
    view.unmount();
    await vi.waitFor(() => expect(stash.runtime.jobs.updates.size).toBe(0));
  });

  it('useLive throws to the error boundary when no connection can open', async () => {
    const store = createStashStore({ url: stash.url, apiKey: KEY });
    store.dispose();
    // React reports errors caught by a boundary on console.error.
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    class Boundary extends React.Component<{ children: React.ReactNode }, { error: string | null }> {
      override state = { error: null as string | null };
      static getDerivedStateFromError(error: Error) {
        return { error: error.message };
      }
      override render() {
        return this.state.error ?? this.props.children;
      }
    }
    function Status() {
      const state = useLive({ webSocketImpl: WebSocket });
      return <p>{state?.status ?? 'none'}</p>;
    }
    const view = renderWith(
      store,
      <Boundary>
        <Status />
      </Boundary>,
    );
    await waitFor(() =>
      expect(view.container.textContent).toBe('StashEntityStore: connectLive() after dispose()'),
    );
    quiet.mockRestore();
  });
});

void React;
