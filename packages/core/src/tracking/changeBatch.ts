/**
 * What one write batch changed: per record key, the kind of change and the field keys whose values
 * changed. Bindings use `fields` to re-render only the components that read one of them.
 */
import { anchorHiddenClass } from '../shared/hiddenClassAnchors';
import { recordKey, type RecordKey } from '../shared/keys';
import type { StoreRecord } from '../records/storeRecord';

export type ChangeKind =
  /** The record was created by this batch. */
  | 'added'
  /** Field values changed (`fields` lists them). */
  | 'updated'
  /** Marked stale by `invalidate*` or by a failed identity; values unchanged. */
  | 'invalidated'
  /** Tombstoned: the server reported it missing or it was deleted. */
  | 'deleted'
  /** Removed from the store (`evict`, `clear`). */
  | 'removed'
  /** Its id changed (temporary id swapped for the server id); `previousId` holds the old one. */
  | 'rekeyed';

export interface RecordChange {
  readonly key: RecordKey;
  readonly typename: string;
  readonly id: string;
  readonly kind: ChangeKind;
  /** Field keys whose values changed (`title`, `studio`, `scene_count(depth:-1)`); may be empty. */
  readonly fields: ReadonlySet<string>;
  readonly previousId?: string;
}

export interface ChangeBatch {
  /** Changes by record key, in the order records were first touched. */
  readonly changes: ReadonlyMap<RecordKey, RecordChange>;
}

const NO_FIELDS: ReadonlySet<string> = new Set();

// When one batch does several things to a record, the strongest kind wins (index = rank).
const KINDS: readonly ChangeKind[] = ['invalidated', 'updated', 'rekeyed', 'added', 'deleted', 'removed'];
const enum Rank {
  Invalidated = 0,
  Updated = 1,
  Rekeyed = 2,
  Added = 3,
  Deleted = 4,
  Removed = 5,
}
const RANK_OF: Readonly<Record<'invalidated' | 'deleted' | 'removed', Rank>> = {
  invalidated: Rank.Invalidated,
  deleted: Rank.Deleted,
  removed: Rank.Removed,
};

// Collectors stamp the records they touch with a batch number unique across stores and batches.
let nextBatchId = 1;

/**
 * Collects the changes of one write batch; `finish()` turns them into a `ChangeBatch`, or
 * `discard()` drops them when nobody could read the batch.
 *
 * Hot path (every record a response touches): the record carries its batch number and change
 * rank, so recording a change is a property check and an array push, with no map and no object.
 */
export class ChangeCollector {
  #batchId = nextBatchId++;
  #records: StoreRecord[] = [];
  // Only for records with changed fields or a previous id (rare next to 'added').
  #fields: Map<StoreRecord, Set<string>> | undefined = undefined;
  #previousIds: Map<StoreRecord, string> | undefined = undefined;

  constructor() {
    anchorHiddenClass(ChangeCollector, () => new ChangeCollector());
  }

  get size(): number {
    return this.#records.length;
  }

  #touch(record: StoreRecord, rank: Rank): void {
    if (record.batchId !== this.#batchId) {
      record.batchId = this.#batchId;
      record.batchRank = rank;
      this.#records.push(record);
    } else if (rank > record.batchRank) record.batchRank = rank;
  }

  added(record: StoreRecord): void {
    this.#touch(record, Rank.Added);
  }

  field(record: StoreRecord, fieldKey: string): void {
    this.#touch(record, Rank.Updated);
    const fields = (this.#fields ??= new Map());
    let set = fields.get(record);
    if (set === undefined) fields.set(record, (set = new Set()));
    set.add(fieldKey);
  }

  mark(record: StoreRecord, kind: 'invalidated' | 'deleted' | 'removed'): void {
    this.#touch(record, RANK_OF[kind]);
  }

  rekeyed(record: StoreRecord, previousId: string): void {
    this.#touch(record, Rank.Rekeyed);
    const ids = (this.#previousIds ??= new Map());
    if (!ids.has(record)) ids.set(record, previousId);
  }

  finish(): ChangeBatch {
    const changes = new Map<RecordKey, RecordChange>();
    const records = this.#records;
    for (let i = 0; i < records.length; i++) {
      const record = records[i];
      const typename = record.type.name;
      const id = record.id;
      const key = recordKey(typename, id);
      const kind = KINDS[record.batchRank];
      const fields = this.#fields?.get(record) ?? NO_FIELDS;
      const previousId = this.#previousIds?.get(record);
      changes.set(
        key,
        previousId === undefined
          ? { key, typename, id, kind, fields }
          : { key, typename, id, kind, fields, previousId },
      );
    }
    this.discard();
    return { changes };
  }

  /** Ends the batch without building it (no subscriber and no source commit). */
  discard(): void {
    this.#batchId = nextBatchId++;
    this.#records = [];
    this.#fields = undefined;
    this.#previousIds = undefined;
  }
}
