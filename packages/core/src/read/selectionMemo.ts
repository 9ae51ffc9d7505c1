/**
 * The last fresh, complete selection read of each (field tree, root record), with what it saw of
 * every record it visited (snapshot, shape, head stamp, sequence, floor, state). A later read of the same
 * selection returns the memoized result when none of those records changed, no TTL changed and no
 * visited field can have aged past its TTL: a check of a few pointers per record instead of a walk
 * (Apollo's result cache does the same with dependency tracking). A write to any visited record gives
 * it a new snapshot, shape or sequence, so the next read walks again, recycling against the memoized
 * data (a changed path gets new objects, the rest keeps its identity).
 */
import type { FieldTree } from '../query/fieldTree';
import type { StoreRecord } from '../records/storeRecord';
import type { TtlPolicy } from '../store/ttlPolicy';
import type { DepMap, SelectionData } from './readSelection';

/** A memoized read: fresh and complete when it was made. */
export interface MemoRead {
  readonly data: SelectionData;
  readonly complete: true;
  readonly stale: false;
}

export interface MemoEntry {
  readonly read: MemoRead;
  /** The deps the read collected, when the caller asked for them. */
  readonly deps: DepMap | undefined;
  // Per visited record, STRIDE slots: record, snap, shape, head stamp, maxSeq, floor, state.
  readonly seen: unknown[];
  /** The read stays fresh until this clock time (the oldest visited field's fetch time + its TTL). */
  readonly freshUntil: number;
  readonly ttlVersion: number;
}

const STRIDE = 7;

export class SelectionMemo {
  readonly #ttl: TtlPolicy;
  readonly #byTree = new WeakMap<FieldTree, WeakMap<StoreRecord, MemoEntry>>();
  // The last tree's map: a list reads one selection for every item in a row.
  #lastTree: FieldTree | undefined = undefined;
  #lastMap: WeakMap<StoreRecord, MemoEntry> | undefined = undefined;

  constructor(ttl: TtlPolicy) {
    this.#ttl = ttl;
  }

  /** The last memoized read of `tree` on `root`, holding or not (what a new read recycles against). */
  last(tree: FieldTree, root: StoreRecord): MemoEntry | undefined {
    return this.#map(tree)?.get(root);
  }

  #map(tree: FieldTree): WeakMap<StoreRecord, MemoEntry> | undefined {
    if (tree !== this.#lastTree) {
      this.#lastTree = tree;
      this.#lastMap = this.#byTree.get(tree);
    }
    return this.#lastMap;
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
        r.maxSeq !== seen[i + 4] ||
        r.floor !== seen[i + 5] ||
        r.state !== seen[i + 6]
      )
        return false;
    }
    return true;
  }

  /** Memoizes a fresh, complete read of `tree` on `root` that visited `records` (in any order, repeats allowed). */
  set(
    tree: FieldTree,
    root: StoreRecord,
    read: MemoRead,
    deps: DepMap | undefined,
    records: readonly StoreRecord[],
  ): void {
    const seen = new Array<unknown>(records.length * STRIDE);
    let freshUntil = Infinity;
    for (let i = 0, j = 0; i < records.length; i++, j += STRIDE) {
      const r = records[i];
      seen[j] = r;
      seen[j + 1] = r.snap;
      seen[j + 2] = r.shape;
      seen[j + 3] = r.head;
      seen[j + 4] = r.maxSeq;
      seen[j + 5] = r.floor;
      seen[j + 6] = r.state;
      const until = oldestAt(r) + this.#ttl.ttlMs(r.type);
      if (until < freshUntil) freshUntil = until;
    }
    let byRecord = this.#map(tree);
    if (byRecord === undefined) {
      this.#byTree.set(tree, (byRecord = new WeakMap()));
      this.#lastMap = byRecord;
    }
    byRecord.set(root, { read, deps, seen, freshUntil, ttlVersion: this.#ttl.version });
  }
}

// No received field of `r` was fetched before this (the head's time, or an older field stamp's).
function oldestAt(r: StoreRecord): number {
  let at = r.head.at;
  const stamps = r.stamps;
  if (stamps !== undefined)
    for (const stamp of stamps.values()) if (!stamp.stale && stamp.at < at) at = stamp.at;
  return at;
}

/** Adds `from` into `into`, copying each dep (callers add to and widen the deps they hold). */
export function mergeDeps(into: DepMap, from: DepMap): void {
  for (const [key, dep] of from) {
    const mine = into.get(key);
    if (mine === undefined)
      into.set(key, {
        typename: dep.typename,
        id: dep.id,
        fields: dep.fields === null ? null : new Set(dep.fields),
      });
    else if (mine.fields !== null) {
      if (dep.fields === null) mine.fields = null;
      else for (const f of dep.fields) mine.fields.add(f);
    }
  }
}
