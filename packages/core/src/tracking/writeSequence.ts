/**
 * The store's write clock: every request takes a number when it is sent, every local write
 * (ingest, invalidate, tombstone) when it happens. Records compare these numbers per field, so an
 * answer is applied as of when its request was sent, whatever order answers arrive in.
 */
import { PendingMarks } from './pendingMarks';

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

  // Requests sent and not yet applied (their answers may still write with their older numbers).
  readonly #open = new Set<number>();

  /** `seq` was sent: its answer may write later, as of `seq`. */
  open(seq: number): void {
    this.#open.add(seq);
  }

  /** The answer of `seq` was applied (or will never be). */
  close(seq: number): void {
    this.#open.delete(seq);
    if (this.marks.size > 0) this.marks.prune((s) => this.openBefore(s));
  }

  /** Marks that records created by older answers still take (see `PendingMarks`). */
  readonly marks = new PendingMarks();

  /** Records `mark` in `marks` when a request sent before `seq` is still open. */
  pending(seq: number, mark: (marks: PendingMarks) => void): void {
    if (this.openBefore(seq)) mark(this.marks);
  }

  /** Whether a request sent before `seq` may still write its answer. */
  openBefore(seq: number): boolean {
    for (const s of this.#open) if (s < seq) return true;
    return false;
  }

  /** Whether a request sent after `seq` may still write its answer. */
  openAfter(seq: number): boolean {
    for (const s of this.#open) if (s > seq) return true;
    return false;
  }

  /** A new number that also starts a barrier (see `barrier`). */
  nextBarrier(): number {
    return (this.barrier = ++this.#last);
  }
}
