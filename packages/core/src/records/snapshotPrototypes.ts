/**
 * Per-type prototypes for snapshots: `__typename`, a getter per link field that resolves the
 * linked record's current snapshot, and `toJSON`. Links stay live without copying snapshots.
 */
import type { TypeInfo } from '../model/typeTable';
import type { ObjectModel } from '../schema/modelTypes';
import { isDevelopment } from '../shared/devMode';
import { LINKS, type LinkValue, type Links, type StoreRecord } from './storeRecord';

// Keyed by the schema model's object, not the store's TypeInfo: stores on one model share
// prototypes, hence hidden classes, so optimized code stays valid from one store to the next.
const prototypes = new WeakMap<ObjectModel, object>();
const constructors = new WeakMap<ObjectModel, SnapshotConstructor>();
// List views are built on first read and kept while their link array lives.
const listViews = new WeakMap<ReadonlyArray<StoreRecord | null>, ReadonlyArray<unknown>>();

/** Resolves a stored link value to snapshots; list results keep identity while nothing changed. */
export function resolveLink(value: LinkValue | undefined): unknown {
  if (value === undefined || value === null) return value;
  if (!Array.isArray(value)) return (value as StoreRecord).snap;
  const records = value as ReadonlyArray<StoreRecord | null>;
  const cached = listViews.get(records);
  if (cached !== undefined) {
    let same = true;
    for (let i = 0; i < records.length; i++) {
      if (cached[i] !== (records[i] === null ? null : records[i]!.snap)) {
        same = false;
        break;
      }
    }
    if (same) return cached;
  }
  const view = records.map((r) => (r === null ? null : r.snap));
  if (isDevelopment) Object.freeze(view);
  listViews.set(records, view);
  return view;
}

/** Plain data for a snapshot: own fields plus links rendered recursively (a repeat becomes a stub). */
export function snapshotToJSON(snap: object, seen: Set<object> = new Set()): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const typename = (snap as { __typename?: string }).__typename;
  if (typename !== undefined) out.__typename = typename;
  if (seen.has(snap)) {
    out.id = (snap as { id?: string }).id;
    return out;
  }
  seen.add(snap);
  for (const key in snap) {
    const value = (snap as Record<string, unknown>)[key];
    out[key] = jsonValue(value, seen);
  }
  const links = (snap as { [LINKS]?: Links })[LINKS];
  if (links !== undefined) {
    for (const key in links) out[key] = jsonValue(resolveLink(links[key]), seen);
  }
  seen.delete(snap);
  return out;
}

function jsonValue(value: unknown, seen: Set<object>): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => jsonValue(v, seen));
  if (Object.getPrototypeOf(value) === Object.prototype) return value;
  return snapshotToJSON(value, seen);
}

/** The prototype shared by all snapshots (or embedded objects with links) of `type`. */
export function snapshotPrototype(type: TypeInfo): object {
  let proto = prototypes.get(type.model);
  if (proto !== undefined) return proto;
  proto = Object.create(Object.prototype) as object;
  const props: PropertyDescriptorMap = {
    toJSON: {
      value(this: object) {
        return snapshotToJSON(this);
      },
    },
  };
  if (type.entity) props.__typename = { value: type.name };
  for (const field of type.linkFields) {
    const key = field.name;
    props[key] = {
      get(this: { [LINKS]: Links }) {
        return resolveLink(this[LINKS]?.[key]);
      },
    };
  }
  Object.defineProperties(proto, props);
  prototypes.set(type.model, proto);
  return proto;
}

/** Builds empty snapshots (or embedded objects with links) of one type: `new Snapshot()`. */
export type SnapshotConstructor = new () => Record<string | symbol, unknown>;

/**
 * A constructor per type whose instances have the type's prototype. Unlike `Object.create`, V8
 * sizes `new` objects per constructor (slack tracking), so adding fields rarely regrows them.
 */
export function snapshotConstructor(type: TypeInfo): SnapshotConstructor {
  let ctor = constructors.get(type.model);
  if (ctor === undefined) {
    ctor = constructorFor(snapshotPrototype(type));
    constructors.set(type.model, ctor);
  }
  return ctor;
}

function constructorFor(proto: object): SnapshotConstructor {
  // Each call makes a new function object, hence its own initial map with `proto`.
  function Snapshot(): void {}
  Snapshot.prototype = proto;
  return Snapshot as unknown as SnapshotConstructor;
}
