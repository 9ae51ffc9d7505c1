/**
 * `useFind(type, filters, options)`: up to 1000 matches of a filter, as current normalized
 * entities. A mutation that makes the type's lists stale refetches it in place; unmounting aborts
 * its request. Runs through the provider's TanStack `QueryClient` when one is given (shared cache,
 * devtools). `refetch()` asks again.
 */
import {
  FindObserver,
  type EntityOf,
  type EntityTypeName,
  type FiltersOf,
  type FindCallOptions,
  type FindResult,
  type SelectionOf,
  type CheckedSpecs,
} from '@stashkit/core';
import { useStashContext } from '../provider/stashContext';
import { checkHookOptions } from './hookOptions';
import { useObserver, useObserverResult } from './useObserver';

export interface UseFindOptions<
  F extends readonly string[] | undefined = readonly string[] | undefined,
> extends Omit<FindCallOptions, 'fields' | 'signal'> {
  fields?: F;
  enabled?: boolean;
}

export function useFind<T extends EntityTypeName, const F extends readonly string[] | undefined = undefined>(
  type: T,
  filters?: FiltersOf<T>,
  options: UseFindOptions<F & CheckedSpecs<EntityOf<T>, NoInfer<F>>> = {},
): FindResult<SelectionOf<EntityOf<T>, F>> {
  const { store, queryClient } = useStashContext('useFind');
  checkHookOptions('useFind', options);
  const observerOptions = { ...options, type, filters, queryClient };
  const observer = useObserver(
    store,
    () => new FindObserver<T, SelectionOf<EntityOf<T>, F>>(store, observerOptions),
  );
  observer.setOptions(observerOptions);
  return useObserverResult(observer);
}
