import { afterEach, describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { devtools } from 'zustand/middleware';
import type { StateCreator } from 'zustand/vanilla';
import { createEntitySlice, useEntity, type EntitySlice } from '../src/index';
import { createEntitySlice as createTypedEntitySlice } from '../src/zustand';
import { React, renderWith, setupTestStash, waitFor, write } from './helpers';
import { render } from '@testing-library/react';
import { StashProvider } from '../src/index';

const stash = setupTestStash(100);

interface UiSlice {
  selected: string | null;
  select(id: string | null): void;
}
const createUiSlice: StateCreator<EntitySlice & UiSlice, [['zustand/devtools', never]], [], UiSlice> = (
  set,
) => ({
  selected: null,
  select: (id) => set({ selected: id }, false, 'ui/select'),
});

// A stand-in for the Redux DevTools extension: records what zustand's devtools middleware sends.
function fakeDevtools() {
  const sent: { action: { type: string }; state: unknown }[] = [];
  const inits: unknown[] = [];
  (window as unknown as Record<string, unknown>).__REDUX_DEVTOOLS_EXTENSION__ = {
    connect: () => ({
      init: (state: unknown) => void inits.push(state),
      send: (action: { type: string }, state: unknown) => void sent.push({ action, state }),
      subscribe: () => () => {},
      unsubscribe: () => {},
      error: () => {},
    }),
  };
  return { sent, inits };
}
afterEach(() => {
  delete (window as unknown as Record<string, unknown>).__REDUX_DEVTOOLS_EXTENSION__;
});

describe('createEntitySlice', () => {
  it('holds the normalized records itself, one copy, and composes with app slices under devtools', async () => {
    const devtoolsLog = fakeDevtools();
    const app = createStore<EntitySlice & UiSlice>()(
      devtools((...a) => ({
        ...createTypedEntitySlice<EntitySlice & UiSlice, [['zustand/devtools', never]]>({ url: stash().url })(
          ...a,
        ),
        ...createUiSlice(...a),
      })),
    );
    const { store, records, version } = app.getState().stash;
    expect(version).toBe(0);
    expect(devtoolsLog.inits).toHaveLength(1);

    const performer = await store.get('Performer', '3', { fields: ['name'] });
    const state = app.getState().stash;
    // The store wrote into the slice's own map: the record the state holds is the store's record.
    expect(state.records).toBe(records);
    expect(state.records.get('Performer')!.get('3')!.snap).toBe(performer);
    expect(state.version).toBe(1);
    expect(state.lastBatchSize).toBe(1);
    expect(devtoolsLog.sent.map((s) => s.action.type)).toEqual(['stash/write']);
    expect((devtoolsLog.sent[0].state as EntitySlice).stash.records.get('Performer')!.size).toBe(1);

    app.getState().select('3');
    expect(app.getState().selected).toBe('3');
    expect(app.getState().stash.store).toBe(store);
    expect(devtoolsLog.sent.map((s) => s.action.type)).toEqual(['stash/write', 'ui/select']);

    // One write batch = one zustand update, whatever its size.
    let updates = 0;
    app.subscribe(() => void updates++);
    store.ingest('Tag', [
      { id: '1', name: 'a' },
      { id: '2', name: 'b' },
      { id: '3', name: 'c' },
    ]);
    expect(updates).toBe(1);
    expect(app.getState().stash.lastBatchSize).toBe(3);
    expect(store.cacheStats().byType).toEqual({ Performer: 1, Tag: 3 });
  });

  it('is what StashProvider takes: hooks read and update through the slice', async () => {
    const app = createStore<EntitySlice>()((...a) => createEntitySlice({ url: stash().url })(...a));
    function Name() {
      const { data } = useEntity('Performer', '5', { fields: ['name'] });
      return <p>{data?.name ?? '…'}</p>;
    }
    const { container } = renderWith(app.getState().stash.store, <Name />);
    await waitFor(() => expect(container.textContent).not.toBe('…'));
    const view = render(
      <StashProvider store={app}>
        <Name />
      </StashProvider>,
    );
    expect(view.container.textContent).toBe(container.textContent);
    await write(() => app.getState().stash.store.ingest('Performer', { id: '5', name: 'Via slice' }));
    expect(view.container.textContent).toBe('Via slice');
    expect(app.getState().stash.records.get('Performer')!.get('5')!.snap.id).toBe('5');
  });

  it('the main entry (no zustand types) composes with zustand directly and under devtools', async () => {
    fakeDevtools();
    const plain = createStore<EntitySlice>()(createEntitySlice({ url: stash().url }));
    const composed = createStore<EntitySlice & UiSlice>()(
      devtools((...a) => ({ ...createEntitySlice({ url: stash().url })(...a), ...createUiSlice(...a) })),
    );
    for (const app of [plain, composed]) {
      await app.getState().stash.store.get('Tag', '2', { fields: ['name'] });
      expect(app.getState().stash.version).toBe(1);
    }
    composed.getState().select('2');
    expect(composed.getState().selected).toBe('2');
  });

  it('StashProvider rejects something that is not a store', () => {
    expect(() => render(<StashProvider store={{} as never} />)).toThrow(/StashProvider: `store` must be/);
  });
});

void React;
