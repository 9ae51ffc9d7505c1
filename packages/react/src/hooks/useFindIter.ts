/**
 * `useFindIter(type, filters, { batch, fields })`: paged matches for lists that grow ("load more",
 * infinite scroll). The first page loads on mount; `loadMore()` fetches the next `batch` (after a
 * failure, the same page again). A mutation that makes the type's lists stale refetches the loaded
 * pages in one request; unmounting aborts the page in flight.
 */
import {
  FindIterObserver,
  type EntityOf,
  type EntityTypeName,
  type FiltersOf,
  type FindIterOptions,
  type FindIterResult,
  type SelectionOf,
  type CheckedSpecs,
} from '@stashkit/core';
import { useStashContext } from '../provider/stashContext';
import { checkHookOptions } from './hookOptions';
import { useObserver, useObserverResult } from './useObserver';

export interface UseFindIterOptions<
  F extends readonly string[] | undefined = readonly string[] | undefined,
> extends Omit<FindIterOptions, 'fields' | 'signal'> {
  fields?: F;
  enabled?: boolean;
}

export function useFindIter<
  T extends EntityTypeName,
  const F extends readonly string[] | undefined = undefined,
>(
  type: T,
  filters?: FiltersOf<T>,
  options: UseFindIterOptions<F & CheckedSpecs<EntityOf<T>, NoInfer<F>>> = {},
): FindIterResult<SelectionOf<EntityOf<T>, F>> {
  const { store } = useStashContext('useFindIter');
  checkHookOptions('useFindIter', options);
  const observerOptions = { ...options, type, filters };
  const observer = useObserver(
    store,
    () => new FindIterObserver<T, SelectionOf<EntityOf<T>, F>>(store, observerOptions),
  );
  observer.setOptions(observerOptions);
  return useObserverResult(observer);
}
