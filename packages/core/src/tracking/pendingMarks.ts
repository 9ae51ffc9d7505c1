/**
 * Invalidations and stale marks that records not cached yet must still take. A request sent before
 * `invalidateAll()` (or `invalidateType`, `invalidate(type, id)`, a mutation's stale-field rule)
 * may land afterwards with a record the cache did not hold then: that record is created stale, as
 * if it had been cached when the mark was made. Marks are kept only while such a request is open
 * (`WriteSequence.close` prunes them), so a store with nothing in flight holds none.
 */
export class PendingMarks {
  // '' = every type, 'Type', 'Type\u0000id' → the mark's sequence.
  readonly #floors = new Map<string, number>();
  // Type → field name → sequence of the stale mark.
  readonly #stale = new Map<string, Map<string, number>>();
  // 'Type\u0000id' → sequence of a delete (confirmed, or failed after it may have run).
  readonly #gone = new Map<string, number>();

  get size(): number {
    return this.#floors.size + this.#stale.size + this.#gone.size;
  }

  /** `typename:id` was (or may have been) deleted as of `seq`: older answers' links to it are outdated. */
  gone(seq: number, typename: string, id: string): void {
    const key = typename + '\u0000' + id;
    if ((this.#gone.get(key) ?? 0) < seq) this.#gone.set(key, seq);
  }

  /** Whether `typename:id` was deleted after a write of `seq` was sent. */
  goneAfter(typename: string, id: string, seq: number): boolean {
    return (this.#gone.get(typename + '\u0000' + id) ?? 0) > seq;
  }

  /** Invalidates, as of `seq`, every record (no `typename`), a type's, or one record. */
  floor(seq: number, typename?: string, id?: string): void {
    const key = typename === undefined ? '' : id === undefined ? typename : typename + '\u0000' + id;
    if ((this.#floors.get(key) ?? 0) < seq) this.#floors.set(key, seq);
  }

  /** Marks `names` of every record of `typename` stale as of `seq`. */
  staleFields(seq: number, typename: string, names: readonly string[]): void {
    let fields = this.#stale.get(typename);
    if (fields === undefined) this.#stale.set(typename, (fields = new Map()));
    for (const name of names) if ((fields.get(name) ?? 0) < seq) fields.set(name, seq);
  }

  /** The latest invalidation a new record of `typename:id` must take. */
  floorOf(typename: string, id: string): number {
    const floors = this.#floors;
    return Math.max(
      floors.get('') ?? 0,
      floors.get(typename) ?? 0,
      floors.get(typename + '\u0000' + id) ?? 0,
    );
  }

  /** Field names of `typename` marked stale, with their sequences. */
  staleOf(typename: string): ReadonlyMap<string, number> | undefined {
    return this.#stale.get(typename);
  }

  /** Drops the marks no open request predates (`openBefore`): no write older than them can come. */
  prune(openBefore: (seq: number) => boolean): void {
    for (const [key, seq] of this.#floors) if (!openBefore(seq)) this.#floors.delete(key);
    for (const [key, seq] of this.#gone) if (!openBefore(seq)) this.#gone.delete(key);
    for (const [typename, fields] of this.#stale) {
      for (const [name, seq] of fields) if (!openBefore(seq)) fields.delete(name);
      if (fields.size === 0) this.#stale.delete(typename);
    }
  }
}
