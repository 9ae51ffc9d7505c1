/**
 * Record-level writes that are not responses: invalidate (stale), evict (forget), tombstone and
 * rekey. The writes engineer's seams: `markDeleted` after a destroy, `rekey` to swap a temporary
 * id for the server id (links point at the record, so they follow without rewriting parents).
 */
import { StashValidationError } from '../errors';
import type { TypeInfo } from '../model/typeTable';
import type { WriteContext } from '../normalize/normalizer';
import type { RecordSource } from '../records/recordSource';
import { snapshotPrototype } from '../records/snapshotPrototypes';
import { LINKS, type EntitySnapshot, type StoreRecord } from '../records/storeRecord';

export { markDeleted, markInvalidated } from '../records/recordMarks';

export function evictRecord(source: RecordSource, record: StoreRecord, ctx: WriteContext): void {
  ctx.changes.mark(record, 'removed');
  source.delete(record.type.name, record.id);
}

export function evictAll(source: RecordSource, ctx: WriteContext): void {
  for (const typename of [...source.typenames()]) {
    for (const record of source.values(typename)) ctx.changes.mark(record, 'removed');
  }
  source.clear();
}

/** Gives a record a new id: a new snapshot with the new id, same fields and links, same record object. */
export function rekeyRecord(
  source: RecordSource,
  type: TypeInfo,
  fromId: string,
  toId: string,
  ctx: WriteContext,
): void {
  const record = source.get(type.name, fromId);
  if (record === undefined)
    throw new StashValidationError(`StashEntityStore: no ${type.name} ${fromId} to rekey`);
  if (source.get(type.name, toId) !== undefined) {
    throw new StashValidationError(`StashEntityStore: ${type.name} ${toId} already exists`);
  }
  const old = record.snap as unknown as Record<string | symbol, unknown>;
  const copy = Object.create(snapshotPrototype(type)) as Record<string | symbol, unknown>;
  for (const k in old) copy[k] = old[k];
  copy.id = toId;
  if (LINKS in old) copy[LINKS] = old[LINKS];
  if (Object.isFrozen(old)) Object.freeze(copy);
  record.snap = copy as unknown as EntitySnapshot;
  source.delete(type.name, fromId);
  source.set(type.name, toId, record);
  ctx.changes.rekeyed(record, fromId);
}
