/**
 * Writes response data into records: every entity object (at any depth) becomes or updates its
 * own record, links point at records, and a field is marked received only when it arrived in full.
 * A record whose values did not change keeps its snapshot; changed values share unchanged parts.
 * An entity object without an id (below the root, e.g. the stock UI's `galleries { files { path } }`)
 * is kept as an embedded value of its parent field: a detached record (in no source, `id`
 * undefined) received for the fields it carries. A later answer with the id normalizes it.
 *
 * Hot path: one `for…in` over each response object; a key is resolved through the type's plan
 * (usually an array read), a new record is written straight into its snapshot, no closures.
 */
import { StashValidationError } from '../errors';
import { isEntityId } from '../validate/entityId';
import type { FieldInfo, TypeInfo, TypeTable } from '../model/typeTable';
import type { FieldShape } from '../records/fieldShape';
import { MapRecordSource, directTypeMaps, type RecordSource } from '../records/recordSource';
import { snapshotConstructor } from '../records/snapshotPrototypes';
import {
  LINKS,
  RecordState,
  StoreRecord,
  type EntitySnapshot,
  type LinkValue,
  type Links,
  type WriteStamp,
} from '../records/storeRecord';
import { MAX_DEPTH, checkStructure } from '../validate/structure';
import { deepFreeze } from '../shared/devMode';
import { anchorHiddenClass } from '../shared/hiddenClassAnchors';
import { shareJson } from '../shared/jsonEqual';
import type { ChangeCollector } from '../tracking/changeBatch';
import type { WriteSequence } from '../tracking/writeSequence';
import { AnswerCheck, concreteType, describe, idProblem } from './answerCheck';
import type { ErrorNode } from './errorTrie';
import { TypePlan, ValueCheck, passesScalar, typePlans, type FieldSlot } from './typePlan';

const EMPTY_LINKS: Links = Object.freeze({});
const NO_SNAPSHOT = Object.freeze({}) as Readonly<Record<string, unknown>>;

type Obj = Record<string, unknown>;
type MutableSnapshot = Record<string | symbol, unknown>;

export interface WriteContext {
  readonly changes: ChangeCollector;
  /** Clock time stamped on every field written (TTL start). */
  readonly now: number;
  /**
   * Sequence of this write: the request's, taken when it was sent, or the local write's own. A
   * field last touched by a later sequence (write, invalidation, tombstone) is not overwritten.
   */
  readonly seq: number;
  /** The store's write clock (which requests may still write older answers). */
  readonly sequence: WriteSequence;
  /** `seq` and `now` as one object, shared by every record and field this write stamps. */
  readonly stamp: WriteStamp;
  /** The write is a batch of its own (not inside another write): undoing it may drop every change. */
  readonly outermost: boolean;
}

// Thrown inside a checked ingest when a value does not fit; never seen outside (the write is undone).
const MISFIT = new Error('StashEntityStore: misfit');

export class Normalizer {
  readonly #table: TypeTable;
  readonly #source: RecordSource;
  readonly #freeze: boolean;
  readonly #direct: ((typename: string) => Map<string, StoreRecord>) | undefined;
  // Shared by the stores on this table; one lookup resolves a typename to its type and plan.
  readonly #plans: Map<string, TypePlan>;
  // This store's id → record maps by `TypeInfo.index`, when the source allows direct access.
  readonly #records: (Map<string, StoreRecord> | undefined)[];
  // Set while writing an embedded value when a link inside it could not be stored in full.
  #partial = false;
  // Keys each #update received in full, as a stack up to #top (nested updates write above and pop
  // back; the array never shrinks: setting an array's length is a runtime call).
  readonly #written: string[] = [];
  #top = 0;
  // While a checked ingest writes: its undo journal (records added; records changed, each followed by
  // what `restore` takes, a record possibly twice: undone backwards), the depth of the object being
  // written (keys and list positions from the root, as `checkStructure` counts), unwalked objects met.
  #checking = false;
  // Both reused from one ingest to the next, up to their tops (cleared after, so they hold nothing).
  #created: (StoreRecord | undefined)[] = [];
  #createdTop = 0;
  #saved: unknown[] = [];
  #savedTop = 0;
  #depth = 0;
  #opaque = false;
  /** Checks a whole answer or ingest against the schema before it is written (nothing is written when it fails). */
  readonly checker: AnswerCheck;

  constructor(table: TypeTable, source: RecordSource, freeze: boolean) {
    this.#table = table;
    this.#source = source;
    this.#freeze = freeze;
    this.#direct = directTypeMaps(source);
    this.#plans = typePlans(table);
    this.#records = new Array<Map<string, StoreRecord> | undefined>(table.size).fill(undefined);
    this.checker = new AnswerCheck(table);
    anchorHiddenClass(Normalizer, () => new Normalizer(table, new MapRecordSource(), freeze));
  }

  /** The type table records are written with. */
  get table(): TypeTable {
    return this.#table;
  }

  /** Normalizes one entity object (declared as an entity or abstract typename) and returns its record. */
  entity(ctx: WriteContext, data: unknown, declared: string, err: ErrorNode | undefined): StoreRecord {
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      throw new StashValidationError(
        `StashEntityStore: expected a ${declared} object, got ${describe(data)}`,
      );
    }
    const obj = data as Obj;
    const typename = obj.__typename;
    // Fast path: the object is of the declared type (or has no __typename and a concrete one).
    let plan = this.#plans.get(typename === undefined ? declared : (typename as string));
    if (plan === undefined || plan.type.name !== declared) {
      plan = this.#plan(this.#concreteType(typename, declared));
    }
    const rawId = obj.id;
    const id = typeof rawId === 'string' ? rawId : typeof rawId === 'number' ? String(rawId) : undefined;
    if (id === undefined || !isEntityId(id)) {
      throw new StashValidationError(`StashEntityStore: ${idProblem(plan.type.name, rawId)}`);
    }
    return this.#write(ctx, obj, plan, id, err);
  }

  /**
   * Ingest in one walk: writes `items` (root objects of `declared`, already checked as roots) while
   * checking every value as `AnswerCheck` would, bounded in depth. When anything does not fit, or
   * unwalked values (custom scalars) hold a cycle, the write is undone (records, changes) and
   * `undefined` returned: the caller then checks first to throw the right error. Outermost writes only.
   */
  ingestChecked(
    ctx: WriteContext,
    data: unknown,
    declared: string,
    list: boolean,
  ): StoreRecord | StoreRecord[] | undefined {
    this.#checking = true;
    this.#opaque = false;
    try {
      let out: StoreRecord | StoreRecord[];
      if (!list) out = this.entity(ctx, data, declared, undefined);
      else {
        const items = data as readonly unknown[];
        out = new Array<StoreRecord>(items.length);
        for (let i = 0; i < items.length; i++) {
          this.#depth = 1;
          out[i] = this.entity(ctx, items[i], declared, undefined);
        }
      }
      if (this.#opaque) checkStructure(data, `StashEntityStore: ingest(${declared})`);
      return out;
    } catch {
      this.#undo();
      ctx.changes.discard();
      return undefined;
    } finally {
      this.#checking = false;
      this.#clearJournal();
      this.#top = 0;
      this.#depth = 0;
    }
  }

  // Saves what a write may change in `record`, unless this write created or already saved it (its stamp).
  #save(record: StoreRecord, ctx: WriteContext): void {
    if (record.head === ctx.stamp) return;
    const saved = this.#saved;
    let top = this.#savedTop;
    saved[top++] = record;
    saved[top++] = record.snap;
    saved[top++] = record.shape;
    saved[top++] = record.head;
    saved[top++] = record.savedTimes();
    saved[top++] = record.state;
    this.#savedTop = top;
  }

  #clearJournal(): void {
    const created = this.#created;
    const saved = this.#saved;
    for (let i = 0; i < this.#createdTop; i++) created[i] = undefined;
    for (let i = 0; i < this.#savedTop; i++) saved[i] = undefined;
    // A large ingest's arrays are let go rather than kept at their size.
    if (this.#createdTop > 4096) this.#created = [];
    if (this.#savedTop > 4096) this.#saved = [];
    this.#createdTop = 0;
    this.#savedTop = 0;
  }

  #undo(): void {
    const saved = this.#saved;
    for (let i = this.#savedTop - 6; i >= 0; i -= 6) {
      (saved[i] as StoreRecord).restore(
        saved[i + 1] as EntitySnapshot,
        saved[i + 2] as FieldShape,
        saved[i + 3] as WriteStamp,
        saved[i + 4] as object | undefined,
        saved[i + 5] as RecordState,
      );
    }
    for (let i = 0; i < this.#createdTop; i++) {
      const record = this.#created[i]!;
      const records = this.#recordsOf(record.type);
      if (records !== undefined) records.delete(record.id);
      else this.#source.delete(record.type.name, record.id);
    }
  }

  // A value of a checked ingest: plain values inline, links as they are written, the rest by the checker.
  #checkValue(raw: unknown, slot: FieldSlot): void {
    if (raw === null || (!slot.list && passesScalar(slot.check, raw))) return;
    if (raw === undefined) throw MISFIT;
    if (slot.check === ValueCheck.Link) return;
    if (this.checker.fits(raw, slot, this.#depth + 1)) this.#opaque = true;
  }

  #write(ctx: WriteContext, obj: Obj, plan: TypePlan, id: string, err: ErrorNode | undefined): StoreRecord {
    const records = this.#recordsOf(plan.type);
    const record = records !== undefined ? records.get(id) : this.#source.get(plan.type.name, id);
    if (record === undefined) return this.#create(ctx, obj, plan, id, records, err);
    this.#update(ctx, obj, plan, record, err);
    return record;
  }

  #plan(type: TypeInfo): TypePlan {
    let plan = this.#plans.get(type.name);
    if (plan === undefined) this.#plans.set(type.name, (plan = new TypePlan(type)));
    return plan;
  }

  #recordsOf(type: TypeInfo): Map<string, StoreRecord> | undefined {
    const records = this.#records[type.index];
    if (records !== undefined || this.#direct === undefined) return records;
    return (this.#records[type.index] = this.#direct(type.name));
  }

  /** A new record: values go straight into its first snapshot. Without `id`: a detached record. */
  #create(
    ctx: WriteContext,
    obj: Obj,
    plan: TypePlan,
    id: string | undefined,
    records: Map<string, StoreRecord> | undefined,
    err: ErrorNode | undefined,
  ): StoreRecord {
    const snap = new plan.Snapshot();
    if (id !== undefined) snap.id = id;
    let links: Record<string, LinkValue> | null = null;
    let shape = plan.root;
    let i = 0;
    for (const responseKey in obj) {
      const slot = plan.slot(i++, responseKey);
      if (slot === null) continue;
      const childErr = err === undefined ? undefined : err.children?.get(responseKey);
      if (childErr !== undefined && childErr.error) continue;
      const raw = obj[responseKey];
      if (this.#checking) this.#checkValue(raw, slot);
      // A null next to an error below it was propagated by the server: not a real value.
      if (raw === null && childErr !== undefined) continue;
      const field = slot.field;
      const key = slot.key;
      if (field.link) {
        const value = this.#link(ctx, raw, field, childErr, undefined);
        if (value === INCOMPLETE || (ctx.sequence.marks.size > 0 && linksGone(value, ctx))) continue;
        (links ??= {})[key] = value;
      } else if (field.kind === 'embedded') {
        const outer = this.#partial;
        this.#partial = false;
        const value = this.#embedded(ctx, undefined, raw, field, childErr);
        const partial = this.#partial;
        this.#partial = outer;
        if (this.#freeze) deepFreeze(value);
        snap[key] = value;
        if (partial || childErr !== undefined || !this.#isComplete(raw, field)) continue;
      } else {
        if (this.#freeze) deepFreeze(raw);
        snap[key] = raw;
      }
      shape = shape.with(key);
    }
    if (plan.hasLinks) snap[LINKS] = links ?? EMPTY_LINKS;
    if (this.#freeze) freezeSnapshot(snap);
    const type = plan.type;
    const record = new StoreRecord(type, snap as unknown as EntitySnapshot, shape, ctx.stamp);
    if (id === undefined) return record;
    if (records !== undefined) records.set(id, record);
    else this.#source.set(type.name, id, record);
    if (this.#checking) this.#created[this.#createdTop++] = record;
    if (ctx.sequence.marks.size > 0) takePendingMarks(record, ctx);
    ctx.changes.added(record);
    return record;
  }

  /**
   * An existing record: only changed values are kept, and a new snapshot is made if any changed.
   * A field last touched by a later sequence than this write's (a later-sent answer, an
   * invalidation, a tombstone) keeps its value and stamp; the fields received get this write's stamp.
   */
  #update(
    ctx: WriteContext,
    obj: Obj,
    plan: TypePlan,
    record: StoreRecord,
    err: ErrorNode | undefined,
  ): void {
    // A record this write created or already saved carries its stamp: saved once is enough.
    if (this.#checking) this.#save(record, ctx);
    const old = record.snap as unknown as Readonly<MutableSnapshot>;
    const oldLinks = (old[LINKS] as Links | undefined) ?? EMPTY_LINKS;
    const seq = ctx.seq;
    // Nothing later than this write touched the record: no field needs its own check.
    const ordered = seq >= record.maxSeq;
    let next: MutableSnapshot | null = null;
    let nextLinks: Record<string, LinkValue> | null = null;
    let changed: string[] | null = null;
    const written = this.#written;
    const from = this.#top;
    let shape = record.shape;
    let i = 0;
    for (const responseKey in obj) {
      const slot = plan.slot(i++, responseKey);
      if (slot === null) continue;
      const childErr = err === undefined ? undefined : err.children?.get(responseKey);
      if (childErr !== undefined && childErr.error) continue;
      const raw = obj[responseKey];
      if (this.#checking) this.#checkValue(raw, slot);
      if (raw === null && childErr !== undefined) continue;
      const field = slot.field;
      const key = slot.key;
      if (!ordered && seq < record.fieldSeq(key)) {
        // A later write owns this field; linked entities still take what they can (their own order).
        if (field.link) this.#link(ctx, raw, field, childErr, undefined);
        continue;
      }
      let complete = true;
      if (field.link) {
        const value = this.#link(ctx, raw, field, childErr, oldLinks[key]);
        if (value === INCOMPLETE || (ctx.sequence.marks.size > 0 && linksGone(value, ctx))) continue;
        if (!sameLink(oldLinks[key], value)) {
          nextLinks ??= { ...oldLinks };
          nextLinks[key] = value;
          (changed ??= []).push(key);
        }
      } else {
        const prev = old[key];
        let value: unknown;
        if (field.kind === 'embedded') {
          const outer = this.#partial;
          this.#partial = false;
          value = this.#embedded(ctx, prev, raw, field, childErr);
          complete = !this.#partial && childErr === undefined && this.#isComplete(raw, field);
          this.#partial = outer;
        } else {
          value = shareJson(prev, raw);
        }
        // `in` only for an undefined value: a field absent so far differs from one stored as undefined.
        if (value !== prev || (prev === undefined && !(key in old))) {
          if (this.#freeze) deepFreeze(value);
          (next ??= {})[key] = value;
          (changed ??= []).push(key);
        }
      }
      if (complete) {
        shape = shape.with(key);
        written[this.#top++] = key;
      }
    }

    if (changed !== null) {
      const copy = new plan.Snapshot();
      for (const k in old) copy[k] = next !== null && k in next ? next[k] : old[k];
      if (next !== null) for (const k in next) if (!(k in copy)) copy[k] = next[k];
      if (plan.hasLinks) copy[LINKS] = nextLinks ?? oldLinks;
      if (this.#freeze) freezeSnapshot(copy);
      record.snap = copy as unknown as EntitySnapshot;
      for (const k of changed) ctx.changes.field(record, k);
    }
    const before = record.shape;
    record.shape = shape;
    // A field received again with the value it kept (a rule had made it stale) changes what readers see.
    if (shape !== before && before.keys.size > 0) {
      for (let j = from; j < this.#top; j++)
        if (!before.has(written[j]!)) ctx.changes.field(record, written[j]!);
    }
    if (this.#top > from) record.restamp(written, from, this.#top, ctx.stamp, before);
    this.#top = from;
    // An answer sent after the tombstone says the entity exists again; an older one does not.
    if (record.state !== RecordState.Present && seq > record.floor) {
      if (record.state === RecordState.Deleted) ctx.changes.added(record);
      record.state = RecordState.Present;
    }
  }

  // See `concreteType`: the rules AnswerCheck applies, with the same messages.
  #concreteType(typename: unknown, declared: string): TypeInfo {
    const type = concreteType(this.#table, typename, declared);
    if (typeof type === 'string') throw new StashValidationError(`StashEntityStore: ${type}`);
    return type;
  }

  /**
   * A link value: a record, `null`, a list of them, or INCOMPLETE when it cannot be stored in full.
   * `prev` (the field's current value) lets objects without an id keep their identity when unchanged.
   */
  #link(
    ctx: WriteContext,
    raw: unknown,
    field: FieldInfo,
    err: ErrorNode | undefined,
    prev: LinkValue | undefined,
  ): LinkValue | typeof INCOMPLETE {
    if (!this.#checking || raw === null || raw === undefined) {
      return this.#linkValue(ctx, raw, field, err, prev);
    }
    // A checked ingest: the linked objects (a list's items one deeper) within the depth bound.
    const outer = this.#depth;
    const depth = field.list ? outer + 2 : outer + 1;
    if (depth > MAX_DEPTH) throw MISFIT;
    this.#depth = depth;
    const value = this.#linkValue(ctx, raw, field, err, prev);
    this.#depth = outer;
    return value;
  }

  #linkValue(
    ctx: WriteContext,
    raw: unknown,
    field: FieldInfo,
    err: ErrorNode | undefined,
    prev: LinkValue | undefined,
  ): LinkValue | typeof INCOMPLETE {
    if (raw === null || raw === undefined) return null;
    if (!field.list) {
      if (lacksId(raw)) return this.#withoutId(ctx, raw, field, err, prev as StoreRecord | null | undefined);
      return this.entity(ctx, raw, field.typeName, err);
    }
    if (!Array.isArray(raw)) {
      throw new StashValidationError(
        `StashEntityStore: ${field.name} should be a list, got ${describe(raw)}`,
      );
    }
    const prevList = Array.isArray(prev) ? (prev as ReadonlyArray<StoreRecord | null>) : undefined;
    const out = new Array<StoreRecord | null>(raw.length);
    for (let i = 0; i < raw.length; i++) {
      const item = raw[i];
      const itemErr = err?.children?.get(i);
      if (item === null) {
        // An item nulled by an error makes the list partial: don't store or mark it.
        if (itemErr !== undefined) return INCOMPLETE;
        out[i] = null;
      } else if (lacksId(item)) {
        const before = prevList !== undefined && prevList.length === raw.length ? prevList[i] : undefined;
        out[i] = this.#withoutId(ctx, item, field, itemErr, before);
      } else out[i] = this.entity(ctx, item, field.typeName, itemErr);
    }
    if (this.#freeze) Object.freeze(out);
    return out;
  }

  /**
   * An entity object without an id: nothing the server sent is dropped. When the field held a
   * normalized record (at the same position) that already has every value sent, that record takes
   * the write; otherwise the object becomes a detached record, reused when nothing changed.
   */
  #withoutId(
    ctx: WriteContext,
    obj: Obj,
    field: FieldInfo,
    err: ErrorNode | undefined,
    prev: StoreRecord | null | undefined,
  ): StoreRecord {
    const plan = this.#plan(this.#concreteType(obj.__typename, field.typeName));
    const same = prev !== null && prev !== undefined && prev.type === plan.type;
    if (same && prev.snap.id !== undefined && this.#agrees(prev, obj, plan)) {
      return this.#write(ctx, obj, plan, prev.snap.id, err);
    }
    const record = this.#create(ctx, obj, plan, undefined, undefined, err);
    if (same && prev.snap.id === undefined && sameDetached(prev, record)) {
      this.#refreshDetached(prev, ctx);
      return prev;
    }
    return record;
  }

  // Every plain value of `obj` is already received by `record` with the same value.
  #agrees(record: StoreRecord, obj: Obj, plan: TypePlan): boolean {
    const snap = record.snap as unknown as Record<string, unknown>;
    for (const responseKey in obj) {
      if (responseKey === '__typename') continue;
      const slot = plan.lookup(responseKey);
      if (slot === null || slot.field.link) return false;
      if (slot.field.kind === 'embedded' && this.#table.object(slot.field.typeName)!.linkFields.length > 0)
        return false;
      if (!record.shape.has(slot.key) || shareJson(snap[slot.key], obj[responseKey]) !== snap[slot.key])
        return false;
    }
    return true;
  }

  // A reused detached record took this write: its fields (and detached ones below) are fetched now.
  #refreshDetached(record: StoreRecord, ctx: WriteContext): void {
    if (this.#checking) this.#save(record, ctx);
    const keys = [...record.shape.keys];
    record.restamp(keys, 0, keys.length, ctx.stamp, record.shape);
    const links = (record.snap as unknown as { [LINKS]?: Links })[LINKS];
    if (links === undefined) return;
    for (const key in links) {
      const value = links[key];
      const items = Array.isArray(value) ? value : [value];
      for (const r of items as (StoreRecord | null)[])
        if (r !== null && r.snap.id === undefined) this.#refreshDetached(r, ctx);
    }
  }

  /** Embedded values: plain JSON is shared with the previous value; objects with links get a prototype. */
  #embedded(
    ctx: WriteContext,
    prev: unknown,
    raw: unknown,
    field: FieldInfo,
    err: ErrorNode | undefined,
  ): unknown {
    const type = this.#table.object(field.typeName)!;
    if (type.linkFields.length === 0 || raw === null || raw === undefined) return shareJson(prev, raw);
    if (field.list) {
      if (!Array.isArray(raw)) {
        throw new StashValidationError(
          `StashEntityStore: ${field.name} should be a list, got ${describe(raw)}`,
        );
      }
      const prevList = Array.isArray(prev) ? (prev as unknown[]) : undefined;
      let same = prevList !== undefined && prevList.length === raw.length;
      const out = new Array<unknown>(raw.length);
      for (let i = 0; i < raw.length; i++) {
        const before = prevList === undefined ? undefined : prevList[i];
        const itemErr = err === undefined ? undefined : err.children?.get(i);
        const v = this.#embeddedObject(ctx, before, raw[i], type, itemErr);
        if (v !== before) same = false;
        out[i] = v;
      }
      return same ? prev : out;
    }
    return this.#embeddedObject(ctx, prev, raw, type, err);
  }

  #embeddedObject(
    ctx: WriteContext,
    prev: unknown,
    raw: unknown,
    type: TypeInfo,
    err: ErrorNode | undefined,
  ): unknown {
    if (raw === null || typeof raw !== 'object') return raw;
    const src = raw as Obj;
    const prevObj = (prev !== null && typeof prev === 'object' ? prev : NO_SNAPSHOT) as Record<
      string | symbol,
      unknown
    >;
    const prevLinks = (prevObj[LINKS] as Links | undefined) ?? EMPTY_LINKS;
    const out = new (snapshotConstructor(type))();
    const links: Record<string, LinkValue> = {};
    let same = prev !== undefined && prev !== null;
    for (const key in src) {
      const field = type.fields.get(key);
      if (field !== undefined && field.link) {
        const v = this.#link(ctx, src[key], field, err?.children?.get(key), prevLinks[key]);
        // The embedded value is then stored without that link, and not marked received.
        if (v === INCOMPLETE || (ctx.sequence.marks.size > 0 && linksGone(v, ctx))) this.#partial = true;
        links[key] = v === INCOMPLETE ? null : v;
        if (!sameLink(prevLinks[key], links[key])) same = false;
      } else if (key !== '__typename' || !type.entity) {
        const v = shareJson(prevObj[key], src[key]);
        out[key] = v;
        if (v !== prevObj[key]) same = false;
      }
    }
    if (same) return prev;
    out[LINKS] = links;
    if (this.#freeze) freezeSnapshot(out);
    return out;
  }

  /** An embedded value counts as sent in full when every selectable field of every object is present. */
  #isComplete(raw: unknown, field: FieldInfo): boolean {
    if (raw === null || raw === undefined) return true;
    const type = this.#table.object(field.typeName)!;
    if (Array.isArray(raw)) {
      for (let i = 0; i < raw.length; i++) if (!this.#objectComplete(raw[i], type)) return false;
      return true;
    }
    return this.#objectComplete(raw, type);
  }

  #objectComplete(value: unknown, type: TypeInfo): boolean {
    if (value === null || typeof value !== 'object') return true;
    const obj = value as Obj;
    const keys = type.completeKeys;
    for (let i = 0; i < keys.length; i++) if (!(keys[i] in obj)) return false;
    const embedded = type.completeEmbedded;
    for (let i = 0; i < embedded.length; i++) {
      if (!this.#isComplete(obj[embedded[i].name], embedded[i])) return false;
    }
    return true;
  }
}

const INCOMPLETE: unique symbol = Symbol('incomplete');

// An object where an entity is expected, without the id that would key its record.
function lacksId(value: unknown): value is Obj {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const id = (value as Obj).id;
  return typeof id !== 'string' && typeof id !== 'number';
}

// A link of an answer sent before its target was deleted is outdated (the server dropped it since).
function linksGone(value: LinkValue | typeof INCOMPLETE, ctx: WriteContext): boolean {
  if (value === null || value === INCOMPLETE) return false;
  const marks = ctx.sequence.marks;
  if (!Array.isArray(value)) {
    const r = value as StoreRecord;
    return marks.goneAfter(r.type.name, r.id, ctx.seq);
  }
  for (const r of value as ReadonlyArray<StoreRecord | null>) {
    if (r !== null && marks.goneAfter(r.type.name, r.id, ctx.seq)) return true;
  }
  return false;
}

// A record created while marks made when it was uncached may still matter: it takes them, as if it
// had been cached then. Newer than this write: its fields are stale. Older: they still keep answers
// sent before the mark (in flight now) from writing the fields this write did not bring.
function takePendingMarks(record: StoreRecord, ctx: WriteContext): void {
  const marks = ctx.sequence.marks;
  const floor = marks.floorOf(record.type.name, record.id);
  if (floor > 0) record.lower(floor);
  const stale = marks.staleOf(record.type.name);
  if (stale === undefined) return;
  for (const [name, seq] of stale) {
    let shape = record.shape;
    let written = false;
    for (const key of record.shape.keys) {
      if (key !== name && !key.startsWith(name + '(')) continue;
      written = true;
      if (seq > ctx.seq) shape = shape.without(key);
    }
    record.shape = shape;
    if (!written || seq > ctx.seq) record.staleStamp(name, seq, ctx.now);
  }
}

// Two detached records with the same type, received fields, values and (recursively) links.
function sameDetached(a: StoreRecord, b: StoreRecord): boolean {
  if (a.type !== b.type || a.shape !== b.shape) return false;
  const x = a.snap as unknown as Record<string | symbol, unknown>;
  const y = b.snap as unknown as Record<string | symbol, unknown>;
  let count = 0;
  for (const key in y) {
    count++;
    if (!(key in x) || shareJson(x[key], y[key]) !== x[key]) return false;
  }
  if (count !== Object.keys(x).length) return false;
  const la = (x[LINKS] as Links | undefined) ?? EMPTY_LINKS;
  const lb = (y[LINKS] as Links | undefined) ?? EMPTY_LINKS;
  for (const key in lb) if (!sameLinkDeep(la[key], lb[key])) return false;
  return Object.keys(la).length === Object.keys(lb).length;
}

function sameLinkDeep(a: LinkValue | undefined, b: LinkValue): boolean {
  if (a === b) return true;
  if (a === undefined || a === null || b === null) return false;
  if (!Array.isArray(a) || !Array.isArray(b)) {
    if (Array.isArray(a) || Array.isArray(b)) return false;
    const ra = a as StoreRecord;
    const rb = b as StoreRecord;
    return ra.snap.id === undefined && rb.snap.id === undefined && sameDetached(ra, rb);
  }
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameLinkDeep(a[i], b[i])) return false;
  return true;
}

function sameLink(a: LinkValue | undefined, b: LinkValue): boolean {
  if (a === b) return true;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function freezeSnapshot(snap: MutableSnapshot): void {
  const links = snap[LINKS];
  if (links !== undefined) Object.freeze(links);
  Object.freeze(snap);
}
