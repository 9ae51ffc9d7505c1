/**
 * `EntityObserver`: one entity with a field selection, as a subscribable result for bindings
 * (`useEntity`, `usePopulate`). It fetches only when someone subscribes and something is missing or
 * stale, follows exactly the records and fields its selection reads (links included), and builds a
 * new result only when one of those changed, so an update reaches the affected observers only.
 * `data` is plain and selection-shaped (`StashEntityStore.readEntity`): a selected value that
 * changed gives a new `data` (and new objects along its path), anything else keeps its identity.
 *
 * Work starts a microtask after the first subscribe: a subscribe/unsubscribe/subscribe burst
 * (React StrictMode) starts one read, and an observer dropped before then starts none. When the
 * last listener leaves, its read is aborted: dropped, or its request aborted, unless another
 * read still needs it (see `CoalescingLoader`).
 */
import { StashError, StashValidationError } from '../errors';
import type { EntityTypeName } from '../schema/generated/types';
import type { StashEntityStore } from '../store/stashEntityStore';
import type { EntityOf } from '../store/storeTypes';
import { specList } from '../query/fieldTree';
import { addWholeRecord, type DepMap } from '../read/readSelection';
import { recordKey } from '../shared/keys';
import { keepEqual } from '../shared/shallowEqual';
import { fillMissing } from './heldData';
import { isInvalidation, RecordSubscriptions } from './recordSubscriptions';
import { Subscribable } from './subscribable';

export type ObserverStatus = 'idle' | 'pending' | 'success' | 'error';

export interface EntityObserverOptions<T extends EntityTypeName = EntityTypeName> {
  type: T;
  /** `null`/`undefined` = nothing to observe (status `idle`). */
  id: string | null | undefined;
  /** Field specs that must be present (`'title'`, `'studio.name'`); default: the cached record as is. */
  fields?: Iterable<string>;
  /** `false` = never fetch (read the cache only). Default `true`. */
  enabled?: boolean;
}

export interface EntityResult<D> {
  /**
   * Plain data holding exactly the selected fields once they are all present (kept while a refetch
   * runs), structurally shared with the previous result; else `null`. Without `fields`: the record
   * as received, links as their small set (`id` and name/title/path).
   */
  readonly data: D | null;
  readonly status: ObserverStatus;
  readonly error: StashError | null;
  /** The server said the entity does not exist (or it was deleted). */
  readonly missing: boolean;
  /** A request for it is in flight. */
  readonly isFetching: boolean;
  /** `data` is past its TTL or invalidated (a background refetch follows while subscribed). */
  readonly isStale: boolean;
  readonly refetch: () => Promise<D | null>;
}

interface SuspenseRead {
  readonly promise: Promise<void>;
  settled: boolean;
  value?: unknown;
  error?: unknown;
}

// Suspense reads outlive the observers of components that suspended before mounting (React drops
// their state, and re-renders once more after an error). An outcome is kept until an observer of
// it mounts, or for SUSPENSE_OUTCOME_MS after it settled.
const suspenseReads = new WeakMap<StashEntityStore, Map<string, SuspenseRead>>();
const SUSPENSE_OUTCOME_MS = 5000;

export class EntityObserver<T extends EntityTypeName = EntityTypeName, D = EntityOf<T>> extends Subscribable {
  readonly store: StashEntityStore;
  #type!: T;
  #id: string | null = null;
  #specs: readonly string[] | undefined;
  #enabled = true;
  #signature = '';
  #fetching: Promise<unknown> | null = null;
  #abort: AbortController | null = null;
  #generation = 0;
  #error: StashError | null = null;
  #missing = false;
  /** Something it reads was invalidated since its last request started: due again, even after an error. */
  #invalidated = false;
  /** The signature `#result.data` was read with (only its own selection fills a partial read). */
  #dataSignature = '';
  #result!: EntityResult<D>;
  readonly #subs: RecordSubscriptions;
  /** While subscribed: `invalidate*` calls naming it (a failed read asks again; none may change a record). */
  #offInvalidations: (() => void) | null = null;

  constructor(store: StashEntityStore, options: EntityObserverOptions<T>) {
    super();
    this.store = store;
    this.#subs = new RecordSubscriptions(store, (change) => {
      if (change.kind === 'added' || change.kind === 'removed') this.#missing = false;
      if (change.kind === 'deleted' && change.typename === this.#type && change.id === this.#id)
        this.#missing = true;
      const invalidated = isInvalidation(store, change);
      if (invalidated) this.#invalidated = true;
      this.#update();
      if (invalidated) this.#scheduleFetch();
    });
    this.refetch = this.refetch.bind(this);
    this.getResult = this.getResult.bind(this);
    this.setOptions(options);
  }

  /** Applies new options (cheap when nothing changed; safe to call on every render). Throws on bad input. */
  setOptions(options: EntityObserverOptions<T>): void {
    const specs = specList(options.fields);
    const id = options.id ?? null;
    const enabled = options.enabled !== false;
    const signature = [options.type, id ?? '', enabled ? 1 : 0, ...(specs ?? ['*'])].join('\u0000');
    if (signature === this.#signature) return;
    if (id !== null && (typeof id !== 'string' || id === '')) {
      throw new StashValidationError(
        `EntityObserver: id must be a non-empty string, got ${JSON.stringify(id)}`,
      );
    }
    // Validates the type and the field specs now, before any request.
    this.store.selectionTree(checkEntityType(this.store, options.type), specs);
    this.#type = options.type;
    this.#id = id;
    this.#specs = specs;
    this.#enabled = enabled;
    this.#signature = signature;
    this.#generation++;
    this.#fetching = null;
    this.#error = null;
    this.#missing = false;
    this.#invalidated = false;
    this.#consumeSuspenseRead();
    this.#update();
    this.#scheduleFetch();
  }

  getResult(): EntityResult<D> {
    return this.#result;
  }

  /** Fetches the selection again, ignoring the cache. */
  refetch(): Promise<D | null> {
    if (this.#id === null) return Promise.resolve(null);
    return this.#fetch(true) as Promise<D | null>;
  }

  /**
   * For suspense: a promise to throw while the result is pending (starts the read now). Its outcome
   * is kept for the observer of the next render, which may be a new one.
   */
  suspend(): Promise<void> {
    const reads = suspenseReadsOf(this.store);
    let read = reads.get(this.#signature);
    if (read === undefined) {
      const entry = { settled: false } as SuspenseRead;
      const signature = this.#signature;
      const expire = () => {
        this.store.timers.delay(() => {
          if (reads.get(signature) === entry) reads.delete(signature);
        }, SUSPENSE_OUTCOME_MS);
      };
      const promise = this.#get(false).then(
        (value) => {
          Object.assign(entry, { settled: true, value });
          expire();
        },
        (error: unknown) => {
          Object.assign(entry, { settled: true, error });
          expire();
        },
      );
      read = Object.assign(entry, { promise });
      reads.set(signature, read);
    }
    return read.promise;
  }

  protected override onSubscribe(): void {
    // Mounted: the suspense outcome has served its purpose.
    suspenseReads.get(this.store)?.delete(this.#signature);
    this.#subs.activate();
    this.#offInvalidations ??= this.store.subscribeInvalidations((targets) => {
      const id = this.#id;
      if (this.#error === null || id === null) return;
      if (targets.has('*') || targets.has(this.#type) || targets.has(recordKey(this.#type, id))) {
        this.#invalidated = true;
        this.#scheduleFetch();
      }
    });
    // The cache may have changed between render and subscribe.
    this.#update(true);
    this.#scheduleFetch();
  }

  protected override onUnsubscribe(): void {
    this.#subs.deactivate();
    this.#offInvalidations?.();
    this.#offInvalidations = null;
    if (this.#abort !== null) {
      // Nobody shows this result any more: release the read (settles as if never started).
      this.#abort.abort();
      this.#abort = null;
      this.#fetching = null;
      this.#generation++;
      this.#update(true);
    }
  }

  #consumeSuspenseRead(): void {
    const read = suspenseReads.get(this.store)?.get(this.#signature);
    if (read === undefined || !read.settled) return;
    if (read.error !== undefined) this.#error = toStashError(read.error);
    else if (read.value === null) this.#missing = true;
  }

  #scheduleFetch(): void {
    if (!this.hasListeners()) return;
    const generation = this.#generation;
    queueMicrotask(() => {
      if (generation !== this.#generation || !this.hasListeners() || this.#fetching !== null) return;
      if (this.#needsFetch()) void this.#fetch(false).catch(() => undefined);
    });
  }

  #needsFetch(): boolean {
    if (this.#id === null || !this.#enabled) return false;
    // A failed read is not retried on its own (no loop), only after an invalidation of what it reads.
    if (this.#error !== null && !this.#invalidated) return false;
    const result = this.#result;
    if (result.data === null) return !this.#missing;
    return result.isStale;
  }

  #get(force: boolean, signal?: AbortSignal): Promise<unknown> {
    const options = {
      ...(this.#specs !== undefined ? { fields: this.#specs } : {}),
      forceRefetch: force,
      ...(signal !== undefined ? { signal } : {}),
    };
    return this.store.get(this.#type, this.#id!, options);
  }

  #fetch(force: boolean): Promise<unknown> {
    const generation = this.#generation;
    // A subscribed observer's read is released when its last listener leaves; others run to the end.
    const abort = this.hasListeners() ? new AbortController() : null;
    this.#invalidated = false;
    const promise = this.#get(force, abort?.signal);
    this.#abort?.abort();
    this.#abort = abort;
    this.#fetching = promise;
    this.#update();
    const settle = () => {
      if (this.#abort === abort) this.#abort = null;
    };
    promise.then(settle, settle);
    promise.then(
      (value) => {
        if (generation !== this.#generation || this.#fetching !== promise) return;
        this.#fetching = null;
        this.#error = null;
        this.#missing = value === null;
        this.#update();
        // Invalidated while in flight: its answer may predate the invalidation.
        if (this.#invalidated) this.#scheduleFetch();
      },
      (error: unknown) => {
        if (generation !== this.#generation || this.#fetching !== promise) return;
        this.#fetching = null;
        this.#error = toStashError(error);
        this.#update();
        if (this.#invalidated) this.#scheduleFetch();
      },
    );
    return promise;
  }

  /** Rebuilds the result, notifying listeners (unless `quiet`) when it changed. */
  #update(quiet = false): void {
    const previous = this.#result as EntityResult<D> | undefined;
    const next = keepEqual(previous, this.#compute(previous));
    if (next === previous) return;
    this.#result = next;
    if (previous !== undefined && !quiet) this.notify();
  }

  #compute(previous: EntityResult<D> | undefined): EntityResult<D> {
    const deps: DepMap = new Map();
    let data: D | null = null;
    let stale = false;
    const id = this.#id;
    if (id !== null) {
      const read = this.store.readEntity(this.#type, id, this.#specs, {
        previous: previous?.data ?? undefined,
        deps,
      });
      const shown = previous?.data ?? null;
      if (read !== null && read.complete) {
        data = read.data as D;
        stale = read.stale;
      } else if (read !== null && shown !== null && this.#dataSignature === this.#signature) {
        // Fields no longer received (a rule's mark) keep their last value until the refetch lands.
        data = fillMissing(read.data, shown) as D;
        stale = true;
      }
      // The root record is always followed: it may appear, be deleted or be evicted.
      if (!deps.has(recordKey(this.#type, id))) addWholeRecord(deps, this.#type, id);
    }
    this.#subs.set(deps);
    this.#dataSignature = this.#signature;
    const missing = data === null && this.#missing;
    const status: ObserverStatus =
      id === null
        ? 'idle'
        : this.#error !== null
          ? 'error'
          : data !== null || missing
            ? 'success'
            : this.#enabled
              ? 'pending'
              : 'idle';
    return {
      data,
      status,
      error: this.#error,
      missing,
      isFetching: this.#fetching !== null,
      isStale: stale,
      refetch: this.refetch,
    };
  }
}

function suspenseReadsOf(store: StashEntityStore): Map<string, SuspenseRead> {
  let reads = suspenseReads.get(store);
  if (reads === undefined) suspenseReads.set(store, (reads = new Map()));
  return reads;
}

/** Throws `StashValidationError` unless `type` is an entity typename of the store's model. */
export function checkEntityType<T extends string>(store: StashEntityStore, type: T): T {
  if (typeof type !== 'string' || !Object.hasOwn(store.model.entities, type)) {
    throw new StashValidationError(`EntityObserver: unknown entity type ${JSON.stringify(type)}`);
  }
  return type;
}

export function toStashError(error: unknown): StashError {
  return error instanceof StashError ? error : new StashError(String(error), { cause: error });
}
