/**
 * What `FindObserver` and `FindIterObserver` share: items kept current (`ListItems`), list
 * staleness followed while subscribed (`ListStaleness`), and ownership of the request in flight.
 *
 * Work is due when nothing was asked yet, or when the type's lists went stale after the shown
 * answer was asked for (`store.listEpoch`), or when an invalidation rule left items with fields
 * not received (`ListItems.due`: shown with their last values until the answer); it starts a microtask after a subscribe, an option
 * change or a stale notice, so a subscribe/unsubscribe/subscribe burst starts one request. The
 * result built in between already says `isFetching` (`fetching`, like TanStack's optimistic
 * result). The request is aborted when the last listener leaves or a newer one replaces it.
 */
import type { StashError } from '../errors';
import type { StashEntityStore } from '../store/stashEntityStore';
import { toStashError } from './entityObserver';
import { ListItems } from './listItems';
import { ListStaleness } from './listStaleness';
import { Subscribable } from './subscribable';

export abstract class ListObserver extends Subscribable {
  readonly store: StashEntityStore;
  protected readonly items: ListItems;
  /** Bumped when the options change: answers to older requests are dropped. */
  protected generation = 0;
  /** The type's list epoch when the shown (or in-flight) answer was asked for; -1 = never asked. */
  protected epoch = -1;
  protected inFlight: Promise<void> | null = null;
  protected error: StashError | null = null;
  /** A fetch is scheduled for the end of the tick (its request not started yet). */
  #due = false;
  readonly #lists: ListStaleness;
  #abort: AbortController | null = null;

  constructor(store: StashEntityStore) {
    super();
    this.store = store;
    this.items = new ListItems(store, () => {
      this.items.refresh();
      if (this.items.due) this.scheduleFetch();
      this.update();
    });
    this.#lists = new ListStaleness(
      store,
      () => this.listType,
      () => {
        this.scheduleFetch();
        this.update();
      },
    );
  }

  /** The observed entity type. */
  protected abstract get listType(): string;
  protected abstract get enabled(): boolean;
  /** An answer is shown (or an error): with a current epoch, nothing is due. */
  protected abstract get asked(): boolean;
  /** Starts the work that is due: the first load, or a refetch of what is shown. */
  protected abstract fetchDue(): Promise<void>;
  /** Rebuilds the result, notifying listeners when it changed. */
  protected abstract update(): void;

  protected override onSubscribe(): void {
    this.items.activate();
    this.items.refresh();
    this.#lists.activate();
    this.scheduleFetch();
    this.update();
  }

  protected override onUnsubscribe(): void {
    this.items.deactivate();
    this.#lists.deactivate();
    const due = this.#due;
    this.#due = false;
    // Nobody shows this list any more: its request is not needed (see `CoalescingLoader`).
    if (this.release() || due) this.update();
  }

  /** A request is in flight or about to start: what the result's `isFetching` says. */
  protected get fetching(): boolean {
    return this.inFlight !== null || this.#due;
  }

  /**
   * Starts the due work a microtask later; until then `fetching` is already true, so the result
   * the caller rebuilds next (`update()`) says so.
   */
  protected scheduleFetch(): void {
    this.#due = this.#isDue();
    if (!this.#due) return;
    const generation = this.generation;
    queueMicrotask(() => {
      // A newer generation scheduled its own fetch (and owns `#due`).
      if (generation !== this.generation) return;
      this.#due = false;
      if (this.#isDue()) void this.fetchDue().catch(() => undefined);
      this.update();
    });
  }

  #isDue(): boolean {
    if (!this.hasListeners() || !this.enabled) return false;
    return !this.asked || this.epoch !== this.store.listEpoch(this.listType) || this.items.due;
  }

  /**
   * Replaces the request in flight with a new one: the signal for it, aborted when the last
   * listener leaves or a newer request starts (none for an unsubscribed or non-abortable request).
   */
  protected begin(abortable = true): AbortSignal | undefined {
    this.release();
    this.items.asked();
    this.#abort = abortable && this.hasListeners() ? new AbortController() : null;
    return this.#abort?.signal;
  }

  /** Aborts the request in flight, if any; true when there was one. */
  protected release(): boolean {
    const had = this.inFlight !== null;
    this.#abort?.abort();
    this.#abort = null;
    this.inFlight = null;
    // What is shown was not refreshed: its epoch is unknown, so the next subscribe asks again.
    if (had) this.epoch = -1;
    return had;
  }

  /**
   * Makes `request` the one in flight: with its answer, `apply` runs and the result is rebuilt;
   * its error becomes the result's. A request replaced or released meanwhile changes nothing, and
   * its caller follows the newer request, if any.
   */
  protected track<A>(request: Promise<A>, apply: (answer: A) => void): Promise<void> {
    const generation = this.generation;
    const current = () => {
      if (generation !== this.generation || this.inFlight !== promise) return false;
      this.#abort = null;
      this.inFlight = null;
      return true;
    };
    const promise: Promise<void> = request.then(
      (answer) => {
        if (!current()) return this.inFlight ?? undefined;
        this.error = null;
        apply(answer);
        // The lists may have gone stale while it was in flight.
        this.scheduleFetch();
        this.update();
      },
      (error: unknown) => {
        if (!current()) return this.inFlight ?? undefined;
        this.error = toStashError(error);
        this.update();
        throw this.error;
      },
    );
    this.inFlight = promise;
    this.update();
    return promise;
  }
}
