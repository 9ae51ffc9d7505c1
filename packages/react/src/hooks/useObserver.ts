/**
 * The shape every hook shares (TanStack's `useBaseQuery`): one observer per component, created
 * once and replaced only if the provider's store changes; its result read through
 * `useSyncExternalStore` from the shim, which uses React's own on 18+ and an effect-based
 * fallback on React 17 (the Stash plugin host).
 */
import { useState } from 'react';
import { unstable_batchedUpdates } from 'react-dom';
import { useSyncExternalStore } from 'use-sync-external-store/shim';
import { notifyManager, type StashEntityStore } from '@stashkit/core';

// React 17 batches only inside its own event handlers: notifications of one write share a commit.
notifyManager.setBatchNotifyFunction((callback) => unstable_batchedUpdates(callback));

interface Observed<R> {
  subscribe(listener: () => void): () => void;
  getResult(): R;
}

/** The component's observer for `store` (re-created when the provider's store changes). */
export function useObserver<O extends Observed<unknown>>(store: StashEntityStore, create: () => O): O {
  const [state, setState] = useState(() => ({ store, observer: create() }));
  if (state.store !== store) {
    // Derived state: React re-renders at once with the new observer.
    const next = { store, observer: create() };
    setState(next);
    return next.observer;
  }
  return state.observer;
}

/** Subscribes the component to the observer's result. */
export function useObserverResult<R>(observer: Observed<R>): R {
  return useSyncExternalStore(observer.subscribe, observer.getResult, observer.getResult);
}
