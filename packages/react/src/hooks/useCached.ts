/**
 * `useCached(type, predicate?)`: a reactive filter over the fresh cached entities of a type. No
 * network. Re-renders when the matches change; memoize `predicate` (`useCallback`) so it is not
 * re-run on every render.
 */
import { CachedObserver, type EntityOf, type EntityTypeArg } from '@stashkit/core';
import { useStashContext } from '../provider/stashContext';
import { useObserver, useObserverResult } from './useObserver';

export function useCached<T extends EntityTypeArg>(
  type: T,
  predicate?: (entity: EntityOf<T>) => boolean,
): readonly EntityOf<T>[] {
  const { store } = useStashContext('useCached');
  const observer = useObserver(store, () => new CachedObserver<T>(store, { type, predicate }));
  observer.setOptions({ type, predicate });
  return useObserverResult(observer);
}
