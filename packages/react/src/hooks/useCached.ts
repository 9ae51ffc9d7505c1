/**
 * `useCached(type, predicate?, { fields? })`: a reactive filter over the fresh cached entities of a
 * type. No network. The predicate sees live snapshots; the result holds plain data (`fields`, or
 * each entity as received with links as their small set), structurally shared: it re-renders when
 * the matches or their selected values change. Memoize `predicate` (`useCallback`) so it is not
 * re-run on every render.
 */
import {
  CachedObserver,
  type CheckedSpecs,
  type EntityOf,
  type EntityTypeArg,
  type SelectionOf,
} from '@stashkit/core';
import { useStashContext } from '../provider/stashContext';
import { useObserver, useObserverResult } from './useObserver';

export interface UseCachedOptions<F extends readonly string[] | undefined = readonly string[] | undefined> {
  /** Field specs each item holds (`'title'`, `'studio.name'`); only cached values are read. */
  fields?: F;
}

export function useCached<T extends EntityTypeArg, const F extends readonly string[] | undefined = undefined>(
  type: T,
  predicate?: (entity: EntityOf<T>) => boolean,
  options: UseCachedOptions<F & CheckedSpecs<EntityOf<T>, NoInfer<F>>> = {},
): readonly SelectionOf<EntityOf<T>, F>[] {
  const { store } = useStashContext('useCached');
  const observerOptions = { type, predicate, fields: options.fields };
  const observer = useObserver(
    store,
    () => new CachedObserver<T, SelectionOf<EntityOf<T>, F>>(store, observerOptions),
  );
  observer.setOptions(observerOptions);
  return useObserverResult(observer);
}
