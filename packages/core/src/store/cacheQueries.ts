/**
 * Cache-only queries over one type's records (the type index: O(k) for k cached records of the
 * type): `filter`, `filterStrict`, and the populate-then-filter family, which fetches the missing
 * fields of a whole chunk in one request instead of one request per entity.
 */
import { MissingFieldsError, StashValidationError } from '../errors';
import type { EntitySnapshot } from '../records/storeRecord';

export interface PopulateStats {
  /** Fresh cached entities of the type when the call started. */
  totalCached: number;
  /** How many of them were missing some required field. */
  neededPopulation: number;
  /** The required field specs. */
  populatedFields: string[];
  /** Entities that passed the predicate. */
  matches: number;
  /** Share of entities that needed nothing: `(total - needed) / total`, 0 for an empty cache. */
  cacheHitRate: number;
  /** HTTP requests the population made. */
  requests: number;
}

/** What the cache-only queries need from the store. */
export interface CacheQueryHost {
  allCached(typename: string): EntitySnapshot[];
  missingFieldsNested(entity: EntitySnapshot, ...specs: string[]): Set<string>;
  /** Fetches `specs` for all `entities` in one coalesced request; resolves to current snapshots. */
  populateChunk(entities: readonly EntitySnapshot[], specs: readonly string[]): Promise<void>;
  /** The entity's current snapshot (`null` if it is gone). */
  current(entity: EntitySnapshot): EntitySnapshot | null;
}

export function requireSize(value: number | undefined, fallback: number, what: string): number {
  const size = value ?? fallback;
  if (!Number.isInteger(size) || size < 1) {
    throw new StashValidationError(
      `StashEntityStore: ${what} must be a positive integer, got ${String(value)}`,
    );
  }
  return size;
}

export function toSpecs(required: Iterable<string> | string): string[] {
  return typeof required === 'string' ? [required] : [...required];
}

/** The family bound to a host, with its options checked: what the store facade delegates to. */
export class CacheQueries {
  readonly #host: CacheQueryHost;
  readonly #requests: () => number;

  constructor(host: CacheQueryHost, requests: () => number) {
    this.#host = host;
    this.#requests = requests;
  }

  /** Throws `MissingFieldsError` for the first entity missing a spec, before running the predicate. */
  filterStrict<T extends EntitySnapshot>(
    typename: string,
    required: Iterable<string>,
    predicate: (entity: T) => boolean,
  ): T[] {
    const specs = toSpecs(required);
    const all = this.#host.allCached(typename) as T[];
    for (const entity of all) {
      const missing = this.#host.missingFieldsNested(entity, ...specs);
      if (missing.size > 0) throw new MissingFieldsError(typename, entity.id, [...missing]);
    }
    return all.filter(predicate);
  }

  filterAndPopulateWithStats<T extends EntitySnapshot>(
    typename: string,
    required: Iterable<string>,
    predicate: (entity: T) => boolean,
    options: { batchSize?: number } | undefined,
  ): Promise<{ results: T[]; stats: PopulateStats }> {
    try {
      const size = requireSize(options?.batchSize, 50, 'batchSize');
      return this.#withStats(typename, required, predicate, size);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  async #withStats<T extends EntitySnapshot>(
    typename: string,
    required: Iterable<string>,
    predicate: (entity: T) => boolean,
    batchSize: number,
  ): Promise<{ results: T[]; stats: PopulateStats }> {
    const host = this.#host;
    const specs = toSpecs(required);
    const startRequests = this.#requests();
    const all = host.allCached(typename);
    const needing = all.filter((e) => host.missingFieldsNested(e, ...specs).size > 0);
    for (let i = 0; i < needing.length; i += batchSize) {
      await host.populateChunk(needing.slice(i, i + batchSize), specs);
    }
    const results: T[] = [];
    for (const entity of all) {
      const now = host.current(entity);
      // Gone from the server, or still incomplete (it can't be judged): left out.
      if (now === null || host.missingFieldsNested(now, ...specs).size > 0) continue;
      if (predicate(now as T)) results.push(now as T);
    }
    const total = all.length;
    return {
      results,
      stats: {
        totalCached: total,
        neededPopulation: needing.length,
        populatedFields: specs,
        matches: results.length,
        cacheHitRate: total === 0 ? 0 : (total - needing.length) / total,
        requests: this.#requests() - startRequests,
      },
    };
  }

  populatedFilterIter<T extends EntitySnapshot>(
    typename: string,
    required: Iterable<string>,
    predicate: (entity: T) => boolean,
    options: { populateBatch?: number; yieldBatch?: number } | undefined,
  ): AsyncGenerator<T, void, undefined> {
    const populateBatch = requireSize(options?.populateBatch, 50, 'populateBatch');
    const yieldBatch = requireSize(options?.yieldBatch, 10, 'yieldBatch');
    return this.#iterate(typename, required, predicate, populateBatch, yieldBatch);
  }

  async *#iterate<T extends EntitySnapshot>(
    typename: string,
    required: Iterable<string>,
    predicate: (entity: T) => boolean,
    populateBatch: number,
    yieldBatch: number,
  ): AsyncGenerator<T, void, undefined> {
    const host = this.#host;
    const specs = toSpecs(required);
    const all = host.allCached(typename);
    for (let i = 0; i < all.length; i += yieldBatch) {
      const chunk = all.slice(i, i + yieldBatch);
      const needing = chunk.filter((e) => host.missingFieldsNested(e, ...specs).size > 0);
      for (let j = 0; j < needing.length; j += populateBatch) {
        await host.populateChunk(needing.slice(j, j + populateBatch), specs);
      }
      for (const entity of chunk) {
        const now = host.current(entity);
        if (now === null || host.missingFieldsNested(now, ...specs).size > 0) continue;
        if (predicate(now as T)) yield now as T;
      }
    }
  }
}
