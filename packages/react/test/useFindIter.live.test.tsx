// A mounted useFindIter and Stash's job events (store.connectLive over graphql-ws, real HTTP and
// websocket against the mock): a finished scan shows the new scenes after exactly one refetch.
import { createStashStore } from '@stashkit/core';
import { createManualClock, type ManualClock } from '@stashkit/mock';
import { startTestStash, type TestStash } from '@stashkit/testkit';
import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { useFindIter } from '../src/index';
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
});

void React;
