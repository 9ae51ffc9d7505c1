/**
 * One entity in the store: a stable record object whose current immutable snapshot is replaced
 * on every change. Links between entities point at records, not snapshots, so `scene.studio`
 * always resolves to the studio's current snapshot and a studio change never copies scenes.
 */
import type { TypeInfo } from '../model/typeTable';
import { anchorHiddenClass } from '../shared/hiddenClassAnchors';
import { recordKey, type RecordKey } from '../shared/keys';
import type { FieldShape } from './fieldShape';

/** Own property of snapshots (and of embedded objects with links) holding their links. */
export const LINKS: unique symbol = Symbol('stashkit.links');

export type LinkValue = StoreRecord | null | ReadonlyArray<StoreRecord | null>;
export type Links = { readonly [fieldKey: string]: LinkValue };

/** What every entity snapshot exposes; other fields depend on what was received. */
export interface EntitySnapshot {
  readonly __typename: string;
  readonly id: string;
}

/** Lifecycle of a record: fresh until its TTL passes; `invalidated` and `deleted` are explicit. */
export const enum RecordState {
  Present = 0,
  /** Marked stale by `invalidate*`: readable through links, refetched by the next read. */
  Invalidated = 1,
  /** Tombstone: the server said it does not exist (or a delete succeeded). */
  Deleted = 2,
}

// The idle record that keeps the class's hidden class (built with the first record's type and shape,
// which belong to the shared type table, not to a store).
let anchored = false;
const IDLE_SNAPSHOT: EntitySnapshot = Object.freeze({ __typename: '', id: '' });

export class StoreRecord {
  /** Current snapshot; replaced (never mutated) when a write changes something. */
  snap: EntitySnapshot;
  /** Field keys received in full from the server (or from `ingest`). */
  shape: FieldShape;
  /** Clock time of the last server write to this record; TTL is measured from it. */
  fetchedAt: number;
  state: RecordState = RecordState.Present;
  readonly type: TypeInfo;
  /** The write batch that last recorded a change of this record, and the change's rank (`ChangeCollector`). */
  batchId = 0;
  batchRank = 0;

  constructor(type: TypeInfo, snap: EntitySnapshot, shape: FieldShape, fetchedAt: number) {
    this.type = type;
    this.snap = snap;
    this.shape = shape;
    this.fetchedAt = fetchedAt;
    if (!anchored) {
      anchored = true;
      anchorHiddenClass(StoreRecord, () => new StoreRecord(type, IDLE_SNAPSHOT, shape, fetchedAt));
    }
  }

  get id(): string {
    return this.snap.id;
  }

  get key(): RecordKey {
    return recordKey(this.type.name, this.snap.id);
  }
}
