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
import { LINKS, type EntitySnapshot, type Links, type StoreRecord } from '../records/storeRecord';

export { markDeleted, markInvalidated } from '../records/recordMarks';

export function evictRecord(source: RecordSource, record: StoreRecord, ctx: WriteContext): void {
  ctx.changes.mark(record, 'removed');
  source.delete(record.type.name, record.id);
}

/**
 * Links point at record objects, so a holder of an evicted record would keep reading it (and never
 * see the record a later answer makes for its key): its link fields to `gone` become not received,
 * as of this write, so the next read fetches them again through the holder. One pass over the cache.
 */
export function unlinkEvicted(source: RecordSource, gone: ReadonlySet<StoreRecord>, ctx: WriteContext): void {
  for (const typename of source.typenames()) {
    for (const record of source.values(typename)) {
      const links = (record.snap as unknown as { [LINKS]?: Links })[LINKS];
      if (links === undefined) continue;
      let shape = record.shape;
      const dropped: string[] = [];
      for (const key in links) {
        const value = links[key];
        const hit = Array.isArray(value)
          ? value.some((r) => r !== null && gone.has(r))
          : value !== null && gone.has(value as StoreRecord);
        if (!hit || !shape.has(key) || record.fieldSeq(key) > ctx.seq) continue;
        shape = shape.without(key);
        dropped.push(key);
        ctx.changes.field(record, key);
      }
      if (dropped.length === 0) continue;
      record.shape = shape;
      for (const key of dropped) record.staleStamp(key, ctx.seq, ctx.now);
    }
  }
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
