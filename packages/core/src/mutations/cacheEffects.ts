/**
 * What confirmed mutations do to records, inside one write batch: fields marked stale (dropped
 * from the received set, value kept, subscribers told), invalidation rules applied, counters
 * patched from side-mutation results, tombstones for deleted entities.
 */
import type { WriteContext } from '../normalize/normalizer';
import { FieldShape } from '../records/fieldShape';
import { LINKS, RecordState, type LinkValue, type Links, type StoreRecord } from '../records/storeRecord';
import { parseFieldKey } from '../shared/keys';
import { markDeleted } from '../store/recordWrites';
import type { InvalidationRule } from './invalidationRules';
import type { WriteHost } from './writeHost';

/**
 * Drops every received key of the named fields (all argument variants) from `record`, as of this
 * write's sequence: a field a later answer wrote stays, and an older answer cannot bring one back.
 */
export function markStale(ctx: WriteContext, record: StoreRecord, names: readonly string[]): void {
  if (names.length === 0) return;
  let shape: FieldShape = record.shape;
  const dropped: string[] = [];
  for (const key of record.shape.keys) {
    const name = key.includes('(') ? parseFieldKey(key).name : key;
    if (!names.includes(name) || record.fieldSeq(key) > ctx.seq) continue;
    shape = shape.without(key);
    dropped.push(key);
    ctx.changes.field(record, key);
  }
  record.shape = shape;
  for (const key of dropped) record.staleStamp(key, ctx.seq, ctx.now);
  // A field not received now may still arrive in an answer sent before this mark: it must not be
  // fresh then either. Stamped by name, so every argument variant is covered.
  if (!ctx.sequence.openBefore(ctx.seq)) return;
  for (const name of names) {
    if (!dropped.includes(name) && record.fieldSeq(name) < ctx.seq) record.staleStamp(name, ctx.seq, ctx.now);
  }
}

/** Applies a rule to every cached record of the types it names, except `except`; collects stale lists. */
export function applyRule(
  host: WriteHost,
  ctx: WriteContext,
  rule: InvalidationRule | undefined,
  except: ReadonlySet<StoreRecord>,
  lists: Set<string>,
): void {
  if (rule === undefined) return;
  for (const [typename, names] of Object.entries(rule.fields ?? {})) {
    for (const record of host.source.values(typename)) {
      if (!except.has(record) && record.state !== RecordState.Deleted) markStale(ctx, record, names);
    }
    ctx.sequence.pending(ctx.seq, (marks) => marks.staleFields(ctx.seq, typename, names));
  }
  for (const t of rule.lists ?? []) lists.add(t);
}

/** Writes server values into a record (marked received) and marks other fields stale. */
export function patchRecord(
  host: WriteHost,
  ctx: WriteContext,
  typename: string,
  id: string,
  values: Record<string, unknown> | undefined,
  stale: readonly string[] | undefined,
): void {
  let record = host.source.get(typename, id);
  // Nothing cached: nothing to patch (a later read fetches the server's values).
  if (record === undefined) return;
  if (values !== undefined && Object.keys(values).length > 0) {
    record = host.normalizer.entity(ctx, { __typename: typename, id, ...values }, typename, undefined);
  }
  if (stale !== undefined) markStale(ctx, record, stale);
}

/**
 * Tombstones `typename:id` (creating an empty tombstone when it was not cached, so readers can
 * tell "deleted" from "never loaded") and marks stale every link field of another record that
 * pointed at it: Stash removed those references.
 */
export function tombstone(host: WriteHost, ctx: WriteContext, typename: string, id: string): StoreRecord {
  let record = host.source.get(typename, id);
  record ??= host.normalizer.entity(ctx, { __typename: typename, id }, typename, undefined);
  markDeleted(record, ctx);
  markLinksStale(host, ctx, record);
  return record;
}

/**
 * `record` is (or may be) deleted as of this write: every link field pointing at it goes stale,
 * and links to it in answers sent before now are not taken as received (`PendingMarks.gone`).
 */
export function markLinksStale(host: WriteHost, ctx: WriteContext, record: StoreRecord): void {
  const typename = record.type.name;
  ctx.sequence.pending(ctx.seq, (marks) => marks.gone(ctx.seq, typename, record.id));
  for (const t of host.source.typenames()) {
    const type = host.table.object(t);
    if (type === undefined) continue;
    const fields = type.linkFields.filter((f) =>
      host.table.concrete(f.typeName).some((c) => c.name === typename),
    );
    if (fields.length === 0) continue;
    for (const other of host.source.values(t)) {
      if (other === record) continue;
      const links: Links | undefined = (other.snap as unknown as { [LINKS]?: Links })[LINKS];
      if (links === undefined) continue;
      const stale: string[] = [];
      for (const key in links) {
        const name = key.includes('(') ? parseFieldKey(key).name : key;
        if (!fields.some((f) => f.name === name)) continue;
        const value: LinkValue = links[key];
        if (value === record || (Array.isArray(value) && value.includes(record))) stale.push(name);
      }
      if (stale.length > 0) markStale(ctx, other, stale);
    }
  }
}
