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
import { checkEntityType, type ObserverStatus } from './entityObserver';
import { specList } from '../query/fieldTree';
import { ListObserver } from './listObserver';
import { keepEqual } from '../shared/shallowEqual';
import { stableKey } from '../shared/stableKey';
import { checkStructure } from '../validate/structure';

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
  /** Matches in server order, plain selection data kept current; `null` before the first answer. */
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

export class FindObserver<T extends EntityTypeName = EntityTypeName, D = EntityOf<T>> extends ListObserver {
  #options!: FindObserverOptions<T>;
  #key = '';
  #loaded = false;
  #result!: FindResult<D>;

  constructor(store: StashEntityStore, options: FindObserverOptions<T>) {
    super(store);
    this.refetch = this.refetch.bind(this);
    this.getResult = this.getResult.bind(this);
    this.setOptions(options);
  }

  setOptions(options: FindObserverOptions<T>): void {
    const { type, filters, fields, sort, direction, q, retry } = options;
    // Before the key: a circular filter fails as bad input, not in JSON.stringify.
    checkStructure(filters, 'StashFilter: filters');
    const key = stableKey([
      type,
      filters,
      specList(fields),
      sort,
      direction,
      q,
      retry,
      options.enabled !== false,
    ]);
    if (key === this.#key) {
      this.#options = options;
      return;
    }
    checkEntityType(this.store, type);
    // Validates filters and options synchronously (nothing is fetched until iterated).
    this.store.findIter(type, filters, { fields, sort, direction, q, batch: 1 });
    this.#options = options;
    this.#key = key;
    this.generation++;
    this.#loaded = false;
    this.release();
    this.epoch = -1;
    this.error = null;
    this.items.reset(specList(fields));
    // Scheduled first: the result says isFetching when a fetch will start.
    this.scheduleFetch();
    this.update();
  }

  getResult(): FindResult<D> {
    return this.#result;
  }

  refetch(): Promise<void> {
    return this.#fetch();
  }

  protected get listType(): string {
    return this.#options.type;
  }

  protected get enabled(): boolean {
    return this.#options.enabled !== false;
  }

  protected get asked(): boolean {
    return this.#loaded || this.inFlight !== null || this.error !== null;
  }

  protected fetchDue(): Promise<void> {
    // A request in flight asked before the lists went stale is replaced (its answer is outdated).
    return this.#fetch();
  }

  #fetch(): Promise<void> {
    const { type, filters, fields, sort, direction, q, retry, queryClient } = this.#options;
    const options: FindCallOptions = { fields, sort, direction, q, retry };
    // TanStack Query owns requests made through it (it cancels them, not unsubscribing).
    const signal = this.begin(queryClient === undefined);
    this.epoch = this.store.listEpoch(type);
    const request =
      queryClient === undefined
        ? this.store.find(type, filters, { ...options, signal })
        : queryClient.fetchQuery({
            queryKey: findQueryKey(type, filters, options),
            queryFn: (context) => this.store.find(type, filters, { ...options, signal: context.signal }),
            staleTime: 0,
            structuralSharing: false,
          });
    return this.track(request as Promise<EntitySnapshot[]>, (items) => {
      this.#loaded = true;
      this.items.replace(items);
    });
  }

  protected update(): void {
    const previous = this.#result as FindResult<D> | undefined;
    const data = this.#loaded ? (this.items.items as unknown as readonly D[]) : null;
    const status: ObserverStatus =
      this.error !== null
        ? 'error'
        : this.#loaded
          ? 'success'
          : this.#options.enabled === false
            ? 'idle'
            : 'pending';
    const next = {
      data,
      status,
      error: this.error,
      isFetching: this.fetching,
      refetch: this.refetch,
    };
    this.#result = keepEqual(previous, next);
    if (this.#result === previous) return;
    if (previous !== undefined) this.notify();
  }
}
