/**
 * `StashProvider`: makes a store the app created available to the hooks. It takes either a
 * `StashEntityStore` or a Zustand store holding an entity slice (`createEntitySlice`), and
 * optionally the app's TanStack `QueryClient`, through which list queries then run.
 * Written without JSX so the package needs no `react/jsx-runtime` (Stash's plugin host lacks it).
 */
import { createElement, useMemo, type ReactNode } from 'react';
import { StashError, type QueryClientLike, type StashEntityStore } from '@stashkit/core';
import type { EntitySlice } from '../slice/createEntitySlice';
import { StashContext, type StashContextValue } from './stashContext';

/** Anything with zustand's `getState` whose state has the entity slice (a bound store hook works too). */
export interface EntitySliceStore {
  getState(): EntitySlice;
}

export interface StashProviderProps {
  /** A store on any model (`createStashStore({ model })` too); the hooks are typed by the bundled one. */
  store: StashEntityStore<any> | EntitySliceStore;
  /** A TanStack Query `QueryClient` to share: `useFind` queries run through it and show in its devtools. */
  queryClient?: QueryClientLike;
  children?: ReactNode;
}

export function StashProvider({ store, queryClient, children }: StashProviderProps) {
  const value = useMemo<StashContextValue>(
    () => ({ store: resolveStore(store), queryClient }),
    [store, queryClient],
  );
  return createElement(StashContext.Provider, { value }, children);
}

function isEntityStore(value: unknown): value is StashEntityStore<any> {
  const v = value as Partial<StashEntityStore> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.peek === 'function' &&
    typeof v.get === 'function' &&
    typeof v.subscribe === 'function'
  );
}

function resolveStore(store: StashProviderProps['store']): StashEntityStore {
  if (isEntityStore(store)) return store;
  const state =
    typeof (store as EntitySliceStore | null)?.getState === 'function' ? store.getState() : undefined;
  if (isEntityStore(state?.stash?.store)) return state.stash.store;
  throw new StashError(
    'StashProvider: `store` must be a StashEntityStore or a Zustand store with an entity slice (createEntitySlice)',
  );
}
