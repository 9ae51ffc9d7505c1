/**
 * The items of a list result (`find`, `findIter`, `findPage`, `useCached`) kept current: entities
 * in list order, each read as plain selection data (`StashEntityStore.readEntity`) recycled against
 * its previous item, with subscriptions to the records (and linked records) the field selection
 * reads. Deleted or evicted items drop out; an edit gives a new item object (and a new array) for
 * that item only. An item missing fields an invalidation rule made stale (no longer received,
 * values kept) keeps its last values; then the list is `due` until its owner asks again.
 */
import type { StashEntityStore } from '../store/stashEntityStore';
import type { EntitySnapshot } from '../records/storeRecord';
import type { DepMap, SelectionData } from '../read/readSelection';
import { recordKey } from '../shared/keys';
import { shallowEqual } from '../shared/shallowEqual';
import { fillMissing } from './heldData';
import { isInvalidation, RecordSubscriptions } from './recordSubscriptions';

export class ListItems {
  readonly #store: StashEntityStore;
  readonly #subs: RecordSubscriptions;
  readonly #followItems: boolean;
  readonly #completeOnly: boolean;
  #specs: readonly string[] | undefined;
  #entities: EntitySnapshot[] = [];
  #items: readonly SelectionData[] = [];
  #byKey = new Map<string, SelectionData>();
  /** Some item shows fields no longer received (their last values). */
  #held = false;
  /** An invalidation reached the items since the owner last asked. */
  #dirty = false;

  /**
   * `followItems: false`: the owner follows the items' own records (a type subscription), links
   * only here; `completeOnly`: items without every selected field are left out (cache-only lists).
   */
  constructor(
    store: StashEntityStore,
    onChange: () => void,
    options: { followItems?: boolean; completeOnly?: boolean } = {},
  ) {
    this.#store = store;
    this.#subs = new RecordSubscriptions(store, (change) => {
      if (isInvalidation(store, change)) this.#dirty = true;
      onChange();
    });
    this.#followItems = options.followItems ?? true;
    this.#completeOnly = options.completeOnly ?? false;
  }

  get items(): readonly SelectionData[] {
    return this.#items;
  }

  /** Held items were invalidated since the owner last asked: a request of the list is due. */
  get due(): boolean {
    return this.#held && this.#dirty;
  }

  /** The owner asks again (what is held now comes with the answer). */
  asked(): void {
    this.#dirty = false;
  }

  get size(): number {
    return this.#entities.length;
  }

  /** Empties the list and reads later items with `specs`. */
  reset(specs: readonly string[] | undefined): void {
    this.#entities = [];
    if (shallowEqual(specs, this.#specs)) this.#keepRecyclable(() => this.refresh());
    else this.select(specs);
  }

  /** Reads the items with `specs` from now on. */
  select(specs: readonly string[] | undefined): void {
    if (shallowEqual(specs, this.#specs)) return;
    this.#specs = specs;
    this.#keepRecyclable(() => this.refresh());
  }

  // Items stay recyclable by key across `fn` (a refetched page keeps the objects whose values are the same).
  #keepRecyclable(fn: () => void): void {
    const recyclable = this.#byKey;
    fn();
    for (const [key, data] of recyclable) if (!this.#byKey.has(key)) this.#byKey.set(key, data);
  }

  /** Appends a page (duplicates of earlier pages, possible when the server order shifts, are skipped). */
  append(entities: readonly EntitySnapshot[]): void {
    const seen = new Set(this.#entities.map((e) => recordKey(e.__typename, e.id)));
    for (const e of entities) if (!seen.has(recordKey(e.__typename, e.id))) this.#entities.push(e);
    this.refresh();
  }

  replace(entities: readonly EntitySnapshot[]): void {
    this.#entities = [...entities];
    this.refresh();
  }

  /** Re-reads the items; the previous array when every item kept its identity. */
  refresh(): void {
    const deps: DepMap = new Map();
    const items: SelectionData[] = [];
    const byKey = new Map<string, SelectionData>();
    this.#held = false;
    for (const { __typename, id } of this.#entities) {
      const key = recordKey(__typename, id);
      const previous = this.#byKey.get(key);
      const read = this.#store.readEntity(__typename, id, this.#specs, { previous, deps });
      if (read === null || (this.#completeOnly && !read.complete)) continue;
      let data = read.data;
      if (!read.complete && previous !== undefined) {
        data = fillMissing(data, previous) as SelectionData;
        this.#held = true;
      }
      items.push(data);
      byKey.set(key, data);
    }
    this.#byKey = byKey;
    if (!shallowEqual(items, this.#items)) this.#items = items;
    if (!this.#followItems) for (const key of byKey.keys()) deps.delete(key as never);
    this.#subs.set(deps);
  }

  activate(): void {
    this.#subs.activate();
  }

  deactivate(): void {
    this.#subs.deactivate();
  }
}
