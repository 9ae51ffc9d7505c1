/**
 * `CachedObserver`: a reactive local filter over one type's fresh cached entities (`useCached`).
 * No network. It re-runs the filter when a write touches a record of the type, and keeps the
 * previous array when the matches are the same snapshots, so unrelated writes cost no render.
 */
import type { EntityTypeArg, EntityOf } from '../store/storeTypes';
import type { StashEntityStore } from '../store/stashEntityStore';
import type { Unsubscribe } from '../tracking/storeSubscriptions';
import { Subscribable } from './subscribable';

export interface CachedObserverOptions<T extends EntityTypeArg = EntityTypeArg> {
  type: T;
  /** Which entities to keep; default: all fresh cached entities of the type. */
  predicate?: (entity: EntityOf<T>) => boolean;
}

export class CachedObserver<T extends EntityTypeArg = EntityTypeArg> extends Subscribable {
  readonly store: StashEntityStore;
  #type!: T;
  #predicate: ((entity: EntityOf<T>) => boolean) | undefined;
  #result: readonly EntityOf<T>[] = [];
  #off: Unsubscribe | null = null;

  constructor(store: StashEntityStore, options: CachedObserverOptions<T>) {
    super();
    this.store = store;
    this.getResult = this.getResult.bind(this);
    this.setOptions(options);
  }

  /** A new predicate re-runs the filter (memoize it to avoid that on every render). */
  setOptions(options: CachedObserverOptions<T>): void {
    if (options.type === this.#type && options.predicate === this.#predicate) return;
    const typeChanged = options.type !== this.#type;
    this.#type = options.type;
    this.#predicate = options.predicate;
    if (typeChanged && this.#off !== null) {
      this.#off();
      this.#off = this.store.subscribe(this.#type, () => this.#update(true));
    }
    this.#update(false);
  }

  getResult(): readonly EntityOf<T>[] {
    return this.#result;
  }

  protected override onSubscribe(): void {
    this.#off = this.store.subscribe(this.#type, () => this.#update(true));
    this.#update(true);
  }

  protected override onUnsubscribe(): void {
    this.#off?.();
    this.#off = null;
  }

  #update(notify: boolean): void {
    const predicate = this.#predicate;
    const next = this.store.filter(this.#type, predicate ?? (() => true));
    const previous = this.#result;
    if (next.length === previous.length && next.every((e, i) => e === previous[i])) return;
    this.#result = next;
    if (notify) {
      this.notify();
    }
  }
}
