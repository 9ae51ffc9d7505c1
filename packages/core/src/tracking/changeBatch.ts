/**
 * What one write batch changed: per record key, the kind of change and the field keys whose values
 * changed. Bindings use `fields` to re-render only the components that read one of them.
 */
import type { RecordKey } from '../shared/keys';
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

interface PendingChange {
  kind: ChangeKind;
  fields: Set<string> | null;
  previousId: string | undefined;
}

/** Collects the changes of one write batch; `finish()` turns them into a `ChangeBatch`. */
export class ChangeCollector {
  readonly #pending = new Map<StoreRecord, PendingChange>();

  get size(): number {
    return this.#pending.size;
  }

  #entry(record: StoreRecord, kind: ChangeKind): PendingChange {
    let entry = this.#pending.get(record);
    if (entry === undefined) {
      entry = { kind, fields: null, previousId: undefined };
      this.#pending.set(record, entry);
    } else if (rank(kind) > rank(entry.kind)) {
      entry.kind = kind;
    }
    return entry;
  }

  added(record: StoreRecord): void {
    this.#entry(record, 'added');
  }

  field(record: StoreRecord, fieldKey: string): void {
    const entry = this.#entry(record, 'updated');
    (entry.fields ??= new Set()).add(fieldKey);
  }

  mark(record: StoreRecord, kind: 'invalidated' | 'deleted' | 'removed'): void {
    this.#entry(record, kind);
  }

  rekeyed(record: StoreRecord, previousId: string): void {
    const entry = this.#entry(record, 'rekeyed');
    entry.previousId ??= previousId;
  }

  finish(): ChangeBatch {
    const changes = new Map<RecordKey, RecordChange>();
    for (const [record, entry] of this.#pending) {
      const change: RecordChange = {
        key: record.key,
        typename: record.type.name,
        id: record.id,
        kind: entry.kind,
        fields: entry.fields ?? NO_FIELDS,
        ...(entry.previousId !== undefined ? { previousId: entry.previousId } : {}),
      };
      changes.set(change.key, change);
    }
    this.#pending.clear();
    return { changes };
  }
}

// When one batch does several things to a record, the strongest kind wins.
function rank(kind: ChangeKind): number {
  switch (kind) {
    case 'invalidated':
      return 0;
    case 'updated':
      return 1;
    case 'rekeyed':
      return 2;
    case 'added':
      return 3;
    case 'deleted':
      return 4;
    case 'removed':
      return 5;
  }
}
