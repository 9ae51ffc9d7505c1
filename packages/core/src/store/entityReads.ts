/**
 * Entity reads behind the facade. Cache reads (`getCached`, `peek`, `filter`, `field`,
 * `missingFieldsNested`) never touch the network; fetching reads (`get`, `getMany`, `populate`)
 * turn field specs into field trees and go through the `CoalescingLoader`, except when everything
 * asked for is cached and fresh, which answers at once without waiting for the tick.
 */
import type { CoalescingLoader } from '../batch/coalescingLoader';
import { FetchPlanner } from '../batch/fetchPlanner';
import { StashNotFoundError, StashValidationError } from '../errors';
import type { TypeInfo, TypeTable } from '../model/typeTable';
import { cloneTree, mergeTree, type FieldTree, type FieldTreeBuilder } from '../query/fieldTree';
import { directTypeMaps, type RecordSource } from '../records/recordSource';
import { snapshotPrototype } from '../records/snapshotPrototypes';
import {
  LINKS,
  RecordState,
  type EntitySnapshot,
  type Links,
  type StoreRecord,
} from '../records/storeRecord';
import { fieldKey, parseFieldKey, type FieldArgs } from '../shared/keys';
import {
  addDeps,
  addWholeRecord,
  readSelection,
  shareDeps,
  type DepMap,
  type SelectionData,
} from '../read/readSelection';
import { SelectionMemo, type MemoEntry } from '../read/selectionMemo';
import type { FieldShape } from '../records/fieldShape';
import type { CacheQueryHost } from './cacheQueries';
import { checkId, concreteTypes, entityTypeOf } from './storeInput';
import type { PopulateOptions, ReadOptions } from './storeTypes';
import type { RetryOption } from '../batch/retryPolicy';
import type { TtlPolicy } from './ttlPolicy';
import { isServerId, isTemporaryId } from '../validate/entityId';

export interface EntityReadDeps {
  readonly table: TypeTable;
  readonly source: RecordSource;
  readonly ttl: TtlPolicy;
  readonly trees: FieldTreeBuilder;
  readonly loader: CoalescingLoader;
}

/** One entity's selection for bindings (`StashEntityStore.readEntity`). */
export interface EntityRead {
  /** Plain data holding exactly the selection, structurally shared with `previous`. */
  readonly data: SelectionData;
  /** Every selected path was received (stale values count). */
  readonly complete: boolean;
  /** Some selected field is not fresh (invalidated or past its TTL): a read would fetch it. */
  readonly stale: boolean;
}

export class EntityReads implements CacheQueryHost {
  readonly #table: TypeTable;
  readonly #source: RecordSource;
  readonly #ttl: TtlPolicy;
  readonly #trees: FieldTreeBuilder;
  readonly #loader: CoalescingLoader;
  // The one cache of parsed selections, by typename and spec list; and "as received" trees by shape.
  readonly #specTrees = new Map<string, FieldTree>();
  readonly #receivedTrees = new WeakMap<FieldShape, FieldTree>();
  // Bindings pass the same frozen spec array on every read: its tree by identity.
  readonly #treesBySpecs = new WeakMap<readonly string[], SpecsTree>();
  readonly #memo: SelectionMemo;
  readonly #visited: unknown[] = [];
  // The default source's id → record maps by `TypeInfo.index` (see `directTypeMaps`).
  readonly #direct: ((typename: string) => Map<string, StoreRecord>) | undefined;
  readonly #records: (Map<string, StoreRecord> | undefined)[];

  constructor(deps: EntityReadDeps) {
    this.#table = deps.table;
    this.#source = deps.source;
    this.#direct = directTypeMaps(deps.source);
    this.#records = new Array<Map<string, StoreRecord> | undefined>(deps.table.size).fill(undefined);
    this.#ttl = deps.ttl;
    this.#trees = deps.trees;
    this.#loader = deps.loader;
    this.#memo = new SelectionMemo(deps.ttl);
  }

  // ---- cache reads (no network) ----

  getCached(typename: string, id: string): EntitySnapshot | null {
    // Hot path (bindings call it on every render): the typename's types (one map lookup), the
    // record by id (one lookup with the default source), a clock read, and the record's state and age.
    const types = concreteTypes(this.#table, typename);
    if (!isServerId(id)) checkId(id);
    const now = this.#ttl.now();
    for (let i = 0; i < types.length; i++) {
      const record = this.#record(types[i], id);
      if (record !== undefined && !this.#ttl.isStale(record, now)) return record.snap;
    }
    return null;
  }

  peek(typename: string, id: string): EntitySnapshot | null {
    const types = concreteTypes(this.#table, typename);
    if (!isServerId(id)) checkId(id);
    for (let i = 0; i < types.length; i++) {
      const record = this.#record(types[i], id);
      if (record !== undefined && record.state !== RecordState.Deleted) return record.snap;
    }
    return null;
  }

  #record(type: TypeInfo, id: string): StoreRecord | undefined {
    if (this.#direct === undefined) return this.#source.get(type.name, id);
    let records = this.#records[type.index];
    if (records === undefined) records = this.#records[type.index] = this.#direct(type.name);
    return records.get(id);
  }

  field(entity: EntitySnapshot, name: string, args?: FieldArgs): unknown {
    const type = entityTypeOf(this.#table, entity);
    const current = this.#source.get(type.name, entity.id)?.snap ?? entity;
    const fk = fieldKey(name, args);
    const info = type.fields.get(name);
    if (info === undefined)
      throw new StashValidationError(`StashEntityStore: ${entity.__typename} has no field "${name}"`);
    if (!info.link) return (current as unknown as Record<string, unknown>)[fk.key];
    // A link with arguments has no getter of its own: resolve it through a probe on the prototype.
    const links = (current as unknown as { [LINKS]?: Links })[LINKS];
    const probe = Object.create(snapshotPrototype(type)) as Record<string | symbol, unknown>;
    probe[LINKS] = { [name]: links?.[fk.key] };
    return probe[name];
  }

  receivedFields(entity: EntitySnapshot): ReadonlySet<string> {
    const type = entityTypeOf(this.#table, entity);
    return this.#source.get(type.name, entity.id)?.shape.keys ?? new Set();
  }

  allCached(typename: string): EntitySnapshot[] {
    return this.filter(typename, () => true);
  }

  filter(typename: string, predicate: (entity: EntitySnapshot) => boolean): EntitySnapshot[] {
    const out: EntitySnapshot[] = [];
    const now = this.#ttl.now();
    for (const type of concreteTypes(this.#table, typename)) {
      for (const record of this.#source.values(type.name)) {
        if (!this.#ttl.isStale(record, now) && predicate(record.snap)) out.push(record.snap);
      }
    }
    return out;
  }

  /** Parses `specs` for every concrete type of `typename` (throws `StashValidationError`). */
  checkSpecs(typename: string, specs: Iterable<string>): void {
    const list = [...specs];
    for (const type of concreteTypes(this.#table, typename))
      for (const spec of list) this.selectionTree(type.name, [spec]);
  }

  /** Specs not fresh: not received, invalidated or past the TTL (what a read would fetch). */
  missingFieldsNested(entity: EntitySnapshot, ...specs: string[]): Set<string> {
    return this.#missing(entity, specs, true);
  }

  /** Specs not received at all, fresh or stale (for bindings that show stale data while refetching). */
  missingReceived(entity: EntitySnapshot, ...specs: string[]): Set<string> {
    return this.#missing(entity, specs, false);
  }

  #missing(entity: EntitySnapshot, specs: readonly string[], fresh: boolean): Set<string> {
    const type = entityTypeOf(this.#table, entity);
    const record = this.#source.get(type.name, entity.id);
    const missing = new Set<string>();
    const now = this.#ttl.now();
    for (const spec of specs) {
      const tree = this.selectionTree(type.name, [spec]);
      if (record === undefined) missing.add(spec);
      else if (fresh) {
        if (readSelection(record, tree, { fresh: this.#ttl, now }).missing.length > 0) missing.add(spec);
      } else if (!readSelection(record, tree).complete) missing.add(spec);
    }
    return missing;
  }

  /**
   * The parsed, schema-checked tree of `specs` on `typename` (`undefined`: the type's default set);
   * throws `StashValidationError` on a bad spec. Cached; shared: do not mutate.
   */
  selectionTree(typename: string, specs: readonly string[] | undefined): FieldTree {
    if (specs === undefined) return this.#trees.defaults(this.#table.entity(typename).name);
    const key =
      specs.length === 1 ? typename + '\u0000' + specs[0] : typename + '\u0000' + specs.join('\u0000');
    let tree = this.#specTrees.get(key);
    if (tree === undefined) {
      tree = this.#trees.parse(typename, specs);
      this.#specTrees.set(key, tree);
    }
    return tree;
  }

  /**
   * For bindings: the selection `specs` of `typename:id` as plain data recycled against `previous`
   * (see `readSelection`), adding what it read to `deps`; `null` when absent or deleted. Without
   * specs, the record as received (links as their small set) and every field of it followed.
   * A fresh, complete read is memoized (`SelectionMemo`) with its deps: re-reading an unchanged
   * selection, with or without deps, is a check of the records it visited.
   */
  readEntity(
    typename: string,
    id: string,
    specs: readonly string[] | undefined,
    previous?: unknown,
    deps?: DepMap,
  ): EntityRead | null {
    const types = concreteTypes(this.#table, typename);
    let record: StoreRecord | undefined;
    for (let i = 0; i < types.length && record === undefined; i++) {
      const found = this.#record(types[i], id);
      if (found !== undefined && found.state !== RecordState.Deleted) record = found;
    }
    if (record === undefined) return null;
    const now = this.#ttl.now();
    if (specs === undefined) {
      if (deps !== undefined) addWholeRecord(deps, record.type.name, id);
      const read = readSelection(record, this.#receivedTree(record), { data: true, previous, deps });
      return { data: read.data!, complete: true, stale: this.#ttl.isStale(record, now) };
    }
    const tree = this.#specsTree(record.type.name, specs);
    const memo = this.#memo.last(tree, record);
    if (memo !== undefined && (previous === undefined || previous === memo.read.data)) {
      if (this.#memo.holds(memo, now)) {
        if (deps === undefined) return memo.read;
        // A read collecting deps (an observer) is served when the memo kept the deps too.
        if (memo.deps !== undefined) return this.#withDeps(memo, deps);
      }
      previous = memo.read.data;
    }
    return this.#walk(record, tree, memo, previous, deps, now);
  }

  #withDeps(memo: MemoEntry, deps: DepMap): EntityRead {
    addDeps(deps, memo.deps!);
    return memo.read;
  }

  // The walk behind `readEntity` when the memo does not serve (kept apart: the memo check stays small).
  #walk(
    record: StoreRecord,
    tree: FieldTree,
    memo: MemoEntry | undefined,
    previous: unknown,
    deps: DepMap | undefined,
    now: number,
  ): EntityRead {
    // Scratch (reads do not nest): the memo copies what it keeps.
    const visited = this.#visited;
    visited.length = 0;
    const own: DepMap | undefined = deps === undefined ? undefined : new Map();
    const read = readSelection(record, tree, {
      data: true,
      previous,
      fresh: this.#ttl,
      now,
      visited,
      deps: own,
    });
    if (own !== undefined) addDeps(deps!, shareDeps(own));
    if (read.complete && read.missing.length === 0) {
      const fresh =
        memo !== undefined && read.data === memo.read.data
          ? memo.read
          : ({ data: read.data!, complete: true, stale: false } as const);
      this.#memo.set(tree, record, fresh, visited, own);
      return fresh;
    }
    return { data: read.data!, complete: read.complete, stale: read.missing.length > 0 };
  }

  /** `selectionTree`, found by the array itself when it is frozen (observers' spec lists are). */
  #specsTree(typename: string, specs: readonly string[]): FieldTree {
    const known = this.#treesBySpecs.get(specs);
    if (known !== undefined && known.typename === typename) return known.tree;
    const tree = this.selectionTree(typename, specs);
    if (Object.isFrozen(specs)) this.#treesBySpecs.set(specs, { typename, tree });
    return tree;
  }

  /** Every received field of the record, links as their small set. */
  #receivedTree(record: StoreRecord): FieldTree {
    let tree = this.#receivedTrees.get(record.shape);
    if (tree !== undefined) return tree;
    tree = new Map();
    for (const key of record.shape.keys) {
      const fk = parseFieldKey(key);
      const info = record.type.fields.get(fk.name);
      if (info === undefined) continue;
      tree.set(key, { fk, children: info.link ? this.#trees.small(info.typeName) : undefined });
    }
    this.#receivedTrees.set(record.shape, tree);
    return tree;
  }

  /** The entity's current snapshot, `null` if it is gone (CacheQueryHost). */
  current(entity: EntitySnapshot): EntitySnapshot | null {
    return this.peek(entity.__typename, entity.id);
  }

  // ---- fetching reads ----

  get(typename: string, id: string, options?: ReadOptions): Promise<EntitySnapshot | null> {
    try {
      const type = this.#table.entity(typename);
      checkId(id);
      const record = this.#source.get(type.name, id);
      const force = options?.forceRefetch === true;
      let tree: FieldTree;
      if (options?.fields !== undefined) tree = this.#trees.parse(type.name, options.fields);
      else if (record !== undefined && !this.#ttl.isStale(record) && !force) {
        return Promise.resolve(record.snap);
      } else tree = this.#refreshTree(type, record);
      return this.#read(type, id, record, tree, force, options?.signal, options?.retry);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  async getMany(typename: string, ids: readonly string[], options?: ReadOptions): Promise<EntitySnapshot[]> {
    if (!Array.isArray(ids))
      throw new StashValidationError('StashEntityStore: getMany needs an array of ids');
    const unique = [...new Set(ids.map(checkId))];
    const found = await Promise.all(unique.map((id) => this.get(typename, id, options)));
    return found.filter((e) => e !== null);
  }

  async populate(
    entity: EntitySnapshot,
    fields: Iterable<string> | undefined,
    options: PopulateOptions | undefined,
  ): Promise<EntitySnapshot> {
    const type = entityTypeOf(this.#table, entity);
    const tree =
      fields === undefined
        ? cloneTree(this.#trees.defaults(type.name))
        : this.#trees.parse(type.name, fields);
    const record = this.#source.get(type.name, entity.id);
    const result = await this.#read(
      type,
      entity.id,
      record,
      tree,
      options?.forceRefetch === true,
      options?.signal,
      options?.retry,
    );
    if (result === null)
      throw new StashNotFoundError(`StashEntityStore: ${type.name} ${entity.id} no longer exists`);
    return result;
  }

  /** Fetches `specs` for a chunk in one coalesced request (CacheQueryHost). */
  async populateChunk(entities: readonly EntitySnapshot[], specs: readonly string[]): Promise<void> {
    await Promise.all(
      entities.map((entity) => {
        const type = entityTypeOf(this.#table, entity);
        const tree = this.#trees.parse(type.name, specs);
        return this.#read(type, entity.id, this.#source.get(type.name, entity.id), tree, false);
      }),
    );
  }

  #read(
    type: TypeInfo,
    id: string,
    record: StoreRecord | undefined,
    tree: FieldTree,
    force: boolean,
    signal?: AbortSignal,
    retry?: RetryOption,
  ): Promise<EntitySnapshot | null> {
    if (isTemporaryId(id))
      throw new StashValidationError(
        `StashEntityStore: ${type.name} ${id} is a temporary id of an unsaved draft; the server cannot fetch it`,
      );
    if (!force && record !== undefined) {
      // Everything cached and fresh: answer now, without waiting for the tick.
      const deps = new FetchPlanner(this.#ttl).add({ type, id, record, tree, force });
      if (deps.size === 0) return Promise.resolve(record.state === RecordState.Deleted ? null : record.snap);
    }
    return this.#loader.load({ type, id, tree, force, retry }, signal);
  }

  /** A stale record refreshes what it had (top-level received fields) plus the default set. */
  #refreshTree(type: TypeInfo, record: StoreRecord | undefined): FieldTree {
    const tree = cloneTree(this.#trees.defaults(type.name));
    if (record !== undefined) mergeTree(tree, this.#receivedTree(record));
    return tree;
  }
}

interface SpecsTree {
  readonly typename: string;
  readonly tree: FieldTree;
}
