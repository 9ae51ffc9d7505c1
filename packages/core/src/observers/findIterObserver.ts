/**
 * `FindIterObserver`: paged `findIter` results for `useFindIter` (modelled on an infinite query).
 * The first page loads on subscribe; `loadMore()` pulls the next `batch` items (one request per
 * page); items stay current like `FindObserver`'s. Options changing starts over.
 */
import type { StashError } from '../errors';
import type { EntitySnapshot } from '../records/storeRecord';
import type { EntityTypeName } from '../schema/generated/types';
import type { StashEntityStore } from '../store/stashEntityStore';
import type { EntityOf, FiltersOf, FindIterOptions } from '../store/storeTypes';
import type { FindIterator } from '../pagination/findIterator';
import { DEFAULT_QUERY_BATCH } from '../constants';
import { checkEntityType, toStashError, type ObserverStatus } from './entityObserver';
import { specList } from './fieldTrees';
import { ListItems } from './listItems';
import { notifyManager } from './notifyManager';
import { stableKey } from './stableKey';
import { Subscribable } from './subscribable';

export interface FindIterObserverOptions<T extends EntityTypeName = EntityTypeName> extends FindIterOptions {
  type: T;
  filters?: FiltersOf<T>;
  enabled?: boolean;
}

export interface FindIterResult<D> {
  /** Items loaded so far, in server order, current snapshots. */
  readonly items: readonly D[];
  /** More matches remain on the server (`true` until the first page tells). */
  readonly hasMore: boolean;
  /** Loads the next page; resolves when it is in (shared while one is loading). */
  readonly loadMore: () => Promise<void>;
  readonly status: ObserverStatus;
  readonly error: StashError | null;
  readonly isFetching: boolean;
  /** Items received so far. */
  readonly loaded: number;
  /** Total matches on the server; `undefined` before the first page. */
  readonly total: number | undefined;
  /** Drops the pages and loads the first one again. */
  readonly refetch: () => Promise<void>;
}

export class FindIterObserver<
  T extends EntityTypeName = EntityTypeName,
  D = EntityOf<T>,
> extends Subscribable {
  readonly store: StashEntityStore;
  #options!: FindIterObserverOptions<T>;
  #key = '';
  #generation = 0;
  #iterator: AsyncIterator<EntitySnapshot> | null = null;
  #source: FindIterator<EntitySnapshot> | null = null;
  #received = 0;
  #done = false;
  #loading: Promise<void> | null = null;
  #error: StashError | null = null;
  #result!: FindIterResult<D>;
  readonly #items: ListItems;

  constructor(store: StashEntityStore, options: FindIterObserverOptions<T>) {
    super();
    this.store = store;
    this.#items = new ListItems(store, () => {
      this.#items.refresh();
      this.#update();
    });
    this.loadMore = this.loadMore.bind(this);
    this.refetch = this.refetch.bind(this);
    this.getResult = this.getResult.bind(this);
    this.setOptions(options);
  }

  setOptions(options: FindIterObserverOptions<T>): void {
    const { type, filters, fields, sort, direction, q, batch } = options;
    const key = stableKey([
      type,
      filters,
      specList(fields),
      sort,
      direction,
      q,
      batch,
      options.enabled !== false,
    ]);
    this.#options = options;
    if (key === this.#key) return;
    checkEntityType(this.store, type);
    this.#key = key;
    this.#start();
  }

  getResult(): FindIterResult<D> {
    return this.#result;
  }

  /** Loads the next page; after a failed page it starts over from the first (`refetch`). */
  loadMore(): Promise<void> {
    if (this.#loading !== null) return this.#loading;
    if (this.#iterator === null) return this.refetch();
    if (this.#done || this.#options.enabled === false) return Promise.resolve();
    const generation = this.#generation;
    const iterator = this.#iterator!;
    const batch = this.#options.batch ?? DEFAULT_QUERY_BATCH;
    const loading = (async () => {
      const page: EntitySnapshot[] = [];
      try {
        while (page.length < batch) {
          const next = await iterator.next();
          if (next.done === true) {
            this.#done = true;
            break;
          }
          page.push(next.value);
        }
      } catch (error) {
        if (generation !== this.#generation) return;
        this.#loading = null;
        this.#error = toStashError(error);
        // A failed page ends the iterator, so the next loadMore starts over (see `loadMore`).
        this.#iterator = null;
        this.#update();
        throw this.#error;
      }
      if (generation !== this.#generation) return;
      this.#loading = null;
      this.#error = null;
      this.#received += page.length;
      if (this.#received >= (this.#source!.progress.total ?? Infinity)) this.#done = true;
      this.#items.append(page);
      this.#update();
    })();
    this.#loading = loading;
    this.#update();
    return loading;
  }

  refetch(): Promise<void> {
    this.#start();
    return this.loadMore();
  }

  protected override onSubscribe(): void {
    this.#items.activate();
    this.#items.refresh();
    this.#update();
    this.#scheduleFirstPage();
  }

  protected override onUnsubscribe(): void {
    this.#items.deactivate();
  }

  #start(): void {
    const { type, filters, fields, sort, direction, q, batch } = this.#options;
    // Validates synchronously; nothing is fetched until the first `next()`.
    this.#source = this.store.findIter(type, filters, {
      fields,
      sort,
      direction,
      q,
      batch,
    }) as FindIterator<EntitySnapshot>;
    this.#iterator = this.#source[Symbol.asyncIterator]();
    this.#generation++;
    this.#received = 0;
    this.#done = false;
    this.#loading = null;
    this.#error = null;
    this.#items.reset(type, specList(fields));
    this.#update();
    this.#scheduleFirstPage();
  }

  #scheduleFirstPage(): void {
    if (!this.hasListeners()) return;
    const generation = this.#generation;
    queueMicrotask(() => {
      if (generation !== this.#generation || !this.hasListeners()) return;
      if (this.#received > 0 || this.#loading !== null || this.#error !== null) return;
      void this.loadMore().catch(() => undefined);
    });
  }

  #update(): void {
    const total = this.#source?.progress.total;
    const status: ObserverStatus =
      this.#error !== null
        ? 'error'
        : this.#received > 0 || this.#done
          ? 'success'
          : this.#options.enabled === false
            ? 'idle'
            : 'pending';
    const previous = this.#result as FindIterResult<D> | undefined;
    const items = this.#items.items as unknown as readonly D[];
    const next: FindIterResult<D> = {
      items,
      hasMore: !this.#done,
      loadMore: this.loadMore,
      status,
      error: this.#error,
      isFetching: this.#loading !== null,
      loaded: this.#received,
      total,
      refetch: this.refetch,
    };
    if (
      previous !== undefined &&
      previous.items === items &&
      previous.hasMore === next.hasMore &&
      previous.status === status &&
      previous.error === next.error &&
      previous.isFetching === next.isFetching &&
      previous.total === total
    ) {
      return;
    }
    this.#result = next;
    if (previous !== undefined) {
      notifyManager.schedule(() => {
        for (const listener of [...this.listeners]) listener();
      });
    }
  }
}
