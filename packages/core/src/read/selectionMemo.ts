/**
 * The last fresh, complete selection read of each (field tree, root record), with what it saw of
 * every record it visited (snapshot, shape, head stamp, floor, state). A later read of the same
 * selection returns the memoized result when none of those records changed, no TTL changed and no
 * visited field can have aged past its TTL: a check of a few pointers per record instead of a walk
 * (Apollo's result cache does the same with dependency tracking). A write to any visited record gives
 * it a new snapshot, shape or head stamp, so the next read walks again, recycling against the memoized
 * data (a changed path gets new objects, the rest keeps its identity).
 */
import type { FieldTree } from '../query/fieldTree';
import type { StoreRecord } from '../records/storeRecord';
import type { TtlPolicy } from '../store/ttlPolicy';
import type { SelectionData } from './readSelection';

/** A memoized read: fresh and complete when it was made. */
export interface MemoRead {
  readonly data: SelectionData;
  readonly complete: true;
  readonly stale: false;
}

export interface MemoEntry {
  readonly read: MemoRead;
  // Per visited record, STRIDE slots: record, snap, shape, head stamp, floor, state. A write gives a
  // new snapshot, shape or head stamp (an older answer's fields only get fresher); invalidations and
  // tombstones raise the floor or change the state.
  readonly seen: unknown[];
  /** The read stays fresh until this clock time (the oldest visited field's fetch time + its TTL). */
  readonly freshUntil: number;
  readonly ttlVersion: number;
}

const STRIDE = 6;

export class SelectionMemo {
  readonly #ttl: TtlPolicy;
  readonly #byTree = new WeakMap<FieldTree, WeakMap<StoreRecord, MemoEntry>>();

  constructor(ttl: TtlPolicy) {
    this.#ttl = ttl;
  }

  /** The last memoized read of `tree` on `root`, holding or not (what a new read recycles against). */
  last(tree: FieldTree, root: StoreRecord): MemoEntry | undefined {
    return this.#byTree.get(tree)?.get(root);
  }

  /** Whether `entry` still holds at `now`: no visited record changed, no TTL changed, nothing aged. */
  holds(entry: MemoEntry, now: number): boolean {
    if (now > entry.freshUntil || entry.ttlVersion !== this.#ttl.version) return false;
    const seen = entry.seen;
    for (let i = 0; i < seen.length; i += STRIDE) {
      const r = seen[i] as StoreRecord;
      if (
        r.snap !== seen[i + 1] ||
        r.shape !== seen[i + 2] ||
        r.head !== seen[i + 3] ||
        r.floor !== seen[i + 4] ||
        r.state !== seen[i + 5]
      )
        return false;
    }
    return true;
  }

  /** Memoizes a fresh, complete read of `tree` on `root` that visited `records` (in any order, repeats allowed). */
  set(tree: FieldTree, root: StoreRecord, read: MemoRead, records: readonly StoreRecord[]): void {
    let byRecord = this.#byTree.get(tree);
    if (byRecord === undefined) this.#byTree.set(tree, (byRecord = new WeakMap()));
    // The entry replaced is updated in place (a list read again after a refetch allocates no entries).
    const known = byRecord.get(root) as Mutable<MemoEntry> | undefined;
    const size = records.length * STRIDE;
    const seen = known !== undefined && known.seen.length === size ? known.seen : new Array<unknown>(size);
    let freshUntil = Infinity;
    for (let i = 0, j = 0; i < records.length; i++, j += STRIDE) {
      const r = records[i];
      seen[j] = r;
      seen[j + 1] = r.snap;
      seen[j + 2] = r.shape;
      seen[j + 3] = r.head;
      seen[j + 4] = r.floor;
      seen[j + 5] = r.state;
      // Fields stamped apart from the head (written in parts): kept to recycle against, never held.
      const until = r.stamps !== undefined ? -Infinity : r.head.at + this.#ttl.ttlMs(r.type);
      if (until < freshUntil) freshUntil = until;
    }
    if (known === undefined) {
      byRecord.set(root, { read, seen, freshUntil, ttlVersion: this.#ttl.version });
      return;
    }
    known.read = read;
    known.seen = seen;
    known.freshUntil = freshUntil;
    known.ttlVersion = this.#ttl.version;
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
