/**
 * `useFindPage(type, filters, { page, perPage, sort, direction, q, fields })`: one numbered page
 * (`{ items, count, page, perPage, pages }` plus the type's aggregates), for paginated tables and
 * grids. Turning the page keeps showing the previous one (`isPlaceholder: true`) until the next
 * arrives; a mutation that makes the type's lists stale refetches it in place; unmounting aborts
 * its request. Pages are cached by the store, so going back to a page shows it at once.
 */
import {
  FindPageObserver,
  type CheckedSpecs,
  type EntityOf,
  type EntityTypeName,
  type FiltersOf,
  type FindPageObserverResult,
  type FindPageOptions,
  type SelectionOf,
} from '@stashkit/core';
import { useStashContext } from '../provider/stashContext';
import { checkHookOptions } from './hookOptions';
import { useObserver, useObserverResult } from './useObserver';

export interface UseFindPageOptions<
  F extends readonly string[] | undefined = readonly string[] | undefined,
> extends Omit<FindPageOptions, 'fields' | 'signal'> {
  fields?: F;
  /** `false` = don't fetch. */
  enabled?: boolean;
}

export function useFindPage<
  T extends EntityTypeName,
  const F extends readonly string[] | undefined = undefined,
>(
  type: T,
  filters?: FiltersOf<T>,
  options: UseFindPageOptions<F & CheckedSpecs<EntityOf<T>, NoInfer<F>>> = {},
): FindPageObserverResult<T, SelectionOf<EntityOf<T>, F>> {
  const { store } = useStashContext('useFindPage');
  checkHookOptions('useFindPage', options);
  const observerOptions = { ...options, type, filters };
  const observer = useObserver(
    store,
    () => new FindPageObserver<T, SelectionOf<EntityOf<T>, F>>(store, observerOptions),
  );
  observer.setOptions(observerOptions);
  return useObserverResult(observer);
}
