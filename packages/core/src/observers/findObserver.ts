/**
 * `FindObserver`: one `find` (up to `FIND_LIMIT` matches) as a subscribable result for `useFind`.
 * The items are normalized entities kept current (an edit elsewhere shows here, a deleted one drops
 * out at once). The membership is what the server answered; when a mutation makes the type's lists
 * stale (`store.listEpoch`), a subscribed observer asks again in place, keeping its data until the
 * new answer arrives, and an unsubscribed one asks when it is subscribed again. Its request is
 * aborted when the last listener leaves. With a TanStack `QueryClient` the request runs through it,
 * so the query shows in its cache and devtools (and TanStack, not unsubscribing, cancels it).
 */
import type { StashError } from '../errors';
import type { EntitySnapshot } from '../records/storeRecord';
import type { EntityTypeName } from '../schema/generated/types';
import type { StashEntityStore } from '../store/stashEntityStore';
import type { EntityOf, FiltersOf, FindCallOptions } from '../store/storeTypes';
import { checkEntityType, toStashError, type ObserverStatus } from './entityObserver';
import { specList } from './fieldTrees';
import { ListItems } from './listItems';
import { ListStaleness } from './listStaleness';
import { stableKey } from './stableKey';
import { Subscribable } from './subscribable';

/** The part of a TanStack `QueryClient` the observers use (no import of TanStack Query). */
export interface QueryClientLike {
  fetchQuery(options: {
    queryKey: readonly unknown[];
    queryFn: (context: { signal?: AbortSignal }) => Promise<unknown>;
    staleTime?: number;
    structuralSharing?: boolean;
  }): Promise<unknown>;
}

export interface FindObserverOptions<T extends EntityTypeName = EntityTypeName> extends FindCallOptions {
  type: T;
  filters?: FiltersOf<T>;
  /** `false` = don't fetch. Default `true`. */
  enabled?: boolean;
  /** Route the request through this TanStack `QueryClient` (shared cache and devtools). */
  queryClient?: QueryClientLike;
}

export interface FindResult<D> {
  /** Matches in server order, current snapshots; `null` before the first answer. */
  readonly data: readonly D[] | null;
  readonly status: ObserverStatus;
  readonly error: StashError | null;
  readonly isFetching: boolean;
  readonly refetch: () => Promise<void>;
}

/** The TanStack query key of a `find`: `['stashkit', 'find', type, filters, options]`. */
export function findQueryKey(type: string, filters: unknown, options: FindCallOptions): readonly unknown[] {
  const { fields, sort, direction, q } = options;
  return ['stashkit', 'find', type, filters ?? {}, { fields: specList(fields), sort, direction, q }];
}

export class FindObserver<T extends EntityTypeName = EntityTypeName, D = EntityOf<T>> extends Subscribable {
  readonly store: StashEntityStore;
  #options!: FindObserverOptions<T>;
  #key = '';
  #generation = 0;
  #loaded = false;
  #fetching: Promise<void> | null = null;
  #abort: AbortController | null = null;
  /** The type's list epoch when the current (or in-flight) answer was asked for; -1 = never asked. */
  #epoch = -1;
  #error: StashError | null = null;
  #result!: FindResult<D>;
  readonly #items: ListItems;
  readonly #lists: ListStaleness;

  constructor(store: StashEntityStore, options: FindObserverOptions<T>) {
    super();
    this.store = store;
    this.#items = new ListItems(store, () => {
      this.#items.refresh();
      this.#update();
    });
    this.#lists = new ListStaleness(
      store,
      () => this.#options.type,
      () => this.#scheduleFetch(),
    );
    this.refetch = this.refetch.bind(this);
    this.getResult = this.getResult.bind(this);
    this.setOptions(options);
  }

  setOptions(options: FindObserverOptions<T>): void {
    const { type, filters, fields, sort, direction, q } = options;
    const key = stableKey([type, filters, specList(fields), sort, direction, q, options.enabled !== false]);
    if (key === this.#key) {
      this.#options = options;
      return;
    }
    checkEntityType(this.store, type);
    // Validates filters and options synchronously (nothing is fetched until iterated).
    this.store.findIter(type, filters, { fields, sort, direction, q, batch: 1 });
    this.#options = options;
    this.#key = key;
    this.#generation++;
    this.#loaded = false;
    this.#release();
    this.#epoch = -1;
    this.#error = null;
    this.#items.reset(type, specList(fields));
    this.#update();
    this.#scheduleFetch();
  }

  getResult(): FindResult<D> {
    return this.#result;
  }

  refetch(): Promise<void> {
    return this.#fetch();
  }

  protected override onSubscribe(): void {
    this.#items.activate();
    this.#items.refresh();
    this.#lists.activate();
    this.#update();
    this.#scheduleFetch();
  }

  protected override onUnsubscribe(): void {
    this.#items.deactivate();
    this.#lists.deactivate();
    // Nobody shows this list any more: its request is not needed (see `CoalescingLoader`).
    if (this.#release()) this.#update();
  }

  /** Aborts the request in flight, if this observer owns it; true when there was one. */
  #release(): boolean {
    const had = this.#fetching !== null;
    this.#abort?.abort();
    this.#abort = null;
    this.#fetching = null;
    return had;
  }

  #scheduleFetch(): void {
    if (!this.hasListeners()) return;
    const generation = this.#generation;
    queueMicrotask(() => {
      if (generation !== this.#generation || !this.hasListeners()) return;
      if (this.#options.enabled === false) return;
      // Up to date: answered (or being asked, or failed) since the type's lists last went stale.
      const asked = this.#loaded || this.#fetching !== null || this.#error !== null;
      if (asked && this.#epoch === this.store.listEpoch(this.#options.type)) return;
      void this.#fetch().catch(() => undefined);
    });
  }

  #fetch(): Promise<void> {
    const { type, filters, fields, sort, direction, q, queryClient } = this.#options;
    const options: FindCallOptions = { fields, sort, direction, q };
    const generation = this.#generation;
    // A subscribed observer's request is aborted when its last listener leaves or a newer one starts.
    const abort = queryClient === undefined && this.hasListeners() ? new AbortController() : null;
    this.#epoch = this.store.listEpoch(type);
    const request = (
      queryClient === undefined
        ? this.store.find(type, filters, { ...options, signal: abort?.signal })
        : queryClient.fetchQuery({
            queryKey: findQueryKey(type, filters, options),
            queryFn: ({ signal }) => this.store.find(type, filters, { ...options, signal }),
            staleTime: 0,
            structuralSharing: false,
          })
    ) as Promise<EntitySnapshot[]>;
    this.#release();
    this.#abort = abort;
    const superseded = () => generation !== this.#generation || this.#fetching !== promise;
    const promise: Promise<void> = request.then(
      (items) => {
        // A newer request (or none: released) decides; its caller waits for it.
        if (superseded()) return this.#fetching ?? undefined;
        this.#fetching = null;
        this.#abort = null;
        this.#loaded = true;
        this.#error = null;
        this.#items.replace(items);
        this.#update();
      },
      (error: unknown) => {
        if (superseded()) return this.#fetching ?? undefined;
        this.#fetching = null;
        this.#abort = null;
        this.#error = toStashError(error);
        this.#update();
        throw this.#error;
      },
    );
    this.#fetching = promise;
    this.#update();
    return promise;
  }

  #update(): void {
    const previous = this.#result as FindResult<D> | undefined;
    const data = this.#loaded ? (this.#items.items as unknown as readonly D[]) : null;
    const status: ObserverStatus =
      this.#error !== null
        ? 'error'
        : this.#loaded
          ? 'success'
          : this.#options.enabled === false
            ? 'idle'
            : 'pending';
    const isFetching = this.#fetching !== null;
    if (
      previous !== undefined &&
      previous.data === data &&
      previous.status === status &&
      previous.error === this.#error &&
      previous.isFetching === isFetching
    ) {
      return;
    }
    this.#result = { data, status, error: this.#error, isFetching, refetch: this.refetch };
    if (previous !== undefined) this.notify();
  }
}
