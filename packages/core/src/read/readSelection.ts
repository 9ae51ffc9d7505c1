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

export type SelectionData = Record<string, unknown>;

/** Per-field freshness (the store's `TtlPolicy`). */
export interface FieldFreshness {
  isFieldStale(record: StoreRecord, key: string, now: number): boolean;
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
  /** Push every record visited into this list (what a memoized read must recheck). */
  readonly records?: StoreRecord[];
}

export interface SelectionRead {
  readonly data: SelectionData | undefined;
  readonly missing: readonly MissingField[];
  readonly deps: DepMap | undefined;
  readonly complete: boolean;
}

// Where the missing fields of a record go: to itself (`null` claim), or to an ancestor's field when
// the record cannot be fetched alone; `sunk` once that field is already planned.
interface Claim {
  readonly record: StoreRecord;
  readonly node: FieldNode;
  sunk: boolean;
}

// A field of a record being read (`record`, `node`): also the claim for the records below it that
// can only be fetched through it. `claim` is where the record's own missing fields go.
interface Site extends Claim {
  readonly claim: Claim | null;
}

const SUNK: Claim = { record: undefined as never, node: undefined as never, sunk: true };
const NO_MISSING: readonly MissingField[] = [];

class Reader {
  readonly data: boolean;
  readonly fresh: FieldFreshness | undefined;
  readonly now: number;
  readonly deps: DepMap | undefined;
  readonly records: StoreRecord[] | undefined;
  missing: MissingField[] | undefined = undefined;
  complete = true;

  constructor(options: ReadSelectionOptions) {
    this.data = options.data === true;
    this.fresh = options.fresh;
    this.now = options.now ?? options.fresh?.now() ?? 0;
    this.deps = options.deps;
    this.records = options.records;
  }

  /** The selection of one record; `claim` says where its missing fields go (`null`: to itself). */
  record(
    record: StoreRecord,
    tree: FieldTree,
    previous: unknown,
    claim: Claim | null,
  ): SelectionData | undefined {
    this.records?.push(record);
    const snap = record.snap as unknown as Record<string | symbol, unknown>;
    const links = snap[LINKS] as Links | undefined;
    const fields = record.type.fields;
    const build = this.data;
    const before = build ? plainOf(previous) : undefined;
    // A detached record (an entity object sent without its id) lives in its holder's field: it has
    // no id, and no subscription of its own (it changes with that field).
    const detached = record.snap.id === undefined;
    let out: SelectionData | undefined;
    if (build)
      out = detached ? { __typename: record.type.name } : { __typename: record.type.name, id: record.id };
    let same = before !== undefined && before.__typename === out!.__typename && before.id === out!.id;
    let size = detached ? 1 : 2;
    const keys = this.deps === undefined || detached ? null : this.#dep(record);
    for (const node of tree.values()) {
      const key = node.fk.key;
      keys?.add(key);
      if (key === 'id') {
        if (!detached) continue;
        // Only a read through the holder can bring the id.
        if (this.fresh !== undefined && claim !== SUNK && claim !== null) this.#miss(claim);
        this.complete = false;
        same = false;
        continue;
      }
      const field = fields.get(node.fk.name);
      if (field === undefined) continue;
      let sub = claim;
      if (this.fresh !== undefined && sub !== SUNK && this.fresh.isFieldStale(record, key, this.now)) {
        // The whole field is fetched again: nothing below it needs planning.
        this.#miss(claim ?? { record, node, sunk: false });
        sub = SUNK;
      }
      if (!record.shape.has(key)) {
        this.complete = false;
        same = false;
        continue;
      }
      const name = node.fk.name;
      const prev = before?.[name];
      let value: unknown;
      if (field.link)
        value = this.link(links?.[key], node.children, prev, { record, node, sunk: false, claim: sub });
      else if (field.kind === 'embedded')
        value = this.embedded(snap[key], node.children, prev, { record, node, sunk: false, claim: sub });
      else value = snap[key];
      if (!build) continue;
      if (!(name in out!)) size++;
      out![name] = value;
      if (same && prev !== value) same = false;
    }
    if (!build) return undefined;
    if (same && countKeys(before!) === size) return before;
    return out;
  }

  /** A link held by `site`'s field (one record, a list, or null). */
  link(value: LinkValue | undefined, tree: FieldTree | undefined, previous: unknown, site: Site): unknown {
    if (value === undefined || value === null) return null;
    if (!Array.isArray(value)) return this.linked(value as StoreRecord, tree, previous, site);
    return this.list(value, true, tree, previous, site);
  }

  /** A list of links (`linkItems`) or of embedded values; the previous list when no item changed. */
  list(
    items: readonly unknown[],
    linkItems: boolean,
    tree: FieldTree | undefined,
    previous: unknown,
    site: Site,
  ): unknown {
    const before = Array.isArray(previous) ? (previous as unknown[]) : undefined;
    const out = this.data ? new Array<unknown>(items.length) : undefined;
    let same = before !== undefined && before.length === items.length;
    for (let i = 0; i < items.length; i++) {
      const raw = items[i];
      let item: unknown;
      if (!linkItems) item = this.embedded(raw, tree, before?.[i], site);
      else if (raw === null) item = null;
      else {
        const r = raw as StoreRecord;
        item = this.linked(r, tree, recycled(before, r.snap.id, i), site);
      }
      if (out === undefined) continue;
      out[i] = item;
      if (same && before![i] !== item) same = false;
    }
    return same ? before : out;
  }

  linked(record: StoreRecord, tree: FieldTree | undefined, previous: unknown, site: Site): unknown {
    if (tree !== undefined) {
      // A record that cannot be fetched alone is fetched through the holder's field.
      const alone = record.type.fetchable && record.snap.id !== undefined;
      return this.record(record, tree, previous, site.claim !== null || alone ? site.claim : site);
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
   * An embedded value (object, list or null) held by `site`'s field: its selected
   * sub-fields (`tree`), or all of it; links inside are read like the holder's own.
   */
  embedded(value: unknown, tree: FieldTree | undefined, previous: unknown, site: Site): unknown {
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return this.list(value, false, tree, previous, site);
    const obj = value as Record<string | symbol, unknown>;
    const links = obj[LINKS] as Links | undefined;
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
        out[key] = this.link(links[key], undefined, before?.[key], site);
        size++;
      }
      if (same) for (const key in out) if (before![key] !== out[key]) same = false;
    } else {
      for (const child of tree.values()) {
        const key = child.fk.key;
        const name = child.fk.name;
        const prev = before?.[name];
        let v: unknown;
        if (links !== undefined && key in links) v = this.link(links[key], child.children, prev, site);
        else if (child.children !== undefined) v = this.embedded(obj[key], child.children, prev, site);
        else v = obj[key];
        if (!(name in out)) size++;
        out[name] = v;
        if (same && prev !== v) same = false;
      }
    }
    if (!build) return undefined;
    if (same && countKeys(before!) === size) return before;
    return out;
  }

  // A field to fetch; a claim (an ancestor's field) is planned once.
  #miss(claim: Claim): void {
    if (claim.sunk) return;
    claim.sunk = true;
    (this.missing ??= []).push({ record: claim.record, node: claim.node });
  }

  #dep(record: StoreRecord): Set<string> | null {
    const deps = this.deps!;
    const key = recordKey(record.type.name, record.id);
    let dep = deps.get(key);
    if (dep === undefined) {
      dep = { typename: record.type.name, id: record.id, fields: new Set() };
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
  const data = reader.record(record, tree, options.previous, null);
  return { data, missing: reader.missing ?? NO_MISSING, deps: options.deps, complete: reader.complete };
}

/** Adds a record with every field mattering (a root read without a field selection). */
export function addWholeRecord(deps: DepMap, typename: string, id: string): void {
  const key = recordKey(typename, id);
  const dep = deps.get(key);
  if (dep === undefined) deps.set(key, { typename, id, fields: null });
  else dep.fields = null;
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
