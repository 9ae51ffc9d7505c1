/**
 * `useSave()`: saves drafts (`store.edit(entity)`, `store.create(type, data)`) with pending and
 * error state. `save(draft)` resolves with the saved snapshot; on failure the draft stays dirty
 * (the store keeps it) and `error` is set.
 */
import { StashError, type MutationResult, type StashEntityStore } from '@stashkit/core';
import { useStoreMutation } from './useMutation';

/** The store's draft writes, as this hook uses them. */
export interface DraftWrites {
  save(draft: object): Promise<unknown>;
  delete(entity: object, extra?: Record<string, unknown>): Promise<void>;
}

export function draftWrites(store: StashEntityStore, hook: string): DraftWrites {
  const writes = store as unknown as Partial<DraftWrites>;
  if (typeof writes.save !== 'function' || typeof writes.delete !== 'function') {
    throw new StashError(`${hook}: this StashEntityStore has no draft writes (save/delete)`);
  }
  return writes as DraftWrites;
}

export type UseSaveResult<D extends object, R> = MutationResult<[draft: D], R> & {
  /** Saves `draft`: same as `mutate`. */
  readonly save: (draft: D) => Promise<R>;
};

export function useSave<D extends object = object, R = unknown>(): UseSaveResult<D, R> {
  const result = useStoreMutation<[D], R>(
    'useSave',
    (store, draft) => draftWrites(store, 'useSave').save(draft) as Promise<R>,
  );
  return { ...result, save: result.mutate };
}
