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

/** Lifecycle of a record: present (each field fresh until its TTL passes or it is invalidated) or deleted. */
export const enum RecordState {
  Present = 0,
  /** Kept for compatibility: invalidation is now the record's `floor` (see `StoreRecord.isFresh`). */
  Invalidated = 1,
  /** Tombstone: the server said it does not exist (or a delete succeeded). */
  Deleted = 2,
}

/** When one field was last written (request sequence and clock time), or marked stale. */
export interface FieldStamp {
  readonly seq: number;
  readonly at: number;
  /** Marked stale by a mutation's rule: not received until a later write. */
  readonly stale: boolean;
}

// The idle record that keeps the class's hidden class (built with the first record's type and shape,
// which belong to the shared type table, not to a store).
let anchored = false;
const IDLE_SNAPSHOT: EntitySnapshot = Object.freeze({ __typename: '', id: '' });

/**
 * Ordering and freshness per field. Every write carries the sequence number of the request it
 * answers (taken when the request was sent) or of the local write itself; a field takes a write only
 * if its sequence is not older than the field's last write, invalidation or tombstone. Most records
 * have every field written together, so one head stamp (`seq`, `fetchedAt`) covers every received
 * field and `stamps` holds only the fields written at another time (or marked stale).
 */
export class StoreRecord {
  /** Current snapshot; replaced (never mutated) when a write changes something. */
  snap: EntitySnapshot;
  /** Field keys received in full from the server (or from `ingest`). */
  shape: FieldShape;
  /** Clock time of the head write: the fetch time of every received field without its own stamp. */
  fetchedAt: number;
  /** Sequence of the head write. */
  seq: number;
  /** Sequence of the last invalidation or tombstone of the whole record: older writes are stale. */
  floor = 0;
  /** The latest sequence that touched the record (head, floor or a field stamp). */
  maxSeq: number;
  /** Fields whose stamp differs from the head's (written at another time, or marked stale). */
  stamps: Map<string, FieldStamp> | undefined = undefined;
  /** The oldest stamp among received fields (the head's when `stamps` is empty). */
  oldestSeq: number;
  oldestAt: number;
  state: RecordState = RecordState.Present;
  readonly type: TypeInfo;
  /** The write batch that last recorded a change of this record, and the change's rank (`ChangeCollector`). */
  batchId = 0;
  batchRank = 0;

  constructor(type: TypeInfo, snap: EntitySnapshot, shape: FieldShape, fetchedAt: number, seq = 0) {
    this.type = type;
    this.snap = snap;
    this.shape = shape;
    this.fetchedAt = fetchedAt;
    this.seq = seq;
    this.maxSeq = seq;
    this.oldestSeq = seq;
    this.oldestAt = fetchedAt;
    if (!anchored) {
      anchored = true;
      anchorHiddenClass(StoreRecord, () => new StoreRecord(type, IDLE_SNAPSHOT, shape, fetchedAt, seq));
    }
  }

  get id(): string {
    return this.snap.id;
  }

  get key(): RecordKey {
    return recordKey(this.type.name, this.snap.id);
  }

  /** The sequence a write of `key` must not be older than (its last write, invalidation or tombstone). */
  fieldSeq(key: string): number {
    const stamps = this.stamps;
    const stamp = stamps?.get(key);
    let own = stamp !== undefined ? stamp.seq : this.shape.has(key) ? this.seq : 0;
    if (stamps !== undefined && key.includes('(')) {
      // A stale mark by name (`scene_count`) covers every argument variant (`scene_count(depth:-1)`).
      const named = stamps.get(key.slice(0, key.indexOf('(')));
      if (named !== undefined && named.stale && named.seq > own) own = named.seq;
    }
    return own > this.floor ? own : this.floor;
  }

  /** Received, written after the last invalidation, and younger than `ttlMs` at `now`. */
  isFieldFresh(key: string, now: number, ttlMs: number): boolean {
    if (this.state === RecordState.Deleted || !this.shape.has(key)) return false;
    const stamp = this.stamps?.get(key);
    const seq = stamp !== undefined ? stamp.seq : this.seq;
    const at = stamp !== undefined ? stamp.at : this.fetchedAt;
    return (seq > this.floor || this.floor === 0) && !(now - at > ttlMs);
  }

  /** Every received field fresh (what `getCached` serves). */
  isFresh(now: number, ttlMs: number): boolean {
    return (
      this.state !== RecordState.Deleted &&
      (this.oldestSeq > this.floor || this.floor === 0) &&
      !(now - this.oldestAt > ttlMs)
    );
  }

  /**
   * Stamps the fields a write of `seq` at `at` received in full (`written`); `before` is the shape
   * the record had before the write. Fields it did not write keep their own stamps.
   */
  restamp(written: readonly string[], seq: number, at: number, before: FieldShape): void {
    if (seq > this.maxSeq) this.maxSeq = seq;
    if (seq >= this.seq) {
      if (this.stamps === undefined && this.shape.keys.size === written.length) {
        // The common case: the write covers every received field.
        this.seq = this.oldestSeq = seq;
        this.fetchedAt = this.oldestAt = at;
        return;
      }
      const stamps = this.stamps ?? new Map<string, FieldStamp>();
      const head: FieldStamp = { seq: this.seq, at: this.fetchedAt, stale: false };
      for (const key of before.keys) if (!stamps.has(key)) stamps.set(key, head);
      for (let i = 0; i < written.length; i++) stamps.delete(written[i]);
      this.seq = seq;
      this.fetchedAt = at;
      this.stamps = stamps;
    } else {
      const stamps = (this.stamps ??= new Map<string, FieldStamp>());
      const stamp: FieldStamp = { seq, at, stale: false };
      for (let i = 0; i < written.length; i++) stamps.set(written[i], stamp);
    }
    this.#settle();
  }

  /** Marks `key` stale as of `seq` (dropped from `shape` by the caller): older answers do not bring it back. */
  staleStamp(key: string, seq: number, at: number): void {
    const stamps = (this.stamps ??= new Map<string, FieldStamp>());
    stamps.set(key, { seq, at, stale: true });
    if (seq > this.maxSeq) this.maxSeq = seq;
    this.#settle();
  }

  /** Invalidates (or tombstones) the whole record as of `seq`. */
  lower(seq: number): void {
    if (seq > this.floor) this.floor = seq;
    if (seq > this.maxSeq) this.maxSeq = seq;
  }

  // Drops stamps equal to the head's and recomputes the oldest received stamp.
  #settle(): void {
    const stamps = this.stamps!;
    let seq = Infinity;
    let at = Infinity;
    let headUsed = false;
    for (const [key, stamp] of stamps) {
      if (!stamp.stale && !this.shape.has(key)) {
        stamps.delete(key);
        continue;
      }
      if (stamp.stale) continue;
      if (stamp.seq === this.seq && stamp.at === this.fetchedAt) {
        stamps.delete(key);
        continue;
      }
      if (stamp.seq < seq) seq = stamp.seq;
      if (stamp.at < at) at = stamp.at;
    }
    for (const key of this.shape.keys) {
      if (!stamps.has(key)) {
        headUsed = true;
        break;
      }
    }
    if (headUsed || seq === Infinity) {
      if (this.seq < seq) seq = this.seq;
      if (this.fetchedAt < at) at = this.fetchedAt;
    }
    this.oldestSeq = seq;
    this.oldestAt = at;
    if (stamps.size === 0) this.stamps = undefined;
  }
}
