/**
 * Commit notices: one per mutation the store sent and the server confirmed (or that failed after
 * sending and may have run), after its cache effects were applied. For mirrors of the store's
 * writes elsewhere (the Stash host page's Apollo cache, devtools), not for rendering.
 */
import { safeCall } from '../shared/safeCall';
import type { InvalidationRule } from './invalidationRules';

export interface StoreCommit {
  /** `side`: a side operation (`sceneAddO`, `setGalleryCover`...). */
  readonly kind: 'create' | 'update' | 'delete' | 'side';
  readonly typename: string;
  /** The server id (`null`: a create that failed after sending, whose id is unknown). */
  readonly id: string | null;
  /** The root mutation field sent (`sceneUpdate`, `sceneDestroy`, `sceneAddO`). */
  readonly mutation: string;
  /** Entity fields the mutation set or changed; `null`: any field may have changed. */
  readonly fields: readonly string[] | null;
  /** What else went stale (the rule the store applied to itself). */
  readonly rule: InvalidationRule;
  /** It failed after sending (network, 5xx, abort): it may or may not have run. */
  readonly uncertain: boolean;
}

export type CommitListener = (commit: StoreCommit) => void;

export class StoreCommits {
  readonly #listeners = new Set<CommitListener>();

  get observed(): boolean {
    return this.#listeners.size > 0;
  }

  emit(commits: readonly StoreCommit[]): void {
    for (const commit of commits) {
      // The mutation already succeeded: a throwing listener is reported, not the save's failure.
      for (const l of [...this.#listeners]) safeCall(() => l(commit));
    }
  }

  subscribe(listener: CommitListener): () => void {
    this.#listeners.add(listener);
    return () => void this.#listeners.delete(listener);
  }
}
