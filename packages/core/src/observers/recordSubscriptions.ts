/**
 * Store subscriptions kept equal to the records (and fields) an observer's result was read from
 * (`readSelection`'s deps). A change whose fields miss every field the observer read is dropped
 * here, so an update costs one call per affected observer.
 */
import type { DepMap, RecordDep } from '../read/readSelection';
import type { RecordKey } from '../shared/keys';
import type { StashEntityStore } from '../store/stashEntityStore';
import type { RecordChange } from '../tracking/changeBatch';
import type { Unsubscribe } from '../tracking/storeSubscriptions';

/** Whether `change` can alter what an observer read from the record. */
export function isRelevant(dep: RecordDep | undefined, change: RecordChange): boolean {
  if (change.kind !== 'updated') return true;
  if (dep === undefined || dep.fields === null) return true;
  for (const field of change.fields) if (dep.fields.has(field)) return true;
  return false;
}

/**
 * Whether `change` made something stale: an invalidation, an eviction, or a field dropped from the
 * received set (an invalidation rule's mark: value kept, to be fetched again).
 */
export function isInvalidation(store: StashEntityStore, change: RecordChange): boolean {
  if (change.kind !== 'updated') return change.kind === 'invalidated' || change.kind === 'removed';
  const received = store.receivedFields({ __typename: change.typename, id: change.id } as never);
  for (const field of change.fields) if (!received.has(field)) return true;
  return false;
}

/** Store subscriptions kept equal to a dependency map (diffed on every update: O(changed deps)). */
export class RecordSubscriptions {
  readonly #store: StashEntityStore;
  readonly #onChange: (change: RecordChange) => void;
  #deps: DepMap = new Map();
  readonly #subs = new Map<RecordKey, Unsubscribe>();
  #active = false;

  constructor(store: StashEntityStore, onChange: (change: RecordChange) => void) {
    this.#store = store;
    this.#onChange = onChange;
  }

  get deps(): DepMap {
    return this.#deps;
  }

  /** Replaces the dependencies; subscribes to new records and drops the ones no longer read. */
  set(deps: DepMap): void {
    this.#deps = deps;
    if (!this.#active) return;
    for (const [key, off] of this.#subs) {
      if (!deps.has(key)) {
        off();
        this.#subs.delete(key);
      }
    }
    for (const [key, dep] of deps) {
      this.#subscribe(key, dep);
    }
  }

  activate(): void {
    if (this.#active) return;
    this.#active = true;
    for (const [key, dep] of this.#deps) this.#subscribe(key, dep);
  }

  deactivate(): void {
    this.#active = false;
    for (const off of this.#subs.values()) off();
    this.#subs.clear();
  }

  #subscribe(key: RecordKey, dep: RecordDep): void {
    if (this.#subs.has(key)) return;
    const off = this.#store.subscribe(dep.typename, dep.id, (change) => {
      if (isRelevant(this.#deps.get(key), change)) this.#onChange(change);
    });
    this.#subs.set(key, off);
  }
}
