/**
 * Time-to-live per field: a field is stale once `now` minus its fetch time passes its type's TTL
 * (or after `invalidate`); a record is stale when one of its received fields is. Staleness is computed when asked (lazy), so nothing is removed and every
 * index stays consistent; a stale record is refetched by the next read, keeping its identity.
 */
import { StashValidationError } from '../errors';
import type { TypeInfo } from '../model/typeTable';
import type { StoreRecord } from '../records/storeRecord';
import type { Clock } from '../shared/clock';

/** Seconds, `null` for never, `undefined` for the default. */
export type TtlSeconds = number | null | undefined;

export function ttlToMs(ttl: number | null, what: string): number {
  if (ttl === null) return Infinity;
  if (typeof ttl !== 'number' || Number.isNaN(ttl) || ttl < 0) {
    throw new StashValidationError(
      `StashEntityStore: ${what} must be a number of seconds >= 0 or null, got ${String(ttl)}`,
    );
  }
  return ttl * 1000;
}

export class TtlPolicy {
  readonly now: Clock;
  #defaultMs: number;
  // Effective TTL in ms per `TypeInfo.index` (the default unless overridden), and the overrides.
  readonly #ms: number[];
  readonly #overridden: boolean[];
  /** Bumped by every TTL change (memoized reads computed under older TTLs are rechecked). */
  version = 0;

  constructor(now: Clock, defaultTtl: number | null, types: number) {
    this.now = now;
    this.#defaultMs = ttlToMs(defaultTtl, 'defaultTtl');
    this.#ms = new Array<number>(types).fill(this.#defaultMs);
    this.#overridden = new Array<boolean>(types).fill(false);
  }

  setDefault(ttl: number | null): void {
    this.#defaultMs = ttlToMs(ttl, 'defaultTtl');
    this.version++;
    for (let i = 0; i < this.#ms.length; i++) if (!this.#overridden[i]) this.#ms[i] = this.#defaultMs;
  }

  /** `null` = never expires; `undefined` = back to the store default. */
  setType(type: TypeInfo, ttl: TtlSeconds): void {
    const ms = ttl === undefined ? this.#defaultMs : ttlToMs(ttl, `TTL of ${type.name}`);
    this.version++;
    this.#overridden[type.index] = ttl !== undefined;
    this.#ms[type.index] = ms;
  }

  ttlMs(type: TypeInfo): number {
    return this.#ms[type.index];
  }

  /** Stale: tombstoned, invalidated, or some received field older than its type's TTL (strictly greater). */
  isStale(record: StoreRecord, now: number = this.now()): boolean {
    return !record.isFresh(now, this.#ms[record.type.index]);
  }

  /** One field: not received, invalidated, or older than the TTL. */
  isFieldStale(record: StoreRecord, key: string, now: number = this.now()): boolean {
    return !record.isFieldFresh(key, now, this.#ms[record.type.index]);
  }
}
