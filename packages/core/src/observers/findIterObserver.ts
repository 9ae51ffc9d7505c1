/**
 * `FindIterObserver`: paged `findIter` results for `useFindIter` (modelled on an infinite query).
 * The first page loads on subscribe; `loadMore()` pulls the next `batch` items (one request per
 * page; after a failure it asks for the same page again); items stay current like
 * `FindObserver`'s, and a deleted one drops out at once. Options changing starts over.
 *
 * When a mutation makes the type's lists stale, a subscribed observer refetches what it shows:
 * the pages loaded so far in one request (page 1, `per_page` = pages × batch), keeping the items
 * visible until the answer replaces them, so the list neither shrinks to one page nor loses its
 * scroll position. Beyond `FIND_LIMIT` items it starts over from the first page instead. A load in
 * flight finishes first; an unsubscribed observer refetches when subscribed again. Its request is
 * aborted when the last listener leaves.
 */
import { DEFAULT_QUERY_BATCH, FIND_LIMIT } from '../constants';
import type { StashError } from '../errors';
import type { EntitySnapshot } from '../records/storeRecord';
import type { EntityTypeName } from '../schema/generated/types';
import type { StashEntityStore } from '../store/stashEntityStore';
import type { EntityOf, FiltersOf, FindIterOptions } from '../store/storeTypes';
import { checkEntityType, type ObserverStatus } from './entityObserver';
import { specList } from '../query/fieldTree';
import { ListObserver } from './listObserver';
import { keepEqual } from '../shared/shallowEqual';
import { stableKey } from '../shared/stableKey';
import { checkStructure } from '../validate/structure';

export interface FindIterObserverOptions<T extends EntityTypeName = EntityTypeName> extends FindIterOptions {
  type: T;
  filters?: FiltersOf<T>;
  enabled?: boolean;
}

export interface FindIterResult<D> {
  /** Items loaded so far, in server order, plain selection data kept current. */
  readonly items: readonly D[];
  /** More matches remain on the server (`true` until the first page tells). */
  readonly hasMore: boolean;
  /** Loads the next page (after a failed one: that page again); resolves when it is in (shared while one is loading). */
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
> extends ListObserver {
  #options!: FindIterObserverOptions<T>;
  #key = '';
  /** Pages of `batch` items shown. */
  #pages = 0;
  #received = 0;
  #total: number | undefined = undefined;
  #done = false;
  #result!: FindIterResult<D>;

  constructor(store: StashEntityStore, options: FindIterObserverOptions<T>) {
    super(store);
    this.loadMore = this.loadMore.bind(this);
    this.refetch = this.refetch.bind(this);
    this.getResult = this.getResult.bind(this);
    this.setOptions(options);
  }

  setOptions(options: FindIterObserverOptions<T>): void {
    const { type, filters, fields, sort, direction, q, batch, retry } = options;
    checkStructure(filters, 'StashFilter: filters');
    const key = stableKey([
      retry,
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
    // Validates filters, options and batch synchronously; nothing is fetched here.
    this.store.findIter(type, filters, { fields, sort, direction, q, batch });
    this.#key = key;
    this.#start();
  }

  getResult(): FindIterResult<D> {
    return this.#result;
  }

  /** Loads the next page; after a failed page it asks for that page again. */
  loadMore(): Promise<void> {
    if (this.inFlight !== null) return this.inFlight;
    if (this.#done || this.#options.enabled === false) return Promise.resolve();
    return this.#load(this.#pages + 1, this.#batch, false);
  }

  refetch(): Promise<void> {
    this.#start();
    return this.loadMore();
  }

  protected get listType(): string {
    return this.#options.type;
  }

  protected get enabled(): boolean {
    return this.#options.enabled !== false;
  }

  protected get asked(): boolean {
    return this.#pages > 0 || this.error !== null;
  }

  protected fetchDue(): Promise<void> {
    // A load in flight finishes first, then checks again (its page is not thrown away).
    if (this.inFlight !== null) return Promise.resolve();
    if (this.#pages === 0) return this.loadMore();
    const window = this.#pages * this.#batch;
    return window > FIND_LIMIT ? this.refetch() : this.#load(1, window, true);
  }

  get #batch(): number {
    return this.#options.batch ?? DEFAULT_QUERY_BATCH;
  }

  #start(): void {
    this.release();
    this.generation++;
    this.#pages = 0;
    this.#received = 0;
    this.#total = undefined;
    this.#done = false;
    this.epoch = -1;
    this.error = null;
    this.items.reset(specList(this.#options.fields));
    // Scheduled first: the result says isFetching when a fetch will start.
    this.scheduleFetch();
    this.update();
  }

  /** Fetches page `page` of `perPage` items: appended (`loadMore`) or replacing the shown ones. */
  #load(page: number, perPage: number, replace: boolean): Promise<void> {
    const { type, filters, fields, sort, direction, q, retry } = this.#options;
    const signal = this.begin();
    if (replace || this.#pages === 0) this.epoch = this.store.listEpoch(type);
    const request = this.store
      .findIter(type, filters, { fields, sort, direction, q, retry, batch: perPage, signal })
      .page(page);
    return this.track(request, ({ count, items }) => {
      this.#total = count;
      this.#done = items.length < perPage || page * perPage >= count;
      if (replace) {
        this.#pages = perPage / this.#batch;
        this.#received = items.length;
        this.items.replace(items as EntitySnapshot[]);
      } else {
        this.#pages = page;
        this.#received += items.length;
        this.items.append(items as EntitySnapshot[]);
      }
    });
  }

  protected update(): void {
    const total = this.#total;
    const status: ObserverStatus =
      this.error !== null
        ? 'error'
        : this.#pages > 0 || this.#done
          ? 'success'
          : this.#options.enabled === false
            ? 'idle'
            : 'pending';
    const previous = this.#result as FindIterResult<D> | undefined;
    const items = this.items.items as unknown as readonly D[];
    const next: FindIterResult<D> = {
      items,
      hasMore: !this.#done,
      loadMore: this.loadMore,
      status,
      error: this.error,
      isFetching: this.fetching,
      loaded: this.#received,
      total,
      refetch: this.refetch,
    };
    this.#result = keepEqual(previous, next);
    if (this.#result === previous) return;
    if (previous !== undefined) this.notify();
  }
}
