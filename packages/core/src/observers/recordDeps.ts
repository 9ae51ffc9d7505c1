/**
 * Which records (and which of their fields) an observer's result was built from, and the store
 * subscriptions that follow exactly those records. A change whose fields miss every field the
 * observer read is dropped here, so an update costs one call per affected observer.
 */
import { LINKS, type LinkValue, type Links, type StoreRecord } from '../records/storeRecord';
import type { FieldTree } from '../query/fieldTree';
import { recordKey, type RecordKey } from '../shared/keys';
import type { StashEntityStore } from '../store/stashEntityStore';
import type { RecordChange } from '../tracking/changeBatch';
import type { Unsubscribe } from '../tracking/storeSubscriptions';

export interface RecordDep {
  readonly typename: string;
  readonly id: string;
  /** Field keys read on the record; `null` = every field matters. */
  fields: Set<string> | null;
}

export type DepMap = Map<RecordKey, RecordDep>;

/** Adds a record with every field mattering (a root read without a field selection). */
export function addWholeRecord(deps: DepMap, typename: string, id: string): void {
  const key = recordKey(typename, id);
  const dep = deps.get(key);
  if (dep === undefined) deps.set(key, { typename, id, fields: null });
  else dep.fields = null;
}

/** Adds the records `tree` reads from `snap` (of `typename`), following links into linked records. */
export function collectDeps(deps: DepMap, typename: string, snap: object, tree: FieldTree): void {
  // A detached record (sent without an id) changes only with its parent's field: follow its links.
  if ((snap as { id?: string }).id === undefined) return collectEmbedded(deps, snap, tree);
  const key = recordKey(typename, (snap as { id: string }).id);
  let dep = deps.get(key);
  if (dep === undefined) {
    dep = { typename, id: (snap as { id: string }).id, fields: new Set() };
    deps.set(key, dep);
  }
  const fields = dep.fields;
  for (const node of tree.values()) {
    fields?.add(node.fk.key);
    if (node.children !== undefined) collectValue(deps, snap, node.fk.key, node.children);
  }
}

// A field of a snapshot or embedded object: a link (to records) or an embedded value.
function collectValue(deps: DepMap, holder: object, key: string, tree: FieldTree): void {
  const links = (holder as { [LINKS]?: Links })[LINKS];
  if (links !== undefined && key in links) collectLink(deps, links[key], tree);
  else collectEmbedded(deps, (holder as Record<string, unknown>)[key], tree);
}

function collectLink(deps: DepMap, value: LinkValue | undefined, tree: FieldTree): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    for (const record of value as ReadonlyArray<StoreRecord | null>) {
      if (record !== null) collectDeps(deps, record.type.name, record.snap, tree);
    }
    return;
  }
  const record = value as StoreRecord;
  collectDeps(deps, record.type.name, record.snap, tree);
}

function collectEmbedded(deps: DepMap, value: unknown, tree: FieldTree): void {
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) collectEmbedded(deps, item, tree);
    return;
  }
  // Embedded values change with their parent's field key; only links inside lead elsewhere.
  if ((value as { [LINKS]?: Links })[LINKS] === undefined) return;
  for (const node of tree.values()) {
    if (node.children !== undefined) collectValue(deps, value, node.fk.key, node.children);
  }
}

/** Whether `change` can alter what an observer read from the record. */
export function isRelevant(dep: RecordDep | undefined, change: RecordChange): boolean {
  if (change.kind !== 'updated') return true;
  if (dep === undefined || dep.fields === null) return true;
  for (const field of change.fields) if (dep.fields.has(field)) return true;
  return false;
}

/** Store subscriptions kept equal to a dependency map (diffed on every update: O(changed deps)). */
export class RecordSubscriptions {
  readonly #store: StashEntityStore;
  readonly #onChange: (change: RecordChange) => void;
  #deps: DepMap = new Map();
  readonly #subs = new Map<RecordKey, Unsubscribe>();
  #active = false;

  constructor(store: StashEntityStore, onChange: (change: RecordChange) => void) {
    this.#store = store;
    this.#onChange = onChange;
  }

  get deps(): DepMap {
    return this.#deps;
  }

  /** Replaces the dependencies; subscribes to new records and drops the ones no longer read. */
  set(deps: DepMap): void {
    this.#deps = deps;
    if (!this.#active) return;
    for (const [key, off] of this.#subs) {
      if (!deps.has(key)) {
        off();
        this.#subs.delete(key);
      }
    }
    for (const [key, dep] of deps) {
      this.#subscribe(key, dep);
    }
  }

  activate(): void {
    if (this.#active) return;
    this.#active = true;
    for (const [key, dep] of this.#deps) this.#subscribe(key, dep);
  }

  deactivate(): void {
    this.#active = false;
    for (const off of this.#subs.values()) off();
    this.#subs.clear();
  }

  #subscribe(key: RecordKey, dep: RecordDep): void {
    if (this.#subs.has(key)) return;
    const off = this.#store.subscribe(dep.typename, dep.id, (change) => {
      if (isRelevant(this.#deps.get(key), change)) this.#onChange(change);
    });
    this.#subs.set(key, off);
  }
}
