import { describe, expect, it } from 'vitest';
import type { MutationResult } from '@stashkit/core';
import { useDelete, useEntity, useSave, type UseDeleteResult, type UseSaveResult } from '../src/index';
import { act, React, newStore, renderWith, setupTestStash, waitFor } from './helpers';

const stash = setupTestStash(100);

type Draft = ReturnType<ReturnType<typeof newStore>['edit']>;

describe('useSave', () => {
  it('saves a draft with pending state; every reader of the entity re-renders', async () => {
    const store = newStore(stash());
    const scene = (await store.get('Scene', '4', { fields: ['title'] }))!;
    let saver!: UseSaveResult<Draft, unknown>;
    function Title() {
      const { data } = useEntity('Scene', '4', { fields: ['title'] });
      return <h1>{data?.title}</h1>;
    }
    function Status() {
      saver = useSave<Draft>();
      return <p>{saver.status}</p>;
    }
    const { container } = renderWith(
      store,
      <>
        <Title />
        <Status />
      </>,
    );
    expect(container.textContent).toBe(`${scene.title}idle`);
    const draft = store.edit(scene);
    draft.title = 'Saved through useSave';
    let pending!: Promise<unknown>;
    await act(async () => {
      pending = saver.save(draft);
      await Promise.resolve();
    });
    expect(container.querySelector('p')!.textContent).toBe('pending');
    await act(async () => {
      await pending;
    });
    expect(container.textContent).toBe('Saved through useSavesuccess');
    expect(draft.isDirty).toBe(false);
  });

  it('keeps the draft dirty and reports the error when the save fails', async () => {
    const store = newStore(stash());
    const scene = (await store.get('Scene', '5', { fields: ['title'] }))!;
    let saver!: UseSaveResult<Draft, unknown>;
    function Status() {
      saver = useSave<Draft>();
      return <p>{saver.error === null ? saver.status : `${saver.status}: ${saver.error.name}`}</p>;
    }
    const { container } = renderWith(store, <Status />);
    const draft = store.edit(scene);
    draft.title = 'Never saved';
    stash().faults.next({ status: 500 });
    await act(async () => {
      await saver.save(draft).catch(() => undefined);
    });
    expect(container.textContent).toBe('error: StashNetworkError');
    expect(draft.isDirty).toBe(true);
    expect(store.peek('Scene', '5')!.title).toBe(scene.title);
    act(() => saver.reset());
    await waitFor(() => expect(container.textContent).toBe('idle'));
  });
});

describe('useDelete', () => {
  it('deletes an entity; its readers see it missing', async () => {
    const store = newStore(stash());
    const tag = (await store.get('Tag', '7', { fields: ['name'] }))!;
    let deleter!: UseDeleteResult<typeof tag>;
    function View() {
      const { missing, data } = useEntity('Tag', '7', { fields: ['name'] });
      deleter = useDelete<typeof tag>();
      return <p>{`${deleter.status}:${missing ? 'missing' : data?.name}`}</p>;
    }
    const { container } = renderWith(store, <View />);
    expect(container.textContent).toBe(`idle:${tag.name}`);
    await act(async () => {
      await deleter.remove(tag);
    });
    await waitFor(() => expect(container.textContent).toBe('success:missing'));
    const mutation: MutationResult<[typeof tag, Record<string, unknown>?], void> = deleter;
    expect(mutation.isPending).toBe(false);
  });
});

void React;
