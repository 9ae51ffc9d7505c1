/**
 * The drafts a store knows: one per entity with unsaved edits (what `saveAll` saves), new drafts
 * with their temporary ids, and the temporary id -> server id aliases left by saved creates, so a
 * reference made with a temporary id (a draft, or the pending snapshot from `store.add`) still
 * resolves after the swap. It also moves dirty drafts' bases forward when the store receives a
 * newer snapshot (conflict detection lives in `DraftState.rebase`).
 */
import { StashValidationError } from '../errors';
import { show } from '../validate/showValue';
import type { WriteHost } from '../mutations/writeHost';
import { sideOpsOf } from '../mutations/sideOps';
import { RecordState, type EntitySnapshot } from '../records/storeRecord';
import { recordKey, type RecordKey } from '../shared/keys';
import type { ChangeBatch } from '../tracking/changeBatch';
import type { Unsubscribe } from '../tracking/storeSubscriptions';
import { isRef, type WritableFieldInfo } from './draftValues';
import { draftState, isDraft, makeDraft, type DraftHost, type EntityDraft } from './entityDraft';
import { writableFields } from './writableInfo';
import { TEMP_ID_PREFIX, isTemporaryId, checkEntityId } from '../validate/entityId';

export { TEMP_ID_PREFIX, isTemporaryId };

export class DraftRegistry implements DraftHost {
  readonly model;
  readonly #host: WriteHost;
  readonly #drafts = new Map<RecordKey, EntityDraft>();
  readonly #aliases = new Map<RecordKey, string>();
  #next = 0;
  // Subscribed only while drafts are tracked, so writes without drafts build no change batch.
  #off: Unsubscribe | undefined = undefined;

  constructor(host: WriteHost) {
    this.#host = host;
    this.model = host.model;
  }

  writable(typename: string): ReadonlyMap<string, WritableFieldInfo> {
    return writableFields(this.model, typename);
  }

  current(typename: string, id: string): EntitySnapshot | null {
    const record = this.#host.source.get(typename, id);
    return record === undefined || record.state === RecordState.Deleted ? null : record.snap;
  }

  /** The tracked draft of an entity, or a new (untracked until edited) draft over its current snapshot. */
  edit(entity: EntitySnapshot | EntityDraft): EntityDraft {
    if (isDraft(entity)) return entity;
    if (!isRef(entity) || typeof entity.__typename !== 'string') {
      throw new StashValidationError(
        `StashEntityStore: edit() needs an entity snapshot with __typename and id, got ${show(entity)}`,
      );
    }
    checkEntityId(entity.id, `StashEntityStore: edit() of a ${entity.__typename}`);
    const type = this.#host.table.entity(entity.__typename);
    const m = type.entityModel;
    if (m?.update === undefined)
      throw new StashValidationError(`StashEntityStore: ${type.name} cannot be edited (no update mutation)`);
    const id = this.resolveCurrent(type.name, entity.id);
    const tracked = this.#drafts.get(recordKey(type.name, id));
    if (tracked !== undefined) return tracked;
    if (isTemporaryId(id))
      throw new StashValidationError(
        `StashEntityStore: ${type.name} ${id} is a pending create; edit its draft`,
      );
    const base = this.current(type.name, id) ?? entity;
    return makeDraft(this, type.name, id, base, sideOpsOf(type.name));
  }

  /** A new draft with a temporary id, tracked (so `saveAll` creates it) until saved or discarded. */
  create(typename: string, data: Record<string, unknown> | undefined): EntityDraft {
    const type = this.#host.table.entity(typename);
    if (type.entityModel?.create === undefined)
      throw new StashValidationError(`StashEntityStore: ${type.name} cannot be created (no create mutation)`);
    if (data !== undefined && (data === null || typeof data !== 'object' || Array.isArray(data)))
      throw new StashValidationError('StashEntityStore: create() data must be an object');
    const draft = makeDraft(this, type.name, TEMP_ID_PREFIX + ++this.#next, null, sideOpsOf(type.name));
    const writable = this.writable(type.name);
    for (const [field, value] of Object.entries(data ?? {})) {
      if (!writable.has(field)) {
        throw new StashValidationError(
          `StashEntityStore: ${type.name}.${field} is not a writable field; writable: ${[...writable.keys()].join(', ')}`,
        );
      }
      (draft as unknown as Record<string, unknown>)[field] = value;
    }
    this.#drafts.set(recordKey(type.name, draft.id), draft);
    this.#follow();
    return draft;
  }

  /** Tracks a draft; a new one also gets a pending record in the cache under its temporary id. */
  add(draft: EntityDraft): EntityDraft {
    const s = draftState(draft);
    this.#track(draft);
    if (s.isNew) {
      s.added = true;
      this.#writePending(draft);
    }
    return draft;
  }

  /** Forgets a draft (a pending record goes too). */
  discard(draft: EntityDraft): void {
    const s = draftState(draft);
    const key = recordKey(s.typename, s.id);
    if (this.#drafts.get(key) === draft) this.#drafts.delete(key);
    this.#follow();
    if (s.isNew && s.added) {
      s.added = false;
      this.#host.write((ctx) => {
        const record = this.#host.source.get(s.typename, s.id);
        if (record !== undefined) {
          ctx.changes.mark(record, 'removed');
          this.#host.source.delete(s.typename, s.id);
        }
      });
    }
  }

  touched(draft: EntityDraft): void {
    const s = draftState(draft);
    if (s.dirty) this.#track(draft);
    else this.untrack(draft);
    if (s.isNew && s.added) this.#writePending(draft);
  }

  untrack(draft: EntityDraft): void {
    const s = draftState(draft);
    const key = recordKey(s.typename, s.id);
    if (this.#drafts.get(key) === draft) this.#drafts.delete(key);
    this.#follow();
  }

  /** Dirty tracked drafts, in the order they were first tracked. */
  dirty(): EntityDraft[] {
    return [...this.#drafts.values()].filter((d) => draftState(d).dirty);
  }

  /** After a create: the draft moves to its server id; the temporary id becomes an alias. */
  swapped(draft: EntityDraft, tempId: string, serverId: string): void {
    const s = draftState(draft);
    const tempKey = recordKey(s.typename, tempId);
    if (this.#drafts.get(tempKey) === draft) this.#drafts.delete(tempKey);
    this.#follow();
    this.#aliases.set(tempKey, serverId);
    s.added = false;
  }

  /** A temporary id already swapped gives its server id; any other id is returned as is. */
  resolveCurrent(typename: string, id: string): string {
    return isTemporaryId(id) ? (this.#aliases.get(recordKey(typename, id)) ?? id) : id;
  }

  /** The unsaved new draft a reference stands for, if any (a draft, or a temporary id of one). */
  pendingCreate(ref: object, typename: string): EntityDraft | undefined {
    if (isDraft(ref)) return ref.isNew ? ref : undefined;
    const id = (ref as { id: string }).id;
    if (!isTemporaryId(id)) return undefined;
    const t = (ref as { __typename?: string }).__typename ?? typename;
    if (this.#aliases.has(recordKey(t, id))) return undefined;
    const draft = this.#drafts.get(recordKey(t, id));
    if (draft === undefined)
      throw new StashValidationError(
        `StashEntityStore: ${t} ${id} is a temporary id no draft of this store has`,
      );
    return draft;
  }

  /** The id to send for a reference; an unsaved create here is a bug in save ordering. */
  idToSend(ref: object, typename: string): string {
    const t = (ref as { __typename?: string }).__typename ?? typename;
    const id = this.resolveCurrent(t, (ref as { id: string }).id);
    if (isTemporaryId(id)) throw new StashValidationError(`StashEntityStore: ${t} ${id} is not saved yet`);
    return id;
  }

  #track(draft: EntityDraft): void {
    const s = draftState(draft);
    const key = recordKey(s.typename, s.id);
    const other = this.#drafts.get(key);
    if (other === draft) return;
    if (other !== undefined && draftState(other).dirty) {
      throw new StashValidationError(
        `StashEntityStore: ${s.typename} ${s.id} already has a draft with unsaved edits; get it with store.edit()`,
      );
    }
    this.#drafts.set(key, draft);
    this.#follow();
  }

  // The pending record carries the draft's plain values (relationships stay on the draft).
  #writePending(draft: EntityDraft): void {
    const s = draftState(draft);
    const data: Record<string, unknown> = { __typename: s.typename, id: s.id };
    for (const [field, value] of s.edits) {
      if (this.writable(s.typename).get(field)?.mapping.mode === 'value') data[field] = value;
    }
    this.#host.write((ctx) => this.#host.normalizer.entity(ctx, data, s.typename, undefined));
  }

  #follow(): void {
    if (this.#drafts.size > 0) this.#off ??= this.#host.subscribe((batch) => this.#rebase(batch));
    else if (this.#off !== undefined) {
      this.#off();
      this.#off = undefined;
    }
  }

  #rebase(batch: ChangeBatch): void {
    if (this.#drafts.size === 0) return;
    for (const change of batch.changes.values()) {
      if (change.kind !== 'updated' && change.kind !== 'added') continue;
      const draft = this.#drafts.get(change.key);
      if (draft === undefined) continue;
      const s = draftState(draft);
      if (s.isNew) continue;
      const snap = this.current(s.typename, s.id);
      if (snap !== null) s.rebase(snap);
    }
  }
}
