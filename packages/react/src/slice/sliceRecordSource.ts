/**
 * A `RecordSource` whose records live in a Zustand store's entity slice: the slice's `records`
 * map is the store's only copy. Writes mutate that map in place (O(changed) per write) and each
 * write batch is published as one `set` that bumps `version`, so Zustand subscribers and devtools
 * see one update per batch, never a copy of the records.
 */
import type { ChangeBatch, RecordSource, StoreRecord } from '@stashkit/core';

export type RecordMap = Map<string, Map<string, StoreRecord>>;

export class SliceRecordSource implements RecordSource {
  readonly #records: () => RecordMap;
  readonly #publish: (batch: ChangeBatch) => void;

  /** `records` reads the slice's current map; `publish` is called once per write batch. */
  constructor(records: () => RecordMap, publish: (batch: ChangeBatch) => void) {
    this.#records = records;
    this.#publish = publish;
  }

  get(typename: string, id: string): StoreRecord | undefined {
    return this.#records().get(typename)?.get(id);
  }

  set(typename: string, id: string, record: StoreRecord): void {
    const records = this.#records();
    let byId = records.get(typename);
    if (byId === undefined) records.set(typename, (byId = new Map()));
    byId.set(id, record);
  }

  delete(typename: string, id: string): boolean {
    return this.#records().get(typename)?.delete(id) ?? false;
  }

  values(typename: string): IterableIterator<StoreRecord> {
    const byId = this.#records().get(typename);
    return byId === undefined ? new Map<string, StoreRecord>().values() : byId.values();
  }

  size(typename: string): number {
    return this.#records().get(typename)?.size ?? 0;
  }

  typenames(): Iterable<string> {
    return this.#records().keys();
  }

  clear(): void {
    this.#records().clear();
  }

  commit(batch: ChangeBatch): void {
    this.#publish(batch);
  }
}
