/**
 * The base of `useSave` and `useDelete`: a `MutationObserver` per component running a store write,
 * with `status`, `isPending`, `error` and `data` as state.
 */
import { MutationObserver, type MutationResult, type StashEntityStore } from '@stashkit/core';
import { useStashContext } from '../provider/stashContext';
import { useObserver, useObserverResult } from './useObserver';

export function useStoreMutation<A extends unknown[], R>(
  hook: string,
  run: (store: StashEntityStore, ...args: A) => Promise<R>,
): MutationResult<A, R> {
  const { store } = useStashContext(hook);
  const observer = useObserver(store, () => new MutationObserver<A, R>((...args) => run(store, ...args)));
  // The closure follows the provider's current store.
  observer.setRun((...args) => run(store, ...args));
  return useObserverResult(observer);
}
