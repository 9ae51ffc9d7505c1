/**
 * Where records live. The store reads and writes records only through this interface, so the
 * normalized state can be held elsewhere (e.g. a Zustand slice) as long as it honours the contract:
 * - `get`/`set`/`delete` are synchronous and keyed by typename and id;
 * - records are the store's `StoreRecord` objects, kept by reference (never cloned);
 * - `commit(batch)` is called once at the end of every write batch that changed something, after
 *   all `set`/`delete` calls of that batch, so an external source can publish one update per batch.
 */
import type { ChangeBatch } from '../tracking/changeBatch';
import type { StoreRecord } from './storeRecord';

export interface RecordSource {
  get(typename: string, id: string): StoreRecord | undefined;
  set(typename: string, id: string, record: StoreRecord): void;
  delete(typename: string, id: string): boolean;
  /** Records of one type, in insertion order (the type index: O(k) for k records of the type). */
  values(typename: string): IterableIterator<StoreRecord>;
  size(typename: string): number;
  /** Typenames that currently hold records. */
  typenames(): Iterable<string>;
  clear(): void;
  commit?(batch: ChangeBatch): void;
}

/** The default source: one `Map` of id → record per typename. */
export class MapRecordSource implements RecordSource {
  readonly #byType = new Map<string, Map<string, StoreRecord>>();

  get(typename: string, id: string): StoreRecord | undefined {
    return this.#byType.get(typename)?.get(id);
  }

  set(typename: string, id: string, record: StoreRecord): void {
    let map = this.#byType.get(typename);
    if (map === undefined) {
      map = new Map();
      this.#byType.set(typename, map);
    }
    map.set(id, record);
  }

  delete(typename: string, id: string): boolean {
    return this.#byType.get(typename)?.delete(id) ?? false;
  }

  values(typename: string): IterableIterator<StoreRecord> {
    const map = this.#byType.get(typename);
    return map === undefined ? [].values() : map.values();
  }

  size(typename: string): number {
    return this.#byType.get(typename)?.size ?? 0;
  }

  typenames(): Iterable<string> {
    return this.#byType.keys();
  }

  clear(): void {
    this.#byType.clear();
  }
}
