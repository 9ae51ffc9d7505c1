/**
 * `useDelete()`: destroys an entity (or a draft's entity) with pending and error state; `extra`
 * carries destroy options such as `{ delete_file: true }`. The store tombstones it, so every
 * `useEntity` of it reports `missing`.
 */
import type { MutationResult } from '@stashkit/core';
import { useStoreMutation } from './useMutation';
import { draftWrites } from './useSave';

export type UseDeleteResult<E extends object> = MutationResult<
  [entity: E, extra?: Record<string, unknown>],
  void
> & {
  /** Deletes `entity`: same as `mutate`. */
  readonly remove: (entity: E, extra?: Record<string, unknown>) => Promise<void>;
};

export function useDelete<E extends object = object>(): UseDeleteResult<E> {
  const result = useStoreMutation<[E, Record<string, unknown>?], void>('useDelete', (store, entity, extra) =>
    draftWrites(store, 'useDelete').delete(entity, extra),
  );
  return { ...result, remove: result.mutate };
}
