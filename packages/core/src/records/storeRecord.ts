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

/** One write's stamp: shared by every record and field the write received (one object per write). */
export class WriteStamp implements FieldStamp {
  readonly stale = false;
  constructor(
    readonly seq: number,
    readonly at: number,
  ) {}
}

/**
 * What only some records need: a floor (invalidation or tombstone), fields stamped apart from the
 * head, and the oldest stamp among received fields. Most records never get one.
 */
class RecordTimes {
  floor = 0;
  maxSeq: number;
  stamps: Map<string, FieldStamp> | undefined = undefined;
  oldestSeq: number;
  oldestAt: number;

  constructor(head: WriteStamp) {
    this.maxSeq = head.seq;
    this.oldestSeq = head.seq;
    this.oldestAt = head.at;
  }
}

// The idle record that keeps the class's hidden class (built with the first record's type and shape,
// which belong to the shared type table, not to a store).
let anchored = false;
const IDLE_SNAPSHOT: EntitySnapshot = Object.freeze({ __typename: '', id: '' });

/**
 * Ordering and freshness per field. Every write carries the sequence number of the request it
 * answers (taken when the request was sent) or of the local write itself; a field takes a write only
 * if its sequence is not older than the field's last write, invalidation or tombstone. Most records
 * have every field written together, so the head stamp (the write's shared `WriteStamp`) covers
 * every received field; `RecordTimes` holds the rest (fields written at another time or marked
 * stale, the floor), only for the records that need it.
 */
export class StoreRecord {
  /** Current snapshot; replaced (never mutated) when a write changes something. */
  snap: EntitySnapshot;
  /** Field keys received in full from the server (or from `ingest`). */
  shape: FieldShape;
  /** The head write: sequence and fetch time of every received field without its own stamp. */
  head: WriteStamp;
  #times: RecordTimes | undefined = undefined;
  state: RecordState = RecordState.Present;
  readonly type: TypeInfo;
  /** The write batch that last recorded a change of this record, and the change's rank (`ChangeCollector`). */
  batchId = 0;
  batchRank = 0;

  constructor(type: TypeInfo, snap: EntitySnapshot, shape: FieldShape, head: WriteStamp) {
    this.type = type;
    this.snap = snap;
    this.shape = shape;
    this.head = head;
    if (!anchored) {
      anchored = true;
      anchorHiddenClass(StoreRecord, () => new StoreRecord(type, IDLE_SNAPSHOT, shape, head));
    }
  }

  /** Sequence of the head write. */
  get seq(): number {
    return this.head.seq;
  }

  /** Sequence of the last invalidation or tombstone of the whole record: older writes are stale. */
  get floor(): number {
    return this.#times === undefined ? 0 : this.#times.floor;
  }

  /** The latest sequence that touched the record (head, floor or a field stamp). */
  get maxSeq(): number {
    return this.#times === undefined ? this.head.seq : this.#times.maxSeq;
  }

  /** Fields whose stamp differs from the head's (written at another time, or marked stale). */
  get stamps(): ReadonlyMap<string, FieldStamp> | undefined {
    return this.#times?.stamps;
  }

  /**
   * A copy of the times a write may change (`undefined` for most records): with `snap`, `shape`,
   * `head` and `state`, what `restore` needs to undo a write.
   */
  savedTimes(): object | undefined {
    const t = this.#times;
    if (t === undefined) return undefined;
    const times = new RecordTimes(this.head);
    times.floor = t.floor;
    times.maxSeq = t.maxSeq;
    times.stamps = t.stamps === undefined ? undefined : new Map(t.stamps);
    times.oldestSeq = t.oldestSeq;
    times.oldestAt = t.oldestAt;
    return times;
  }

  /** Puts back what a write changed (values read before it, `times` from `savedTimes`). */
  restore(
    snap: EntitySnapshot,
    shape: FieldShape,
    head: WriteStamp,
    times: object | undefined,
    state: RecordState,
  ): void {
    this.snap = snap;
    this.shape = shape;
    this.head = head;
    this.#times = times as RecordTimes | undefined;
    this.state = state;
  }

  #more(): RecordTimes {
    return (this.#times ??= new RecordTimes(this.head));
  }

  get id(): string {
    return this.snap.id;
  }

  get key(): RecordKey {
    return recordKey(this.type.name, this.snap.id);
  }

  /** The sequence a write of `key` must not be older than (its last write, invalidation or tombstone). */
  fieldSeq(key: string): number {
    const times = this.#times;
    if (times === undefined) return this.shape.has(key) ? this.head.seq : 0;
    const stamps = times.stamps;
    const stamp = stamps?.get(key);
    let own = stamp !== undefined ? stamp.seq : this.shape.has(key) ? this.head.seq : 0;
    if (stamps !== undefined && key.includes('(')) {
      // A stale mark by name (`scene_count`) covers every argument variant (`scene_count(depth:-1)`).
      const named = stamps.get(key.slice(0, key.indexOf('(')));
      if (named !== undefined && named.stale && named.seq > own) own = named.seq;
    }
    return own > times.floor ? own : times.floor;
  }

  /** Received, written after the last invalidation, and younger than `ttlMs` at `now`. */
  isFieldFresh(key: string, now: number, ttlMs: number): boolean {
    if (this.state === RecordState.Deleted || !this.shape.has(key)) return false;
    const times = this.#times;
    const stamp = times?.stamps?.get(key) ?? this.head;
    const floor = times === undefined ? 0 : times.floor;
    return (stamp.seq > floor || floor === 0) && !(now - stamp.at > ttlMs);
  }

  /** Every received field fresh (what `getCached` serves). */
  isFresh(now: number, ttlMs: number): boolean {
    if (this.state === RecordState.Deleted) return false;
    const times = this.#times;
    if (times === undefined) return !(now - this.head.at > ttlMs);
    return (times.oldestSeq > times.floor || times.floor === 0) && !(now - times.oldestAt > ttlMs);
  }

  /**
   * Stamps the fields a write (`stamp`) received in full (`written` from `from` to `to`); `before` is the shape the
   * record had before the write. Fields it did not write keep their own stamps.
   */
  restamp(written: readonly string[], from: number, to: number, stamp: WriteStamp, before: FieldShape): void {
    const seq = stamp.seq;
    const head = this.head;
    const count = to - from;
    let times = this.#times;
    if (times === undefined && seq >= head.seq && this.shape.keys.size === count) {
      // The common case: the write covers every received field.
      this.head = stamp;
      return;
    }
    times ??= this.#more();
    if (seq > times.maxSeq) times.maxSeq = seq;
    if (seq >= head.seq) {
      if (times.stamps === undefined && this.shape.keys.size === count) {
        this.head = stamp;
        times.oldestSeq = seq;
        times.oldestAt = stamp.at;
        return;
      }
      const stamps = times.stamps ?? new Map<string, FieldStamp>();
      for (const key of before.keys) if (!stamps.has(key)) stamps.set(key, head);
      for (let i = from; i < to; i++) stamps.delete(written[i]);
      this.head = stamp;
      times.stamps = stamps;
    } else {
      const stamps = (times.stamps ??= new Map<string, FieldStamp>());
      for (let i = from; i < to; i++) stamps.set(written[i], stamp);
    }
    this.#settle(times);
  }

  /** Marks `key` stale as of `seq` (dropped from `shape` by the caller): older answers do not bring it back. */
  staleStamp(key: string, seq: number, at: number): void {
    const times = this.#more();
    (times.stamps ??= new Map<string, FieldStamp>()).set(key, { seq, at, stale: true });
    if (seq > times.maxSeq) times.maxSeq = seq;
    this.#settle(times);
  }

  /** Invalidates (or tombstones) the whole record as of `seq`. */
  lower(seq: number): void {
    const times = this.#more();
    if (seq > times.floor) times.floor = seq;
    if (seq > times.maxSeq) times.maxSeq = seq;
  }

  // Drops stamps equal to the head's and recomputes the oldest received stamp.
  #settle(times: RecordTimes): void {
    const stamps = times.stamps!;
    const head = this.head;
    let seq = Infinity;
    let at = Infinity;
    let headUsed = false;
    for (const [key, stamp] of stamps) {
      if (!stamp.stale && !this.shape.has(key)) {
        stamps.delete(key);
        continue;
      }
      if (stamp.stale) continue;
      if (stamp === head || (stamp.seq === head.seq && stamp.at === head.at)) {
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
      if (head.seq < seq) seq = head.seq;
      if (head.at < at) at = head.at;
    }
    times.oldestSeq = seq;
    times.oldestAt = at;
    if (stamps.size === 0) times.stamps = undefined;
  }
}
