/**
 * `CacheStatsObserver`: `store.cacheStats()` as a subscribable value (`useCacheStats`). Stats are
 * recomputed lazily, once per write batch at most, when someone reads them.
 */
import type { StashEntityStore } from '../store/stashEntityStore';
import type { CacheStats } from '../store/storeTypes';
import type { Unsubscribe } from '../tracking/storeSubscriptions';
import { Subscribable } from './subscribable';

export class CacheStatsObserver extends Subscribable {
  readonly store: StashEntityStore;
  #result: CacheStats;
  #dirty = false;
  #off: Unsubscribe | null = null;

  constructor(store: StashEntityStore) {
    super();
    this.store = store;
    this.#result = store.cacheStats();
    this.getResult = this.getResult.bind(this);
  }

  getResult(): CacheStats {
    if (this.#dirty) {
      this.#dirty = false;
      const next = this.store.cacheStats();
      if (!sameStats(next, this.#result)) this.#result = next;
    }
    return this.#result;
  }

  protected override onSubscribe(): void {
    this.#dirty = true;
    this.#off = this.store.subscribe(() => {
      this.#dirty = true;
      this.notify();
    });
  }

  protected override onUnsubscribe(): void {
    this.#off?.();
    this.#off = null;
  }
}

function sameStats(a: CacheStats, b: CacheStats): boolean {
  if (a.totalEntries !== b.totalEntries || a.expired !== b.expired) return false;
  const keys = Object.keys(a.byType);
  if (keys.length !== Object.keys(b.byType).length) return false;
  return keys.every((k) => a.byType[k] === b.byType[k]);
}
