/**
 * The match counts of list queries the store has seen (`find`, `findIter`, `findPage` answers), by
 * type, filters and search text (sort and paging do not change a count). A count is known while
 * the type's lists are not stale (`listEpoch`) and within the type's TTL, so `find` can refuse a
 * query that matches more than `FIND_LIMIT` without fetching 1,000 rows first. Past that, the last
 * count stays as a hint: `find` bets on it to skip its count probe when a list was small.
 */
import type { TypeInfo } from '../model/typeTable';
import { stableKey } from '../shared/stableKey';
import type { TtlPolicy } from './ttlPolicy';

interface KnownCount {
  readonly epoch: number;
  readonly at: number;
  readonly count: number;
}

/** Counts kept at most: the least recently recorded is forgotten first. */
const MAX_COUNTS = 200;

export class KnownCounts {
  readonly #counts = new Map<string, KnownCount>();

  readonly #ttl: TtlPolicy;
  readonly #listEpoch: (typename: string) => number;

  constructor(ttl: TtlPolicy, listEpoch: (typename: string) => number) {
    this.#ttl = ttl;
    this.#listEpoch = listEpoch;
  }

  /** The key of a count: type, filters and search text. */
  key(type: TypeInfo, filters: unknown, q: string | undefined): string {
    return stableKey([type.name, filters ?? {}, q ?? '']);
  }

  /**
   * Records an answer to a query asked at `epoch`. One asked before a mutation is only a hint,
   * and never replaces a count asked after it.
   */
  record(key: string, epoch: number, count: number): void {
    const previous = this.#counts.get(key);
    if (previous !== undefined && previous.epoch > epoch) return;
    this.#counts.delete(key);
    this.#counts.set(key, { epoch, at: this.#ttl.now(), count });
    if (this.#counts.size > MAX_COUNTS) this.#counts.delete(this.#counts.keys().next().value!);
  }

  /** The count, if known and current: asked since the type's lists last went stale, within its TTL. */
  get(type: TypeInfo, key: string): number | undefined {
    const known = this.#counts.get(key);
    if (known === undefined) return undefined;
    if (known.epoch !== this.#listEpoch(type.name) || this.#ttl.now() - known.at > this.#ttl.ttlMs(type)) {
      return undefined;
    }
    return known.count;
  }

  /** The last count seen, current or not (a guess of the list's size, never a fact to report). */
  hint(key: string): number | undefined {
    return this.#counts.get(key)?.count;
  }
}
