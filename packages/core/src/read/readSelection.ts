/**
 * The one reader of a field selection over the store (in the shape of Relay's `RelayReader`): a
 * single traversal of a record and a field tree, through links, embedded objects, lists and nulls,
 * that yields at once
 * - `data`: plain objects holding exactly the selected fields (`__typename` and `id` of every
 *   entity too), recycled against the previous result: a path whose value changed gets a new object
 *   all the way up, every unchanged part keeps the previous object (TanStack's `replaceEqualDeep`,
 *   Relay's `recycleNodesInto`), and an unchanged selection returns the previous root itself;
 * - `missing`: what a read must fetch (fields not fresh, per field), each attributed to the record
 *   that can be fetched for it (the nearest fetchable record on the path);
 * - `deps`: the records and field keys the selection read (what an observer must follow);
 * - `complete`: every selected path was received (stale values count as received).
 * A path is received when every step was; a `null` link or embedded value ends the path, and a list
 * is received when every item is (an empty one is).
 */
import type { FieldNode, FieldTree } from '../query/fieldTree';
import { LINKS, type LinkValue, type Links, type StoreRecord } from '../records/storeRecord';
import { recordKey, type RecordKey } from '../shared/keys';
import { childPlan, planOf, PlanKind, type PlanField, type SelectionPlan } from './selectionPlan';

export type SelectionData = Record<string, unknown>;

/** Per-field freshness (the store's `TtlPolicy`). */
export interface FieldFreshness {
  isFieldStale(record: StoreRecord, key: string, now: number): boolean;
  /**
   * Optional whole-record check: `false` must mean every received field is fresh (the reader then
   * skips the per-field checks of that record).
   */
  isStale?(record: StoreRecord, now: number): boolean;
  now(): number;
}

/** A field a read must fetch, on the record that can be fetched for it. */
export interface MissingField {
  readonly record: StoreRecord;
  readonly node: FieldNode;
}

export interface RecordDep {
  readonly typename: string;
  readonly id: string;
  /** Field keys read on the record; `null` = every field matters. */
  fields: Set<string> | null;
}

export type DepMap = Map<RecordKey, RecordDep>;

export interface ReadSelectionOptions {
  /** Build `data`, recycled against this previous result (`undefined`: nothing to recycle). */
  readonly data?: boolean;
  readonly previous?: unknown;
  /** Collect `missing` against this freshness (none collected without it). */
  readonly fresh?: FieldFreshness;
  readonly now?: number;
  /** Collect the records read into this map (shared by the reads of one result). */
  readonly deps?: DepMap;
  /**
   * Push every record visited into this list, each followed by the field keys read on it (what a
   * memoized read must recheck).
   */
  readonly visited?: unknown[];
}

export interface SelectionRead {
  readonly data: SelectionData | undefined;
  readonly missing: readonly MissingField[];
  readonly deps: DepMap | undefined;
  readonly complete: boolean;
}

// Where a record's missing fields go (its claim): `null` to the record itself, `SUNK` nowhere (an
// ancestor's field is fetched again whole), else to the field `cn` of the record `cr` (the record
// cannot be fetched alone). Passed as two arguments: a read that misses nothing allocates no claim.
const SUNK = { sunk: true } as unknown as StoreRecord;
type ClaimRecord = StoreRecord | null;
const NO_MISSING: readonly MissingField[] = [];

class Reader {
  readonly data: boolean;
  readonly fresh: FieldFreshness | undefined;
  readonly now: number;
  readonly deps: DepMap | undefined;
  readonly visited: unknown[] | undefined;
  missing: MissingField[] | undefined = undefined;
  complete = true;

  constructor(options: ReadSelectionOptions) {
    this.data = options.data === true;
    this.fresh = options.fresh;
    this.now = options.now ?? options.fresh?.now() ?? 0;
    this.deps = options.deps;
    this.visited = options.visited;
  }

  /** The selection (`plan`) of one record; its missing fields go to the claim (`cr`, `cn`). */
  record(
    record: StoreRecord,
    plan: SelectionPlan,
    previous: unknown,
    cr: ClaimRecord,
    cn: FieldNode | undefined,
  ): SelectionData | undefined {
    this.visited?.push(record, plan.depKeys);
    const snap = record.snap as unknown as Record<string | symbol, unknown>;
    const links = snap[LINKS] as Links | undefined;
    const build = this.data;
    const before = build ? plainOf(previous) : undefined;
    const typename = record.type.name;
    const id = snap.id as string | undefined;
    // A detached record (an entity object sent without its id) lives in its holder's field: it has
    // no id, and no subscription of its own (it changes with that field).
    const detached = id === undefined;
    let out: SelectionData | undefined;
    if (build) out = detached ? { __typename: typename } : { __typename: typename, id };
    let same = before !== undefined && before.__typename === typename && before.id === id;
    let size = detached ? 1 : 2;
    if (this.deps !== undefined && !detached) {
      const keys = this.#dep(record);
      if (keys !== null) for (const key of plan.depKeys) keys.add(key);
    }
    const shape = record.shape;
    const covered = plan.covers(shape);
    const fresh = this.fresh;
    const planning = fresh !== undefined && cr !== SUNK;
    // A record fresh as a whole has every received field fresh: then only unreceived ones miss.
    const perField = planning && (fresh.isStale === undefined || fresh.isStale(record, this.now));
    const fields = plan.fields;
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i];
      const key = f.key;
      if (f.kind === PlanKind.Id) {
        if (!detached) continue;
        // Only a read through the holder can bring the id.
        if (planning && cr !== null) this.#miss(cr, cn!, true);
        this.complete = false;
        same = false;
        continue;
      }
      const received = covered || shape.has(key);
      // Where the records below this field send their missing fields.
      let sr = cr;
      let sn = cn;
      if (planning && (!received || (perField && fresh.isFieldStale(record, key, this.now)))) {
        // The whole field is fetched again: nothing below it needs planning.
        if (cr === null) this.#miss(record, f.node, false);
        else this.#miss(cr, cn!, true);
        sr = SUNK;
      }
      if (!received) {
        this.complete = false;
        same = false;
        continue;
      }
      // A record below that cannot be fetched alone is fetched through this field.
      const own = sr === null;
      if (own) {
        sr = record;
        sn = f.node;
      }
      const name = f.name;
      // A scalar's previous value matters only while the result may still be the previous one.
      const scalar = f.kind === PlanKind.Scalar;
      const prev = before === undefined || (scalar && !same) ? undefined : before[name];
      let value: unknown;
      if (scalar) value = snap[key];
      else if (f.kind === PlanKind.Link)
        value = this.link(links === undefined ? undefined : links[key], f, prev, sr!, sn!, own);
      else value = this.embedded(snap[key], f, prev, sr!, sn!, own);
      if (!build) continue;
      if (plan.distinct || !(name in out!)) size++;
      out![name] = value;
      // Two keys of one name (arguments): the last one read is the value, compared below.
      if (same && prev !== value && plan.distinct) same = false;
    }
    if (!build) return undefined;
    if (same && countKeys(before!) === size && (plan.distinct || sameValues(out!, before!))) return before;
    return out;
  }

  /**
   * A link held by a field (one record, a list, or null), read with the field's sub-selection
   * (`field` undefined: none). Records below miss into (`cr`, `cn`), or into themselves when they
   * can be fetched alone and `own` (the holder's own field).
   */
  link(
    value: LinkValue | undefined,
    field: PlanField | undefined,
    previous: unknown,
    cr: StoreRecord,
    cn: FieldNode,
    own: boolean,
  ): unknown {
    if (value === undefined || value === null) return null;
    if (!Array.isArray(value)) return this.linked(value as StoreRecord, field, previous, cr, cn, own);
    return this.list(value, true, field, previous, cr, cn, own);
  }

  /** A list of links (`linkItems`) or of embedded values; the previous list when no item changed. */
  list(
    items: readonly unknown[],
    linkItems: boolean,
    field: PlanField | undefined,
    previous: unknown,
    cr: StoreRecord,
    cn: FieldNode,
    own: boolean,
  ): unknown {
    const before = Array.isArray(previous) ? (previous as unknown[]) : undefined;
    const out = this.data ? new Array<unknown>(items.length) : undefined;
    let same = before !== undefined && before.length === items.length;
    for (let i = 0; i < items.length; i++) {
      const raw = items[i];
      let item: unknown;
      if (!linkItems) item = this.embedded(raw, field, before?.[i], cr, cn, own);
      else if (raw === null) item = null;
      else {
        const r = raw as StoreRecord;
        item = this.linked(r, field, recycled(before, r.snap.id, i), cr, cn, own);
      }
      if (out === undefined) continue;
      out[i] = item;
      if (same && before![i] !== item) same = false;
    }
    return same ? before : out;
  }

  linked(
    record: StoreRecord,
    field: PlanField | undefined,
    previous: unknown,
    cr: StoreRecord,
    cn: FieldNode,
    own: boolean,
  ): unknown {
    const tree = field?.node.children;
    if (tree !== undefined) {
      const plan = childPlan(field!, tree, record.type);
      // A record that can be fetched alone fetches its own fields, unless the holder's are planned above.
      if (own && record.type.fetchable && record.snap.id !== undefined)
        return this.record(record, plan, previous, null, undefined);
      return this.record(record, plan, previous, cr, cn);
    }
    // A link without a selection (inside a fully selected embedded object): its identity.
    if (!this.data) return undefined;
    const before = plainOf(previous);
    if (before !== undefined && before.id === record.id && before.__typename === record.type.name)
      return before;
    return record.snap.id === undefined
      ? { __typename: record.type.name }
      : { __typename: record.type.name, id: record.id };
  }

  /**
   * An embedded value (object, list or null) held by a field: its selected sub-fields (`field`'s
   * children), or all of it; links inside are read like the holder's own.
   */
  embedded(
    value: unknown,
    field: PlanField | undefined,
    previous: unknown,
    cr: StoreRecord,
    cn: FieldNode,
    own: boolean,
  ): unknown {
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return this.list(value, false, field, previous, cr, cn, own);
    const obj = value as Record<string | symbol, unknown>;
    const links = obj[LINKS] as Links | undefined;
    const tree = field?.node.children;
    // Plain embedded JSON is shared with the previous value by the normalizer: its identity serves.
    if (links === undefined && tree === undefined) return value;
    const build = this.data;
    const before = build ? plainOf(previous) : undefined;
    const out: SelectionData = {};
    let same = before !== undefined;
    let size = 0;
    if (tree === undefined) {
      // Selected in full: every own field, and each link inside as its identity.
      for (const key in obj) {
        out[key] = obj[key];
        size++;
      }
      for (const key in links) {
        out[key] = this.link(links[key], undefined, before?.[key], cr, cn, own);
        size++;
      }
      if (same) for (const key in out) if (before![key] !== out[key]) same = false;
    } else {
      const plan = childPlan(field!, tree, undefined);
      const fields = plan.fields;
      for (let i = 0; i < fields.length; i++) {
        const child = fields[i];
        const key = child.key;
        const name = child.name;
        let v: unknown;
        let prev: unknown;
        if (links !== undefined && key in links) {
          prev = before === undefined ? undefined : before[name];
          v = this.link(links[key], child, prev, cr, cn, own);
        } else if (child.node.children !== undefined) {
          prev = before === undefined ? undefined : before[name];
          v = this.embedded(obj[key], child, prev, cr, cn, own);
        } else {
          // A scalar's previous value matters only while the result may still be the previous one.
          prev = before === undefined || !same ? undefined : before[name];
          v = obj[key];
        }
        if (plan.distinct || !(name in out)) size++;
        out[name] = v;
        if (same && prev !== v && plan.distinct) same = false;
      }
      if (same && !plan.distinct) same = sameValues(out, before!);
    }
    if (!build) return undefined;
    if (same && countKeys(before!) === size) return before;
    return out;
  }

  // A field to fetch: `node` of `record`. An ancestor's field (`shared`) is planned once per read.
  #miss(record: StoreRecord, node: FieldNode, shared: boolean): void {
    if (record === SUNK) return;
    const missing = (this.missing ??= []);
    if (shared) for (const m of missing) if (m.record === record && m.node === node) return;
    missing.push({ record, node });
  }

  #dep(record: StoreRecord): Set<string> | null {
    const deps = this.deps!;
    const key = recordKey(record.type.name, record.id);
    let dep = deps.get(key);
    if (dep === undefined) {
      dep = { typename: record.type.name, id: record.id, fields: new Set() };
      deps.set(key, dep);
    } else if (dep.fields !== null && Object.isFrozen(dep)) {
      // A memoized read's deps (shared, frozen): copied before adding to them.
      dep = { typename: dep.typename, id: dep.id, fields: new Set(dep.fields) };
      deps.set(key, dep);
    }
    return dep.fields;
  }
}

/** Reads `tree` from `record` in one traversal (see the module comment). */
export function readSelection(
  record: StoreRecord,
  tree: FieldTree,
  options: ReadSelectionOptions = {},
): SelectionRead {
  const reader = new Reader(options);
  const data = reader.record(record, planOf(tree, record.type), options.previous, null, undefined);
  return { data, missing: reader.missing ?? NO_MISSING, deps: options.deps, complete: reader.complete };
}

/** Adds a record with every field mattering (a root read without a field selection). */
export function addWholeRecord(deps: DepMap, typename: string, id: string): void {
  const key = recordKey(typename, id);
  const dep = deps.get(key);
  if (dep === undefined || Object.isFrozen(dep)) deps.set(key, { typename, id, fields: null });
  else dep.fields = null;
}

/**
 * Freezes `deps`' entries so they can be shared: `addDeps` hands them to other maps as they are,
 * and a read adding to a shared entry copies it first (a memoized read's deps stay as read).
 */
export function shareDeps(deps: DepMap): DepMap {
  for (const dep of deps.values()) Object.freeze(dep);
  return deps;
}

/** Adds `from`'s records and fields to `into`, sharing `from`'s entries where `into` has none. */
export function addDeps(into: DepMap, from: DepMap): void {
  for (const [key, dep] of from) {
    const mine = into.get(key);
    if (mine === undefined) into.set(key, dep);
    else if (mine !== dep && mine.fields !== null) {
      if (dep.fields === null) addWholeRecord(into, dep.typename, dep.id);
      else {
        const fields = Object.isFrozen(mine) ? new Set(mine.fields) : mine.fields;
        for (const f of dep.fields) fields.add(f);
        if (fields !== mine.fields) into.set(key, { typename: mine.typename, id: mine.id, fields });
      }
    }
  }
}

// The previous item to recycle a list item against: the one with the same id (a reordered list
// keeps its items), else none.
function recycled(before: unknown[] | undefined, id: string | undefined, index: number): unknown {
  if (before === undefined) return undefined;
  // Detached items have no id: recycled by position.
  if (id === undefined) return before[index];
  const atIndex = before[index] as { id?: unknown } | null | undefined;
  if (atIndex?.id === id) return atIndex;
  for (const b of before) if ((b as { id?: unknown } | null)?.id === id) return b;
  return undefined;
}

function plainOf(value: unknown): SelectionData | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as SelectionData)
    : undefined;
}

function countKeys(obj: object): number {
  let n = 0;
  for (const _ in obj) n++;
  return n;
}

function sameValues(out: SelectionData, before: SelectionData): boolean {
  for (const key in out) if (out[key] !== before[key]) return false;
  return true;
}
