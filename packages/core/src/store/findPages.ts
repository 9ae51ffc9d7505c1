/**
 * `findPage`: numbered pages ("1-40 of 2,000"), as Stash's own UI pages. One list query per page
 * (`count`, the type's aggregates and the items), queued into the tick like every other read, so
 * it shares the document with the tick's entity reads and lists.
 *
 * Answers are cached per (type, filters, search, sort, direction, page, page size, fields) and
 * reused while the type's lists are not stale (`listEpoch`), the answer is within the type's TTL,
 * and every item still has every selected field fresh; otherwise the page is asked again. Identical calls in
 * flight share one request, which is aborted when every caller that passed a signal aborted and
 * none without a signal waits.
 */
import { abortable } from '../batch/abortable';
import { DEFAULT_QUERY_BATCH, FIND_LIMIT } from '../constants';
import { StashNetworkError, StashValidationError } from '../errors';
import type { TypeInfo, TypeTable } from '../model/typeTable';
import type { FieldTreeBuilder } from '../query/fieldTree';
import type { EntitySnapshot } from '../records/storeRecord';
import { stableKey } from '../shared/stableKey';
import type { EntityReads } from './entityReads';
import type { FindRequests } from './findRequests';
import type { FindPageOptions, FindPageResult } from './storeTypes';
import type { TtlPolicy } from './ttlPolicy';

type AnyPage = FindPageResult<string, EntitySnapshot> & Record<string, unknown>;

interface PageAnswer {
  readonly epoch: number;
  readonly at: number;
  readonly ids: readonly string[];
  readonly count: number;
  readonly aggregates: Readonly<Record<string, number>>;
}

interface PageFlight {
  readonly promise: Promise<PageAnswer>;
  readonly controller: AbortController;
  /** Callers still waiting that could abort; `Infinity` once a caller without a signal joined. */
  waiting: number;
}

interface PageEntry {
  /** The page's field specs (the type's default set without `fields`), checked on each reuse. */
  readonly specs: readonly string[];
  answer?: PageAnswer;
  flight?: PageFlight;
}

/** Pages kept at most: the least recently used is forgotten first. */
const MAX_PAGES = 100;

export class FindPages {
  readonly #entries = new Map<string, PageEntry>();

  readonly #table: TypeTable;
  readonly #finds: FindRequests;
  readonly #reads: EntityReads;
  readonly #trees: FieldTreeBuilder;
  readonly #ttl: TtlPolicy;
  readonly #listEpoch: (typename: string) => number;

  constructor(
    table: TypeTable,
    finds: FindRequests,
    reads: EntityReads,
    trees: FieldTreeBuilder,
    ttl: TtlPolicy,
    listEpoch: (typename: string) => number,
  ) {
    this.#table = table;
    this.#finds = finds;
    this.#reads = reads;
    this.#trees = trees;
    this.#ttl = ttl;
    this.#listEpoch = listEpoch;
  }

  findPage(typename: string, filters: unknown, options: FindPageOptions = {}): Promise<AnyPage> {
    try {
      const type = this.#table.entity(typename);
      const page = pageNumber(options.page, 'page', 1, Infinity);
      const perPage = pageNumber(options.perPage, 'perPage', DEFAULT_QUERY_BATCH, FIND_LIMIT);
      const { fields, signal, retry } = options;
      // Validates filters, options and fields before any request.
      const request = this.#finds.prepare(type, filters, options, page, perPage);
      const key = pageKey(type, filters, options, page, perPage);
      let entry = this.#entries.get(key);
      if (entry !== undefined) {
        // Most recently used last.
        this.#entries.delete(key);
        this.#entries.set(key, entry);
      } else {
        const specs = fields === undefined ? [...this.#trees.defaults(type.name).keys()] : [...fields];
        entry = { specs };
        this.#entries.set(key, entry);
        if (this.#entries.size > MAX_PAGES) this.#evictOldest();
      }
      const result = (answer: PageAnswer) => this.#result(type, answer, page, perPage);
      if (entry.answer !== undefined && this.#current(type, entry.answer, entry.specs)) {
        return Promise.resolve(result(entry.answer));
      }
      if (signal?.aborted === true) return Promise.reject(abortError());
      let flight = entry.flight;
      if (flight === undefined) {
        const controller = new AbortController();
        const epoch = this.#listEpoch(type.name);
        const aggregates = (type.entityModel?.list?.aggregates ?? []).filter((a) => a !== 'count');
        const promise = this.#finds
          // A shared request retries as its first caller asked.
          .page(type, request, undefined, { signal: controller.signal, retry }, aggregates)
          .then((found) => {
            const answer: PageAnswer = {
              epoch,
              at: this.#ttl.now(),
              ids: found.items.map((item) => item.id),
              count: found.count,
              aggregates: found.aggregates ?? {},
            };
            if (entry.flight === flight) entry.answer = answer;
            return answer;
          });
        const settle = () => {
          if (entry.flight === flight) entry.flight = undefined;
        };
        promise.then(settle, settle);
        flight = entry.flight = { promise, controller, waiting: 0 };
      }
      return this.#join(flight, signal).then(result);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /**
   * The page `findPage` would answer now without a request, or `null` (not cached, no longer
   * current, or options `findPage` would refuse: it reports why).
   */
  peek(typename: string, filters: unknown, options: FindPageOptions = {}): AnyPage | null {
    const type = this.#table.object(typename);
    if (type === undefined || !type.entity) return null;
    const page = options.page ?? 1;
    const perPage = options.perPage ?? DEFAULT_QUERY_BATCH;
    if (!isCount(page, Infinity) || !isCount(perPage, FIND_LIMIT)) return null;
    const entry = this.#entries.get(pageKey(type, filters, options, page, perPage));
    if (entry?.answer === undefined || !this.#current(type, entry.answer, entry.specs)) return null;
    return this.#result(type, entry.answer, page, perPage);
  }

  #evictOldest(): void {
    for (const [key, entry] of this.#entries) {
      if (entry.flight === undefined) {
        this.#entries.delete(key);
        return;
      }
    }
  }

  /** A caller joins a flight; with a signal it may leave it, and the last one to leave aborts it. */
  #join(flight: PageFlight, signal: AbortSignal | undefined): Promise<PageAnswer> {
    if (signal === undefined) {
      flight.waiting = Infinity;
      return flight.promise;
    }
    flight.waiting++;
    return abortable(flight.promise, signal, abortError, () => {
      if (--flight.waiting === 0) flight.controller.abort();
    });
  }

  #current(type: TypeInfo, answer: PageAnswer, specs: readonly string[]): boolean {
    if (answer.epoch !== this.#listEpoch(type.name)) return false;
    if (this.#ttl.now() - answer.at > this.#ttl.ttlMs(type)) return false;
    // Per field: an item deleted, invalidated, expired, or evicted and read again with other
    // fields (so the page's fields are not all there) means asking again.
    return answer.ids.every((id) => {
      const snap = this.#reads.peek(type.name, id);
      return snap !== null && this.#reads.missingFieldsNested(snap, ...specs).size === 0;
    });
  }

  #result(type: TypeInfo, answer: PageAnswer, page: number, perPage: number): AnyPage {
    const items: EntitySnapshot[] = [];
    for (const id of answer.ids) {
      const snap = this.#reads.peek(type.name, id);
      if (snap !== null) items.push(snap);
    }
    const pages = Math.ceil(answer.count / perPage);
    return { ...answer.aggregates, items, count: answer.count, page, perPage, pages } as AnyPage;
  }
}

function pageKey(
  type: TypeInfo,
  filters: unknown,
  { q, sort, direction, fields }: FindPageOptions,
  page: number,
  perPage: number,
): string {
  const specs = fields === undefined ? null : [...fields];
  return stableKey([type.name, filters ?? {}, q, sort, direction, page, perPage, specs]);
}

function isCount(value: unknown, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= max;
}

function pageNumber(value: unknown, what: string, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  if (!isCount(value, max)) {
    const range = max === Infinity ? 'a positive integer' : `an integer from 1 to ${max}`;
    throw new StashValidationError(
      `StashEntityStore: findPage ${what} must be ${range}, got ${String(value)}`,
    );
  }
  return value;
}

function abortError(): StashNetworkError {
  return new StashNetworkError('StashEntityStore: read aborted');
}
