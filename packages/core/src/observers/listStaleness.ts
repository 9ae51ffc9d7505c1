/**
 * Follows list staleness for a list observer while it is subscribed: after a mutation that makes
 * the observed type's lists stale (`store.subscribeLists`), `onStale` runs. Unsubscribed observers
 * hear nothing; they compare `store.listEpoch(type)` when subscribed again.
 */
import type { StashEntityStore } from '../store/stashEntityStore';
import type { Unsubscribe } from '../tracking/storeSubscriptions';

export class ListStaleness {
  readonly #store: StashEntityStore;
  readonly #type: () => string;
  readonly #onStale: () => void;
  #off: Unsubscribe | null = null;

  constructor(store: StashEntityStore, type: () => string, onStale: () => void) {
    this.#store = store;
    this.#type = type;
    this.#onStale = onStale;
  }

  activate(): void {
    this.#off ??= this.#store.subscribeLists((typenames) => {
      if (typenames.has(this.#type())) this.#onStale();
    });
  }

  deactivate(): void {
    this.#off?.();
    this.#off = null;
  }
}
