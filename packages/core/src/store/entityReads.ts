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
import { treePresent, type FieldTest } from '../tracking/fieldPresence';
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

export class EntityReads implements CacheQueryHost {
  readonly #table: TypeTable;
  readonly #source: RecordSource;
  readonly #ttl: TtlPolicy;
  readonly #trees: FieldTreeBuilder;
  readonly #loader: CoalescingLoader;
  readonly #specTrees = new Map<string, FieldTree>();
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

  /** Specs not fresh: not received, invalidated or past the TTL (what a read would fetch). */
  missingFieldsNested(entity: EntitySnapshot, ...specs: string[]): Set<string> {
    const now = this.#ttl.now();
    const ttl = this.#ttl;
    return this.#missing(entity, specs, (record, key) => !ttl.isFieldStale(record, key, now));
  }

  /** Specs not received at all, fresh or stale (for bindings that show stale data while refetching). */
  missingReceived(entity: EntitySnapshot, ...specs: string[]): Set<string> {
    return this.#missing(entity, specs, undefined);
  }

  #missing(entity: EntitySnapshot, specs: readonly string[], test: FieldTest | undefined): Set<string> {
    const type = entityTypeOf(this.#table, entity);
    const record = this.#source.get(type.name, entity.id);
    const missing = new Set<string>();
    for (const spec of specs) {
      if (record === undefined || !treePresent(record, this.#specTree(type.name, spec), test))
        missing.add(spec);
    }
    return missing;
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
    if (record === undefined) return tree;
    const extra: FieldTree = new Map();
    for (const key of record.shape.keys) {
      if (tree.has(key)) continue;
      const fk = parseFieldKey(key);
      const info = type.fields.get(fk.name);
      if (info === undefined) continue;
      extra.set(key, { fk, children: info.link ? this.#trees.small(info.typeName) : undefined });
    }
    mergeTree(tree, extra);
    return tree;
  }

  #specTree(typename: string, spec: string): FieldTree {
    const key = typename + '\u0000' + spec;
    let tree = this.#specTrees.get(key);
    if (tree === undefined) {
      tree = this.#trees.parse(typename, [spec]);
      this.#specTrees.set(key, tree);
    }
    return tree;
  }
}
