/**
 * The items of a list result (`find`, `findIter`) kept current: ids in server order, resolved to
 * each record's current snapshot, with subscriptions to the records (and linked records) the field
 * selection reads. Deleted or evicted items drop out; an edit re-renders only through its list.
 */
import type { StashEntityStore } from '../store/stashEntityStore';
import type { EntitySnapshot } from '../records/storeRecord';
import { fieldTreeFor } from './fieldTrees';
import { collectDeps, RecordSubscriptions, type DepMap } from './recordDeps';

export class ListItems {
  readonly #store: StashEntityStore;
  readonly #subs: RecordSubscriptions;
  #type = '';
  #specs: readonly string[] | undefined;
  #ids: string[] = [];
  #items: readonly EntitySnapshot[] = [];

  constructor(store: StashEntityStore, onChange: () => void) {
    this.#store = store;
    this.#subs = new RecordSubscriptions(store, onChange);
  }

  get items(): readonly EntitySnapshot[] {
    return this.#items;
  }

  get size(): number {
    return this.#ids.length;
  }

  reset(type: string, specs: readonly string[] | undefined): void {
    this.#type = type;
    this.#specs = specs;
    this.#ids = [];
    this.refresh();
  }

  /** Appends a page (duplicates of earlier pages, possible when the server order shifts, are skipped). */
  append(entities: readonly EntitySnapshot[]): void {
    const seen = new Set(this.#ids);
    for (const e of entities) if (!seen.has(e.id)) this.#ids.push(e.id);
    this.refresh();
  }

  replace(entities: readonly EntitySnapshot[]): void {
    this.#ids = entities.map((e) => e.id);
    this.refresh();
  }

  /** Re-reads the current snapshots and re-derives the subscriptions; a new array every time. */
  refresh(): void {
    const deps: DepMap = new Map();
    const items: EntitySnapshot[] = [];
    for (const id of this.#ids) {
      const snap = this.#store.peek(this.#type as never, id) as EntitySnapshot | null;
      if (snap === null) continue;
      items.push(snap);
      collectDeps(deps, snap.__typename, snap, fieldTreeFor(this.#store.model, snap.__typename, this.#specs));
    }
    this.#items = items;
    this.#subs.set(deps);
  }

  activate(): void {
    this.#subs.activate();
  }

  deactivate(): void {
    this.#subs.deactivate();
  }
}
