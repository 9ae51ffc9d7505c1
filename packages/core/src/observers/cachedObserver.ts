/**
 * `CachedObserver`: a reactive local filter over one type's fresh cached entities (`useCached`).
 * No network. The predicate sees the live snapshots; the result holds plain selection data
 * (`fields`, default: each record as received), recycled by id, so an unrelated write costs no
 * render and a changed entity gives a new object for that entity only. It re-runs the filter when a
 * write touches a record of the type, and re-reads when a linked record it selected changes.
 */
import { specList } from '../query/fieldTree';
import type { EntityTypeArg, EntityOf } from '../store/storeTypes';
import type { StashEntityStore } from '../store/stashEntityStore';
import type { Unsubscribe } from '../tracking/storeSubscriptions';
import { ListItems } from './listItems';
import { Subscribable } from './subscribable';

export interface CachedObserverOptions<T extends EntityTypeArg = EntityTypeArg> {
  type: T;
  /** Which entities to keep (called with live snapshots); default: all fresh cached entities of the type. */
  predicate?: (entity: EntityOf<T>) => boolean;
  /** Field specs each item holds (entities without all of them are left out); default: the record as received (links as their small set). */
  fields?: Iterable<string>;
}

export class CachedObserver<T extends EntityTypeArg = EntityTypeArg, D = EntityOf<T>> extends Subscribable {
  readonly store: StashEntityStore;
  #type!: T;
  #predicate: ((entity: EntityOf<T>) => boolean) | undefined;
  #specKey: string | undefined;
  #result: readonly D[] = [];
  #off: Unsubscribe | null = null;
  // The type's own records are followed by the type subscription; the items follow linked ones.
  readonly #items: ListItems;

  constructor(store: StashEntityStore, options: CachedObserverOptions<T>) {
    super();
    this.store = store;
    this.#items = new ListItems(store, () => this.#update(true), {
      followItems: false,
      completeOnly: true,
    });
    this.getResult = this.getResult.bind(this);
    this.setOptions(options);
  }

  /** A new predicate re-runs the filter (memoize it to avoid that on every render). */
  setOptions(options: CachedObserverOptions<T>): void {
    const specs = specList(options.fields);
    const specKey = specs?.join('\u0000');
    if (options.type === this.#type && options.predicate === this.#predicate && specKey === this.#specKey)
      return;
    const typeChanged = options.type !== this.#type;
    // Validates the field specs now (`useCached` on an abstract type reads each concrete one).
    if (specs !== undefined) this.store.selectionTree(options.type, specs);
    this.#type = options.type;
    this.#predicate = options.predicate;
    if (specKey !== this.#specKey) this.#items.select(specs);
    this.#specKey = specKey;
    if (typeChanged && this.#off !== null) {
      this.#off();
      this.#off = this.store.subscribe(this.#type, () => this.#update(true));
    }
    this.#update(false);
  }

  getResult(): readonly D[] {
    return this.#result;
  }

  protected override onSubscribe(): void {
    this.#off = this.store.subscribe(this.#type, () => this.#update(true));
    this.#items.activate();
    this.#update(true);
  }

  protected override onUnsubscribe(): void {
    this.#off?.();
    this.#off = null;
    this.#items.deactivate();
  }

  #update(notify: boolean): void {
    this.#items.replace(this.store.filter(this.#type, this.#predicate ?? (() => true)));
    const next = this.#items.items as unknown as readonly D[];
    if (next === this.#result) return;
    this.#result = next;
    if (notify) this.notify();
  }
}
