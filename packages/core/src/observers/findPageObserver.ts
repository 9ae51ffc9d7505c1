/**
 * `FindPageObserver`: one numbered page (`store.findPage`) as a subscribable result for
 * `useFindPage`. Moving to another page (or sort, filter, page size) keeps showing the previous
 * page, flagged `isPlaceholder`, until the new one arrives, as a paginated table expects. Items are
 * plain selection data kept current (an edit shows, a deleted item drops out); when a mutation makes the type's
 * lists stale the page is asked again in place. Its request is aborted when the last listener leaves.
 */
import type { StashError } from '../errors';
import type { EntitySnapshot } from '../records/storeRecord';
import type { EntityTypeName } from '../schema/generated/types';
import { keepEqual } from '../shared/shallowEqual';
import { stableKey } from '../shared/stableKey';
import { checkStructure } from '../validate/structure';
import type { StashEntityStore } from '../store/stashEntityStore';
import type { EntityOf, FiltersOf, FindPageOptions, FindPageResult } from '../store/storeTypes';
import { checkEntityType, type ObserverStatus } from './entityObserver';
import { specList } from '../query/fieldTree';
import { ListObserver } from './listObserver';

export interface FindPageObserverOptions<T extends EntityTypeName = EntityTypeName> extends Omit<
  FindPageOptions,
  'signal'
> {
  type: T;
  filters?: FiltersOf<T>;
  /** `false` = don't fetch. Default `true`. */
  enabled?: boolean;
}

export interface FindPageObserverResult<T extends string, D> {
  /** The page shown: the requested one, or the previous one while it loads; `null` before any. */
  readonly data: FindPageResult<T, D> | null;
  readonly status: ObserverStatus;
  readonly error: StashError | null;
  readonly isFetching: boolean;
  /** `data` is the previous page (other options), shown while the requested one loads. */
  readonly isPlaceholder: boolean;
  readonly refetch: () => Promise<void>;
}

type PageMeta = Omit<FindPageResult<string, EntitySnapshot>, 'items'>;

export class FindPageObserver<
  T extends EntityTypeName = EntityTypeName,
  D = EntityOf<T>,
> extends ListObserver {
  #options!: FindPageObserverOptions<T>;
  #key = '';
  /** The shown page's numbers, and whether it answers the current options. */
  #meta: PageMeta | null = null;
  #placeholder = false;
  #result!: FindPageObserverResult<T, D>;

  constructor(store: StashEntityStore, options: FindPageObserverOptions<T>) {
    super(store);
    this.refetch = this.refetch.bind(this);
    this.getResult = this.getResult.bind(this);
    this.setOptions(options);
  }

  setOptions(options: FindPageObserverOptions<T>): void {
    const { type, filters, fields, sort, direction, q, page, perPage, retry } = options;
    const enabled = options.enabled !== false;
    checkStructure(filters, 'StashFilter: filters');
    const key = stableKey([
      type,
      filters,
      specList(fields),
      sort,
      direction,
      q,
      page,
      perPage,
      retry,
      enabled,
    ]);
    if (key === this.#key) {
      this.#options = options;
      return;
    }
    checkEntityType(this.store, type);
    // Validates filters, sort and fields synchronously (nothing is fetched until iterated).
    this.store.findIter(type, filters, { fields, sort, direction, q, batch: 1 });
    const typeChanged = this.#options?.type !== type;
    this.#options = options;
    this.#key = key;
    this.generation++;
    this.release();
    this.epoch = -1;
    this.error = null;
    // A page the store has cached and current is shown at once, never as a placeholder.
    const cached = enabled
      ? this.store.peekPage(type, filters as never, { fields, sort, direction, q, page, perPage })
      : null;
    if (cached !== null) {
      const { items, ...meta } = cached as FindPageResult<string, EntitySnapshot>;
      this.#meta = meta;
      this.#placeholder = false;
      this.epoch = this.store.listEpoch(type);
      this.items.reset(specList(fields));
      this.items.replace(items);
    } else if (typeChanged || this.#meta === null) {
      this.#meta = null;
      this.#placeholder = false;
      this.items.reset(specList(fields));
    } else this.#placeholder = true;
    // Scheduled first: the same result that shows the placeholder says it is fetching.
    this.scheduleFetch();
    this.update();
  }

  getResult(): FindPageObserverResult<T, D> {
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
    return (this.#meta !== null && !this.#placeholder) || this.inFlight !== null || this.error !== null;
  }

  protected fetchDue(): Promise<void> {
    return this.#fetch();
  }

  #fetch(): Promise<void> {
    const { type, filters, fields, sort, direction, q, page, perPage, retry } = this.#options;
    const options = { fields, sort, direction, q, page, perPage, retry };
    const signal = this.begin();
    this.epoch = this.store.listEpoch(type);
    const request = this.store.findPage(type, filters as never, { ...options, signal });
    return this.track(request as Promise<FindPageResult<string, EntitySnapshot>>, (found) => {
      const { items, ...meta } = found;
      this.#meta = meta;
      this.#placeholder = false;
      // The answer replaces the items; unchanged ones (and the array) keep their identity.
      this.items.select(specList(fields));
      this.items.replace(items);
    });
  }

  protected update(): void {
    const previous = this.#result as FindPageObserverResult<T, D> | undefined;
    const items = this.items.items as unknown as readonly D[];
    const meta = this.#meta;
    const status: ObserverStatus =
      this.error !== null ? 'error' : meta !== null ? 'success' : this.enabled ? 'pending' : 'idle';
    const isFetching = this.fetching;
    const isPlaceholder = meta !== null && this.#placeholder;
    const data =
      meta === null
        ? null
        : keepEqual(previous?.data ?? undefined, { ...meta, items } as FindPageResult<T, D>);
    const next = { data, status, error: this.error, isFetching, isPlaceholder, refetch: this.refetch };
    this.#result = keepEqual(previous, next);
    if (this.#result === previous) return;
    if (previous !== undefined) this.notify();
  }
}
