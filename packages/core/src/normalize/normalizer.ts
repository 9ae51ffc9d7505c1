/**
 * Writes response data into records: every entity object (at any depth) becomes or updates its
 * own record, links point at records, and a field is marked received only when it arrived in full.
 * A record whose values did not change keeps its snapshot; changed values share unchanged parts.
 *
 * Hot path: one `for…in` over each response object, one `Map` lookup per key, no closures.
 */
import { StashValidationError } from '../errors';
import type { FieldInfo, TypeInfo, TypeTable } from '../model/typeTable';
import { FieldShape } from '../records/fieldShape';
import type { RecordSource } from '../records/recordSource';
import { snapshotPrototype } from '../records/snapshotPrototypes';
import {
  LINKS,
  RecordState,
  StoreRecord,
  type EntitySnapshot,
  type LinkValue,
  type Links,
} from '../records/storeRecord';
import { deepFreeze } from '../shared/devMode';
import { shareJson } from '../shared/jsonEqual';
import { fieldKeyOfResponseKey } from '../shared/keys';
import type { ChangeCollector } from '../tracking/changeBatch';
import type { ErrorNode } from './errorTrie';

const EMPTY_LINKS: Links = Object.freeze({});
const NO_SNAPSHOT = Object.freeze({}) as Readonly<Record<string, unknown>>;

type Obj = Record<string, unknown>;
type MutableSnapshot = Record<string | symbol, unknown>;

export interface WriteContext {
  readonly changes: ChangeCollector;
  /** Clock time stamped on every record written (TTL start). */
  readonly now: number;
}

export class Normalizer {
  readonly #table: TypeTable;
  readonly #source: RecordSource;
  readonly #freeze: boolean;
  readonly #roots = new Map<TypeInfo, FieldShape>();

  constructor(table: TypeTable, source: RecordSource, freeze: boolean) {
    this.#table = table;
    this.#source = source;
    this.#freeze = freeze;
  }

  /** The empty received-field shape of a type (all records of the type share its transitions). */
  rootShape(type: TypeInfo): FieldShape {
    let root = this.#roots.get(type);
    if (root === undefined) this.#roots.set(type, (root = FieldShape.root()));
    return root;
  }

  /** Normalizes one entity object (declared as an entity or abstract typename) and returns its record. */
  entity(ctx: WriteContext, data: unknown, declared: string, err: ErrorNode | undefined): StoreRecord {
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      throw new StashValidationError(
        `StashEntityStore: expected a ${declared} object, got ${describe(data)}`,
      );
    }
    const obj = data as Obj;
    const type = this.#concreteType(obj.__typename, declared);
    const rawId = obj.id;
    if (typeof rawId !== 'string' && typeof rawId !== 'number') {
      throw new StashValidationError(`StashEntityStore: ${type.name} object without an id`);
    }
    const id = String(rawId);
    let record = this.#source.get(type.name, id);
    const isNew = record === undefined;
    const old = (isNew ? NO_SNAPSHOT : record!.snap) as Readonly<Record<string | symbol, unknown>>;
    const oldLinks = isNew ? EMPTY_LINKS : ((old[LINKS] as Links | undefined) ?? EMPTY_LINKS);
    // For a new record values go straight into the new snapshot; otherwise only changed ones are kept.
    let next: MutableSnapshot | null = null;
    let nextLinks: Record<string, LinkValue> | null = null;
    let changed: string[] | null = null;
    let shape = isNew ? this.rootShape(type) : record!.shape;
    if (isNew) {
      next = Object.create(snapshotPrototype(type)) as MutableSnapshot;
      next.id = id;
    }

    for (const responseKey in obj) {
      if (responseKey === '__typename' || responseKey === 'id') continue;
      let field = type.fields.get(responseKey);
      let key = responseKey;
      if (field === undefined || field.args.length > 0) {
        const fk = fieldKeyOfResponseKey(responseKey);
        field = type.fields.get(fk.name);
        key = fk.key;
        if (field === undefined) {
          throw new StashValidationError(`StashEntityStore: ${type.name} has no field "${fk.name}"`);
        }
      }
      const childErr = err?.children?.get(responseKey);
      if (childErr !== undefined && childErr.error) continue;
      const raw = obj[responseKey];
      // A null next to an error below it was propagated by the server: not a real value.
      if (raw === null && childErr !== undefined) continue;
      let complete = true;
      if (field.link) {
        const prev = oldLinks[key];
        const value = this.#link(ctx, raw, field, childErr);
        if (value === INCOMPLETE) continue;
        if (!sameLink(prev, value)) {
          nextLinks ??= { ...oldLinks };
          nextLinks[key] = value;
          if (!isNew) (changed ??= []).push(key);
        }
      } else {
        const prev = old[key];
        let value: unknown;
        if (field.kind === 'embedded') {
          value = this.#embedded(ctx, prev, raw, field, childErr);
          complete = childErr === undefined && this.#isComplete(raw, field);
        } else {
          value = shareJson(prev, raw);
        }
        if (value !== prev || !(key in old)) {
          if (this.#freeze) deepFreeze(value);
          if (isNew) next![key] = value;
          else {
            (next ??= {})[key] = value;
            (changed ??= []).push(key);
          }
        }
      }
      if (complete) shape = shape.with(key);
    }

    let snap: EntitySnapshot;
    if (isNew) {
      if (type.linkFields.length > 0) next![LINKS] = nextLinks ?? EMPTY_LINKS;
      if (this.#freeze) freezeSnapshot(next!);
      snap = next as unknown as EntitySnapshot;
      record = new StoreRecord(type, snap, shape, ctx.now);
      this.#source.set(type.name, id, record);
      ctx.changes.added(record);
    } else {
      record = record!;
      if (changed !== null) {
        const copy = Object.create(snapshotPrototype(type)) as MutableSnapshot;
        for (const k in old) copy[k] = next !== null && k in next ? next[k] : old[k];
        if (next !== null) for (const k in next) if (!(k in copy)) copy[k] = next[k];
        if (type.linkFields.length > 0) copy[LINKS] = nextLinks ?? oldLinks;
        if (this.#freeze) freezeSnapshot(copy);
        record.snap = copy as unknown as EntitySnapshot;
        for (const k of changed) ctx.changes.field(record, k);
      }
      record.shape = shape;
      record.fetchedAt = ctx.now;
      if (record.state !== RecordState.Present) {
        if (record.state === RecordState.Deleted) ctx.changes.added(record);
        record.state = RecordState.Present;
      }
    }
    return record;
  }

  #concreteType(typename: unknown, declared: string): TypeInfo {
    if (typename === undefined) {
      if (this.#table.abstract(declared) !== undefined) {
        throw new StashValidationError(`StashEntityStore: a ${declared} object needs __typename`);
      }
      return this.#table.entity(declared);
    }
    const type = this.#table.entity(String(typename));
    if (type.name !== declared) {
      const abstract = this.#table.abstract(declared);
      if (abstract === undefined || !abstract.possibleTypes.includes(type.name)) {
        throw new StashValidationError(
          `StashEntityStore: got a ${type.name} where a ${declared} was expected`,
        );
      }
    }
    return type;
  }

  #link(
    ctx: WriteContext,
    raw: unknown,
    field: FieldInfo,
    err: ErrorNode | undefined,
  ): LinkValue | typeof INCOMPLETE {
    if (raw === null || raw === undefined) return null;
    if (!field.list) return this.entity(ctx, raw, field.typeName, err);
    if (!Array.isArray(raw)) {
      throw new StashValidationError(
        `StashEntityStore: ${field.name} should be a list, got ${describe(raw)}`,
      );
    }
    const out = new Array<StoreRecord | null>(raw.length);
    for (let i = 0; i < raw.length; i++) {
      const item = raw[i];
      const itemErr = err?.children?.get(i);
      if (item === null) {
        // An item nulled by an error makes the list partial: don't store or mark it.
        if (itemErr !== undefined) return INCOMPLETE;
        out[i] = null;
      } else out[i] = this.entity(ctx, item, field.typeName, itemErr);
    }
    if (this.#freeze) Object.freeze(out);
    return out;
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
      const prevList = Array.isArray(prev) ? prev : undefined;
      let same = prevList !== undefined && prevList.length === raw.length;
      const out = raw.map((item, i) => {
        const v = this.#embeddedObject(ctx, prevList?.[i], item, type, err?.children?.get(i));
        if (v !== prevList?.[i]) same = false;
        return v;
      });
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
    const out = Object.create(snapshotPrototype(type)) as MutableSnapshot;
    const links: Record<string, LinkValue> = {};
    let same = prev !== undefined && prev !== null;
    for (const key in src) {
      const field = type.fields.get(key);
      if (field !== undefined && field.link) {
        const v = this.#link(ctx, src[key], field, err?.children?.get(key));
        links[key] = v === INCOMPLETE ? null : v;
        if (!sameLink(prevLinks[key], links[key])) same = false;
      } else if (key !== '__typename') {
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
      for (const item of raw) if (!this.#objectComplete(item, type)) return false;
      return true;
    }
    return this.#objectComplete(raw, type);
  }

  #objectComplete(value: unknown, type: TypeInfo): boolean {
    if (value === null || typeof value !== 'object') return true;
    const obj = value as Obj;
    for (const key of type.completeKeys) {
      if (!(key in obj)) return false;
      const f = type.fields.get(key)!;
      if (f.kind === 'embedded' && !this.#isComplete(obj[key], f)) return false;
    }
    return true;
  }
}

const INCOMPLETE: unique symbol = Symbol('incomplete');

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

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value;
}
