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

  /**
   * The live id → record map of one type, created on first use and kept for the source's life
   * (`clear` empties it). The normalizer writes through it directly (one lookup per record instead
   * of two per call) when the source is exactly this class, since it has no `commit` to honour.
   */
  typeMap(typename: string): Map<string, StoreRecord> {
    let map = this.#byType.get(typename);
    if (map === undefined) this.#byType.set(typename, (map = new Map()));
    return map;
  }

  get(typename: string, id: string): StoreRecord | undefined {
    return this.#byType.get(typename)?.get(id);
  }

  set(typename: string, id: string, record: StoreRecord): void {
    this.typeMap(typename).set(id, record);
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
    const names: string[] = [];
    for (const [typename, map] of this.#byType) if (map.size > 0) names.push(typename);
    return names;
  }

  clear(): void {
    for (const map of this.#byType.values()) map.clear();
  }
}

/** The per-type maps of a plain `MapRecordSource` (not a subclass, which may override `set`), else `undefined`. */
export function directTypeMaps(
  source: RecordSource,
): ((typename: string) => Map<string, StoreRecord>) | undefined {
  if (Object.getPrototypeOf(source) !== MapRecordSource.prototype) return undefined;
  const direct = source as MapRecordSource;
  return (typename) => direct.typeMap(typename);
}
