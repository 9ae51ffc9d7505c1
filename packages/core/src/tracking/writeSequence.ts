/**
 * The store's write clock: every request takes a number when it is sent, every local write
 * (ingest, invalidate, tombstone) when it happens. Records compare these numbers per field, so an
 * answer is applied as of when its request was sent, whatever order answers arrive in.
 */
export class WriteSequence {
  #last = 0;
  /** The last invalidation-like step (invalidate, tombstone, mutation sent): reads sent before it are not shared after it. */
  barrier = 0;

  /** A new number, greater than every number handed out before. */
  next(): number {
    return ++this.#last;
  }

  /** The last number handed out. */
  get current(): number {
    return this.#last;
  }

  /** A new number that also starts a barrier (see `barrier`). */
  nextBarrier(): number {
    return (this.barrier = ++this.#last);
  }
}
