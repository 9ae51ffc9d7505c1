/**
 * TanStack Query interop without importing it: query-options objects whose data are normalized
 * stashkit entities (current snapshots of the store), for `useQuery`, `prefetchQuery` or
 * `ensureQueryData` in an app already on `@tanstack/react-query`:
 *
 * ```ts
 * const { data } = useQuery(stashQueryOptions.find(store, 'Scene', { rating100__gte: 80 }, { fields: ['title'] }));
 * ```
 *
 * `structuralSharing` is off: snapshots are immutable and shared by identity already.
 */
import {
  findQueryKey,
  type EntityOf,
  type EntityTypeName,
  type FiltersOf,
  type FindCallOptions,
  type ReadOptions,
  type StashEntityStore,
} from '@stashkit/core';

export interface StashQueryOptions<T> {
  readonly queryKey: readonly unknown[];
  readonly queryFn: () => Promise<T>;
  readonly structuralSharing: false;
}

export const stashQueryOptions = {
  /** `store.find(type, filters, options)` under `['stashkit', 'find', type, filters, options]` (what `useFind` uses). */
  find<T extends EntityTypeName>(
    store: StashEntityStore,
    type: T,
    filters?: FiltersOf<T>,
    options: FindCallOptions = {},
  ): StashQueryOptions<EntityOf<T>[]> {
    return {
      queryKey: findQueryKey(type, filters, options),
      queryFn: () => store.find(type, filters, options),
      structuralSharing: false,
    };
  },

  /** `store.get(type, id, { fields })` under `['stashkit', 'entity', type, id, fields]`; `null` when not found. */
  entity<T extends EntityTypeName>(
    store: StashEntityStore,
    type: T,
    id: string,
    options: Pick<ReadOptions, 'fields'> = {},
  ): StashQueryOptions<EntityOf<T> | null> {
    const fields = options.fields === undefined ? null : [...options.fields];
    return {
      queryKey: ['stashkit', 'entity', type, id, fields],
      queryFn: () => store.get(type, id, fields === null ? {} : { fields }),
      structuralSharing: false,
    };
  },
};
