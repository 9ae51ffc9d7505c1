/**
 * The last fresh, complete selection read of each (field tree, root record), with what it saw of
 * every record it visited (snapshot, shape, head stamp, floor, state). A later read of the same
 * selection returns the memoized result when none of those records changed, no TTL changed and no
 * visited field can have aged past its TTL: a check of a few pointers per record instead of a walk
 * (Apollo's result cache does the same with dependency tracking). A write to any visited record gives
 * it a new snapshot, shape or head stamp, so the next read walks again, recycling against the memoized
 * data (a changed path gets new objects, the rest keeps its identity). An entry also keeps the deps
 * of a read that collected them, so an observer re-reading an unchanged selection does no walk.
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
  // Per visited record, STRIDE slots: record, snap, shape, head stamp, floor, state. A write gives a
  // new snapshot, shape or head stamp (an older answer's fields only get fresher); invalidations and
  // tombstones raise the floor or change the state.
  readonly seen: unknown[];
  /** The read stays fresh until this clock time (the oldest visited field's fetch time + its TTL). */
  readonly freshUntil: number;
  readonly ttlVersion: number;
  /** The records and fields the read followed (shared, frozen: see `shareDeps`), if it collected them. */
  readonly deps: DepMap | undefined;
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

  /**
   * Memoizes a fresh, complete read of `tree` on `root`; `visited` holds each record the read
   * visited followed by the keys it read there (any order, repeats allowed), `deps` what it followed.
   */
  set(
    tree: FieldTree,
    root: StoreRecord,
    read: MemoRead,
    visited: readonly unknown[],
    deps: DepMap | undefined,
  ): void {
    let byRecord = this.#byTree.get(tree);
    if (byRecord === undefined) this.#byTree.set(tree, (byRecord = new WeakMap()));
    // The entry replaced is updated in place (a list read again after a refetch allocates no entries).
    const known = byRecord.get(root) as Mutable<MemoEntry> | undefined;
    const size = (visited.length / 2) * STRIDE;
    const seen = known !== undefined && known.seen.length === size ? known.seen : new Array<unknown>(size);
    let freshUntil = Infinity;
    for (let i = 0, j = 0; i < visited.length; i += 2, j += STRIDE) {
      const r = visited[i] as StoreRecord;
      seen[j] = r;
      seen[j + 1] = r.snap;
      seen[j + 2] = r.shape;
      seen[j + 3] = r.head;
      seen[j + 4] = r.floor;
      seen[j + 5] = r.state;
      const until = this.#oldest(r, visited[i + 1] as readonly string[]) + this.#ttl.ttlMs(r.type);
      if (until < freshUntil) freshUntil = until;
    }
    const ttlVersion = this.#ttl.version;
    if (known === undefined) {
      byRecord.set(root, { read, seen, freshUntil, ttlVersion, deps });
      return;
    }
    known.read = read;
    known.seen = seen;
    known.freshUntil = freshUntil;
    known.ttlVersion = ttlVersion;
    known.deps = deps;
  }

  // The fetch time of the oldest of `keys` on `r`: the head's, unless fields were written in parts.
  #oldest(r: StoreRecord, keys: readonly string[]): number {
    const stamps = r.stamps;
    const head = r.head;
    if (stamps === undefined) return head.at;
    let at = Infinity;
    for (const key of keys) {
      // Keys not received (the schema lacks them, `id`) age with nothing.
      if (!r.shape.has(key)) continue;
      const stamp = stamps.get(key) ?? head;
      if (stamp.at < at) at = stamp.at;
    }
    return at === Infinity ? head.at : at;
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
