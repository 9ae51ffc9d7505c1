/**
 * Whole-record marks, sequenced like every write: an invalidation or a tombstone as of the
 * write's sequence. Older answers landing afterwards neither clear the one nor undo the other.
 */
import type { WriteContext } from '../normalize/normalizer';
import { RecordState, type StoreRecord } from './storeRecord';

/** Invalidates the whole record as of this write: fields written before it are stale, older answers are not applied. */
export function markInvalidated(record: StoreRecord, ctx: WriteContext): void {
  if (record.state === RecordState.Deleted) return;
  // Already invalidated with nothing written since: nothing changes, nobody is told.
  const changed = record.maxSeq > record.floor || record.floor === 0;
  record.lower(ctx.seq);
  if (changed) ctx.changes.mark(record, 'invalidated');
}

/** Tombstones the record as of this write, unless a later answer already wrote it (the server had it then). */
export function markDeleted(record: StoreRecord, ctx: WriteContext): void {
  if (record.state === RecordState.Deleted || ctx.seq < record.seq) return;
  record.lower(ctx.seq);
  record.state = RecordState.Deleted;
  ctx.changes.mark(record, 'deleted');
}
