/**
 * `StashEntityStore`: the facade. It validates input, then delegates: records live in a
 * `RecordSource`, the `Normalizer` writes responses, the `CoalescingLoader` fetches what reads are
 * missing, `TtlPolicy` decides staleness, `StoreSubscriptions` notifies bindings.
 *
 * Decisions (see README):
 * - `getCached`/`isCached`/`allCached`/`filter*` see fresh records only; `peek` also returns stale ones.
 * - `invalidate*` marks records stale (kept, identity kept, refetched by the next read);
 *   `evict`/`clear` forget them.
 * - Every write (response, `ingest`, `invalidate`, ...) is one batch and one notification, and a
 *   write that changes nothing notifies nobody.
 */
import { CoalescingLoader } from '../batch/coalescingLoader';
import { FetchPlanner } from '../batch/fetchPlanner';
import type { FindPage } from '../batch/findOp';
import { RequestExecutor } from '../batch/requestExecutor';
import { DEFAULT_QUERY_BATCH, DEFAULT_TTL, FIND_LIMIT } from '../constants';
import { StashNotFoundError, StashValidationError } from '../errors';
import { TypeTable, type TypeInfo } from '../model/typeTable';
import { Normalizer, type WriteContext } from '../normalize/normalizer';
import { FindIterator } from '../pagination/findIterator';
import { FieldTreeBuilder, mergeTree, cloneTree, type FieldTree } from '../query/fieldTree';
import { SelectionBuilder } from '../query/selectionBuilder';
import { MapRecordSource, type RecordSource } from '../records/recordSource';
import {
  LINKS,
  RecordState,
  type EntitySnapshot,
  type Links,
  type StoreRecord,
} from '../records/storeRecord';
import { snapshotPrototype } from '../records/snapshotPrototypes';
import { FindRequests } from './findRequests';
import type { Draft, DraftData, SaveResult } from '../drafts/draftTypes';
import type { EntityDraft } from '../drafts/entityDraft';
import type { DraftableType } from '../drafts/writableFields';
import type { ListListener } from '../mutations/listEpochs';
import { StoreWrites, type GetOrCreateOptions } from '../mutations/storeWrites';
import { evictAll, evictRecord, markDeleted, markInvalidated, rekeyRecord } from './recordWrites';
import type { SchemaModel } from '../schema/modelTypes';
import type { EntityTypeName } from '../schema/generated/types';
import { getSchemaModel } from '../schema/schemaModel';
import { systemClock, type Clock } from '../shared/clock';
import { isDevelopment } from '../shared/devMode';
import { fieldKey, parseFieldKey, type FieldArgs } from '../shared/keys';
import type { StashClient } from '../transport/stashClient';
import { ChangeCollector } from '../tracking/changeBatch';
import { treePresent } from '../tracking/fieldPresence';
import {
  StoreSubscriptions,
  type BatchListener,
  type RecordListener,
  type TypeListener,
  type Unsubscribe,
} from '../tracking/storeSubscriptions';
import {
  filterAndPopulateWithStats,
  filterStrict,
  populatedFilterIter,
  requireSize,
  type CacheQueryHost,
  type PopulateStats,
} from './cacheQueries';
import type {
  CacheStats,
  EntityOf,
  EntityTypeArg,
  FiltersOf,
  FindCallOptions,
  FindIterOptions,
  ReadOptions,
} from './storeTypes';
import { TtlPolicy, type TtlSeconds } from './ttlPolicy';

export interface StashEntityStoreOptions {
  /** Runtime schema model (default: the generated Stash model). */
  model?: SchemaModel;
  /** Default TTL in seconds; `null` = never stale. Default `DEFAULT_TTL` (1800). */
  defaultTtl?: number | null;
  /** Clock in ms for TTL (inject a fake one in tests). */
  now?: Clock;
  /** Where records live (default: an in-memory `MapRecordSource`). */
  source?: RecordSource;
  /** Freeze snapshots (default: on unless `NODE_ENV === 'production'`). */
  freeze?: boolean;
}

export class StashEntityStore implements CacheQueryHost {
  readonly client: StashClient;
  readonly model: SchemaModel;
  readonly #table: TypeTable;
  readonly #source: RecordSource;
  readonly #ttl: TtlPolicy;
  readonly #normalizer: Normalizer;
  readonly #trees: FieldTreeBuilder;
  readonly #selections: SelectionBuilder;
  readonly #executor: RequestExecutor;
  readonly #loader: CoalescingLoader;
  readonly #finds: FindRequests;
  readonly #writes: StoreWrites;
  readonly #subscriptions = new StoreSubscriptions();
  readonly #changes = new ChangeCollector();
  readonly #specTrees = new Map<string, FieldTree>();
  #writeDepth = 0;
  #requests = 0;

  constructor(client: StashClient, options: StashEntityStoreOptions = {}) {
    this.client = client;
    this.model = options.model ?? getSchemaModel();
    this.#table = new TypeTable(this.model);
    this.#source = options.source ?? new MapRecordSource();
    this.#ttl = new TtlPolicy(
      options.now ?? systemClock,
      options.defaultTtl === undefined ? DEFAULT_TTL : options.defaultTtl,
    );
    this.#normalizer = new Normalizer(this.#table, this.#source, options.freeze ?? isDevelopment);
    this.#trees = new FieldTreeBuilder(this.#table);
    this.#selections = new SelectionBuilder(this.#table);
    this.#executor = new RequestExecutor(client, (fn) => this.#write(fn));
    this.#executor.onRequest = () => void this.#requests++;
    this.#loader = new CoalescingLoader({
      executor: this.#executor,
      normalizer: this.#normalizer,
      source: this.#source,
      selections: this.#selections,
      isStale: (r) => this.#ttl.isStale(r),
      snapshot: (t, id) => this.peek(t as EntityTypeArg, id),
    });
    this.#finds = new FindRequests(this.model, this.#trees, this.#selections, this.#normalizer, this.#loader);
    this.#writes = new StoreWrites({
      client,
      model: this.model,
      table: this.#table,
      source: this.#source,
      normalizer: this.#normalizer,
      trees: this.#trees,
      selections: this.#selections,
      write: (fn) => this.#write(fn),
      subscribe: (listener) => this.#subscriptions.subscribeAll(listener),
      findOne: (t, filters) => this.findOne(t as EntityTypeName, filters as never),
      counted: () => void this.#requests++,
    });
  }

  /** HTTP requests this store has sent (diagnostics). */
  get requestCount(): number {
    return this.#requests;
  }

  // ---- cache reads (no network) ----

  /** The fresh cached snapshot, or `null` (absent, stale or deleted). No network. */
  getCached<T extends EntityTypeArg>(typename: T, id: string): EntityOf<T> | null {
    const types = this.#concrete(typename);
    if (types.length === 1) {
      // Hot path (bindings call it on every render): two map lookups and a clock read.
      const record = this.#source.get(types[0].name, checkId(id));
      return record !== undefined && !this.#ttl.isStale(record) ? (record.snap as EntityOf<T>) : null;
    }
    for (const type of types) {
      const record = this.#source.get(type.name, checkId(id));
      if (record !== undefined && !this.#ttl.isStale(record)) return record.snap as EntityOf<T>;
    }
    return null;
  }

  /** The current snapshot even when stale (for bindings that refetch in the background); `null` if absent or deleted. */
  peek<T extends EntityTypeArg>(typename: T, id: string): EntityOf<T> | null {
    for (const type of this.#concrete(typename)) {
      const record = this.#source.get(type.name, checkId(id));
      if (record !== undefined && record.state !== RecordState.Deleted) return record.snap as EntityOf<T>;
    }
    return null;
  }

  isCached(typename: EntityTypeArg, id: string): boolean {
    return this.getCached(typename, id) !== null;
  }

  /** Reads a field by name and arguments: `store.field(studio, 'scene_count', { depth: -1 })`. */
  field(entity: EntitySnapshot, name: string, args?: FieldArgs): unknown {
    const record = this.#recordOf(entity);
    const current = record?.snap ?? entity;
    const fk = fieldKey(name, args);
    const info = this.#table.entity(entity.__typename).fields.get(name);
    if (info === undefined)
      throw new StashValidationError(`StashEntityStore: ${entity.__typename} has no field "${name}"`);
    if (info.link) {
      const links = (current as unknown as { [LINKS]?: Links })[LINKS];
      const probe = Object.create(snapshotPrototype(this.#table.entity(entity.__typename))) as Record<
        string | symbol,
        unknown
      >;
      probe[LINKS] = { [name]: links?.[fk.key] };
      return probe[name];
    }
    return (current as unknown as Record<string, unknown>)[fk.key];
  }

  /** Field keys the entity has received in full (`title`, `scene_count(depth:-1)`). */
  receivedFields(entity: EntitySnapshot): ReadonlySet<string> {
    return this.#recordOf(entity)?.shape.keys ?? new Set();
  }

  allCached<T extends EntityTypeArg>(typename: T): EntityOf<T>[] {
    return this.filter(typename, () => true);
  }

  /** Fresh cached entities of one type matching `predicate` (O(k) over that type). No network. */
  filter<T extends EntityTypeArg>(typename: T, predicate: (entity: EntityOf<T>) => boolean): EntityOf<T>[] {
    const out: EntityOf<T>[] = [];
    const now = this.#ttl.now();
    for (const type of this.#concrete(typename)) {
      for (const record of this.#source.values(type.name)) {
        const snap = record.snap as EntityOf<T>;
        if (!this.#ttl.isStale(record, now) && predicate(snap)) out.push(snap);
      }
    }
    return out;
  }

  /** Like `filter`, but throws `MissingFieldsError` if a cached entity lacks a required field. */
  filterStrict<T extends EntityTypeArg>(
    typename: T,
    required: Iterable<string>,
    predicate: (entity: EntityOf<T>) => boolean,
  ): EntityOf<T>[] {
    return filterStrict(this, typename, required, predicate);
  }

  // ---- field checks ----

  hasFields(entity: EntitySnapshot, ...fields: string[]): boolean {
    return this.missingFieldsNested(entity, ...fields).size === 0;
  }

  /** Which of `fields` the entity has not received (nested specs allowed, as in `missingFieldsNested`). */
  missingFields(entity: EntitySnapshot, ...fields: string[]): Set<string> {
    return this.missingFieldsNested(entity, ...fields);
  }

  /** Which specs (`'files.path'`, `'studio__parent_studio__name'`) are not fully received. */
  missingFieldsNested(entity: EntitySnapshot, ...specs: string[]): Set<string> {
    const type = this.#entityTypeOf(entity);
    const record = this.#source.get(type.name, entity.id);
    const missing = new Set<string>();
    for (const spec of specs) {
      const tree = this.#specTree(type.name, spec);
      if (record === undefined || !treePresent(record, tree)) missing.add(spec);
    }
    return missing;
  }

  // ---- fetching reads ----

  /** The entity with `fields` (default: cached as is, or the type's default set); `null` if not found. */
  get<T extends EntityTypeName>(typename: T, id: string, options?: ReadOptions): Promise<EntityOf<T> | null> {
    try {
      const type = this.#table.entity(typename);
      checkId(id);
      const record = this.#source.get(type.name, id);
      let tree: FieldTree;
      if (options?.fields !== undefined) tree = this.#trees.parse(type.name, options.fields);
      else if (record !== undefined && !this.#ttl.isStale(record) && options?.forceRefetch !== true) {
        return Promise.resolve(record.snap as EntityOf<T>);
      } else tree = this.#refreshTree(type, record);
      return this.#read(
        type,
        id,
        record,
        tree,
        options?.forceRefetch === true,
        options?.signal,
      ) as Promise<EntityOf<T> | null>;
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** Entities by id in input order (duplicates once, not-found ones left out); one request for all misses. */
  async getMany<T extends EntityTypeName>(
    typename: T,
    ids: readonly string[],
    options?: ReadOptions,
  ): Promise<EntityOf<T>[]> {
    if (!Array.isArray(ids))
      throw new StashValidationError('StashEntityStore: getMany needs an array of ids');
    const unique = [...new Set(ids.map(checkId))];
    const found = await Promise.all(unique.map((id) => this.get(typename, id, options)));
    return found.filter((e) => e !== null) as EntityOf<T>[];
  }

  /**
   * Fetches the missing `fields` of `entity` (nested specs allowed) and returns its current
   * snapshot. Without `fields`, the type's default set. Throws `StashNotFoundError` when the
   * server no longer has the entity.
   */
  async populate<T extends EntitySnapshot>(
    entity: T,
    fields?: Iterable<string>,
    options?: { forceRefetch?: boolean },
  ): Promise<T> {
    const type = this.#entityTypeOf(entity);
    const tree =
      fields === undefined
        ? cloneTree(this.#trees.defaults(type.name))
        : this.#trees.parse(type.name, fields);
    const record = this.#source.get(type.name, entity.id);
    const result = await this.#read(type, entity.id, record, tree, options?.forceRefetch === true);
    if (result === null)
      throw new StashNotFoundError(`StashEntityStore: ${type.name} ${entity.id} no longer exists`);
    return result as unknown as T;
  }

  /** Up to `FIND_LIMIT` matches in one request; throws `FindLimitError` above it. */
  async find<T extends EntityTypeName>(
    typename: T,
    filters?: FiltersOf<T>,
    options?: FindCallOptions,
  ): Promise<EntityOf<T>[]> {
    const type = this.#table.entity(typename);
    const page = await this.#finds.page(
      type,
      this.#finds.prepare(type, filters, options, 1, FIND_LIMIT),
      FIND_LIMIT,
      options?.signal,
    );
    return page.items as EntityOf<T>[];
  }

  /** The first match (server order, or `sort`), or `null`. */
  async findOne<T extends EntityTypeName>(
    typename: T,
    filters?: FiltersOf<T>,
    options?: FindCallOptions,
  ): Promise<EntityOf<T> | null> {
    const type = this.#table.entity(typename);
    const request = this.#finds.prepare(type, filters, options, 1, 1);
    const page = await this.#finds.page(type, request, undefined, options?.signal);
    return (page.items[0] as EntityOf<T> | undefined) ?? null;
  }

  /** Lazy pages of `batch` (default 40); `progress` reports `{ loaded, total }`. */
  findIter<T extends EntityTypeName>(
    typename: T,
    filters?: FiltersOf<T>,
    options?: FindIterOptions,
  ): FindIterator<EntityOf<T>> {
    const batch = requireSize(options?.batch, DEFAULT_QUERY_BATCH, 'batch');
    const type = this.#table.entity(typename);
    // Validated now, not at the first iteration; each page only changes `page`.
    this.#finds.prepare(type, filters, options, 1, batch);
    return new FindIterator<EntityOf<T>>(batch, (page) => {
      const request = this.#finds.prepare(type, filters, options, page, batch);
      return this.#finds.page(type, request, undefined, options?.signal) as Promise<FindPage<EntityOf<T>>>;
    });
  }

  // ---- cache-only with population ----

  async filterAndPopulate<T extends EntityTypeArg>(
    typename: T,
    required: Iterable<string>,
    predicate: (entity: EntityOf<T>) => boolean,
    options?: { batchSize?: number },
  ): Promise<EntityOf<T>[]> {
    return (await this.filterAndPopulateWithStats(typename, required, predicate, options)).results;
  }

  filterAndPopulateWithStats<T extends EntityTypeArg>(
    typename: T,
    required: Iterable<string>,
    predicate: (entity: EntityOf<T>) => boolean,
    options?: { batchSize?: number },
  ): Promise<{ results: EntityOf<T>[]; stats: PopulateStats }> {
    try {
      const size = requireSize(options?.batchSize, 50, 'batchSize');
      return filterAndPopulateWithStats(this, typename, required, predicate, size, () => this.#requests);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  populatedFilterIter<T extends EntityTypeArg>(
    typename: T,
    required: Iterable<string>,
    predicate: (entity: EntityOf<T>) => boolean,
    options?: { populateBatch?: number; yieldBatch?: number },
  ): AsyncGenerator<EntityOf<T>, void, undefined> {
    const populateBatch = requireSize(options?.populateBatch, 50, 'populateBatch');
    const yieldBatch = requireSize(options?.yieldBatch, 10, 'yieldBatch');
    return populatedFilterIter(this, typename, required, predicate, populateBatch, yieldBatch);
  }

  /** @internal CacheQueryHost: fetches `specs` for a chunk in one coalesced request. */
  async populateChunk(entities: readonly EntitySnapshot[], specs: readonly string[]): Promise<void> {
    await Promise.all(
      entities.map((entity) => {
        const type = this.#entityTypeOf(entity);
        const tree = this.#trees.parse(type.name, specs);
        return this.#read(type, entity.id, this.#source.get(type.name, entity.id), tree, false);
      }),
    );
  }

  /** @internal CacheQueryHost */
  current(entity: EntitySnapshot): EntitySnapshot | null {
    return this.peek(entity.__typename as EntityTypeArg, entity.id);
  }

  // ---- cache control ----

  /** Marks one record stale: still readable through links and `peek`, refetched by the next read. */
  invalidate(entity: EntitySnapshot): void;
  invalidate(typename: string, id: string): void;
  invalidate(typeOrEntity: string | EntitySnapshot, id?: string): void {
    const [typename, entityId] = this.#target(typeOrEntity, id);
    this.#write((ctx) => {
      for (const type of this.#concrete(typename)) {
        const record = this.#source.get(type.name, entityId);
        if (record !== undefined) markInvalidated(record, ctx);
      }
    });
  }

  invalidateType(typename: string): void {
    const types = this.#concrete(typename);
    this.#write((ctx) => {
      for (const type of types)
        for (const record of this.#source.values(type.name)) markInvalidated(record, ctx);
    });
  }

  invalidateAll(): void {
    this.#write((ctx) => {
      for (const typename of [...this.#source.typenames()]) {
        for (const record of this.#source.values(typename)) markInvalidated(record, ctx);
      }
    });
  }

  /** Forgets one record (a later fetch creates a new snapshot identity). */
  evict(entity: EntitySnapshot): void;
  evict(typename: string, id: string): void;
  evict(typeOrEntity: string | EntitySnapshot, id?: string): void {
    const [typename, entityId] = this.#target(typeOrEntity, id);
    this.#write((ctx) => {
      for (const type of this.#concrete(typename)) {
        const record = this.#source.get(type.name, entityId);
        if (record !== undefined) evictRecord(this.#source, record, ctx);
      }
    });
  }

  /** Forgets every record. */
  clear(): void {
    this.#write((ctx) => evictAll(this.#source, ctx));
  }

  /** TTL of one type in seconds: `null` = never stale, `undefined` = back to the store default. */
  setTtl(typename: string, seconds: TtlSeconds): void {
    for (const type of this.#concrete(typename)) this.#ttl.setType(type, seconds);
  }

  resetTtl(typename: string): void {
    this.setTtl(typename, undefined);
  }

  cacheStats(): CacheStats {
    const byType: Record<string, number> = {};
    let total = 0;
    let expired = 0;
    const now = this.#ttl.now();
    for (const typename of this.#source.typenames()) {
      let count = 0;
      for (const record of this.#source.values(typename)) {
        if (record.state === RecordState.Deleted) continue;
        count++;
        if (this.#ttl.isStale(record, now)) expired++;
      }
      if (count > 0) byType[typename] = count;
      total += count;
    }
    return { totalEntries: total, byType, expired };
  }

  // ---- writes and subscriptions ----

  /** Normalizes plain result objects (hydration, fixtures, Storybook) as if the server sent them. */
  ingest<T extends EntityTypeArg>(typename: T, data: Record<string, unknown>): EntityOf<T>;
  ingest<T extends EntityTypeArg>(typename: T, data: readonly Record<string, unknown>[]): EntityOf<T>[];
  ingest(typename: string, data: Record<string, unknown> | readonly Record<string, unknown>[]): unknown {
    if (this.#table.abstract(typename) === undefined) this.#table.entity(typename);
    return this.#write((ctx) => {
      if (Array.isArray(data)) {
        const records = data.map((d) => this.#normalizer.entity(ctx, d, typename, undefined));
        return records.map((r) => r.snap);
      }
      return this.#normalizer.entity(ctx, data, typename, undefined).snap;
    });
  }

  /** Groups writes (ingest, invalidate, ...) so subscribers get one notification. */
  batch<T>(fn: () => T): T {
    return this.#write(() => fn());
  }

  /** Tombstones a record (after a successful delete): reads see `null`, links keep the last snapshot. */
  markDeleted(typename: string, id: string): void {
    this.#write((ctx) => {
      const record = this.#source.get(this.#table.entity(typename).name, checkId(id));
      if (record !== undefined) markDeleted(record, ctx);
    });
  }

  /** Moves a record to a new id (temporary id → server id); links to it follow automatically. */
  rekey(typename: string, fromId: string, toId: string): void {
    const type = this.#table.entity(typename);
    this.#write((ctx) => rekeyRecord(this.#source, type, checkId(fromId), checkId(toId), ctx));
  }

  // ---- drafts and mutations (mutations/storeWrites.ts) ----

  /** A draft of `entity` tracking edits against its current snapshot (the tracked one if it has edits). */
  edit<E extends { readonly __typename: EntityTypeName; readonly id: string }>(
    entity: E,
  ): Draft<E['__typename']> {
    return this.#writes.edit(entity as unknown as EntitySnapshot) as Draft<E['__typename']>;
  }

  /** A new draft with a temporary id (`tmp:<n>`), created on the server by `save`/`saveAll`. */
  create<T extends DraftableType>(typename: T, data?: DraftData<T>): Draft<T> {
    return this.#writes.create(typename, data as Record<string, unknown>) as unknown as Draft<T>;
  }

  /** Tracks a draft; a new one is also cached as a pending record under its temporary id. */
  add<D extends EntityDraft>(draft: D): D {
    return this.#writes.add(draft) as D;
  }

  /** Forgets a draft and its pending record. */
  discard(draft: EntityDraft): void {
    this.#writes.discard(draft);
  }

  /** Creates or updates the draft (new drafts it references first); resolves with the saved snapshot. */
  save<D extends EntityDraft & { readonly __typename: EntityTypeName }>(
    draft: D,
  ): Promise<EntityOf<D['__typename']>> {
    return this.#writes.save(draft) as Promise<EntityOf<D['__typename']>>;
  }

  /** Saves drafts with aliased mutations (creates first, one request per dependency level); a result per draft. */
  saveBatch(drafts: readonly EntityDraft[]): Promise<SaveResult[]> {
    return this.#writes.saveBatch(drafts) as Promise<SaveResult[]>;
  }

  /** Saves every dirty draft this store tracks. */
  saveAll(): Promise<SaveResult[]> {
    return this.#writes.saveAll() as Promise<SaveResult[]>;
  }

  /** Destroys an entity (`extra`: `delete_file`, `delete_generated`...) and tombstones it. */
  delete(entity: EntitySnapshot | EntityDraft, extra?: Record<string, unknown>): Promise<void> {
    return this.#writes.delete(entity, extra);
  }

  /** The first match of `search`, else a new entity created from it; `createIfMissing: false` throws `StashNotFoundError`. */
  getOrCreate<T extends DraftableType>(
    typename: T,
    search: DraftData<T>,
    options?: GetOrCreateOptions & { values?: DraftData<T> },
  ): Promise<EntityOf<T>> {
    return this.#writes.getOrCreate(
      typename,
      search as Record<string, unknown>,
      options as GetOrCreateOptions,
    ) as Promise<EntityOf<T>>;
  }

  /** True after a delete (a tombstone), as opposed to never loaded. */
  isDeleted(typename: EntityTypeArg, id: string): boolean {
    return this.#writes.isDeleted(typename, checkId(id));
  }

  /** Dirty drafts this store tracks (what `saveAll` would save). */
  drafts(): EntityDraft[] {
    return this.#writes.registry.dirty();
  }

  /** Bumped when a mutation made `typename`'s list results (`find`, `findIter`, counts) stale. */
  listEpoch(typename: string): number {
    return this.#writes.listEpoch(typename);
  }

  /** Called with the typenames whose list results went stale, after each mutation. */
  subscribeLists(listener: ListListener): Unsubscribe {
    return this.#writes.subscribeLists(listener);
  }

  /** Every write batch. */
  subscribe(listener: BatchListener): Unsubscribe;
  /** Batches that touch records of `typename`: the listener gets that type's changes. */
  subscribe(typename: string, listener: TypeListener): Unsubscribe;
  /** Batches that touch one record: the listener gets its change (kind and changed fields). */
  subscribe(typename: string, id: string, listener: RecordListener): Unsubscribe;
  subscribe(a: string | BatchListener, b?: string | TypeListener, c?: RecordListener): Unsubscribe {
    if (typeof a === 'function') return this.#subscriptions.subscribeAll(a);
    if (typeof b === 'function') {
      const types = this.#concrete(a);
      const offs = types.map((t) => this.#subscriptions.subscribeType(t.name, b));
      return () => offs.forEach((off) => off());
    }
    if (typeof b === 'string' && typeof c === 'function') {
      return this.#subscriptions.subscribeRecord(this.#table.entity(a).name, checkId(b), c);
    }
    throw new StashValidationError(
      'StashEntityStore: subscribe(listener), subscribe(type, listener) or subscribe(type, id, listener)',
    );
  }

  // ---- internals ----

  #write<T>(fn: (ctx: WriteContext) => T): T {
    this.#writeDepth++;
    try {
      return fn({ changes: this.#changes, now: this.#ttl.now() });
    } finally {
      if (--this.#writeDepth === 0 && this.#changes.size > 0) {
        const batch = this.#changes.finish();
        this.#source.commit?.(batch);
        this.#subscriptions.emit(batch);
      }
    }
  }

  #read(
    type: TypeInfo,
    id: string,
    record: StoreRecord | undefined,
    tree: FieldTree,
    force: boolean,
    signal?: AbortSignal,
  ): Promise<EntitySnapshot | null> {
    if (!force && record !== undefined) {
      // Everything cached and fresh: answer now, without waiting for the tick.
      const deps = new FetchPlanner((r) => this.#ttl.isStale(r)).add({ type, id, record, tree, force });
      if (deps.size === 0) return Promise.resolve(record.state === RecordState.Deleted ? null : record.snap);
    }
    return this.#loader.load({ type, id, tree, force }, signal);
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

  #concrete(typename: string): readonly TypeInfo[] {
    if (typeof typename !== 'string')
      throw new StashValidationError('StashEntityStore: typename must be a string');
    return this.#table.concrete(typename);
  }

  #entityTypeOf(entity: EntitySnapshot): TypeInfo {
    if (
      entity === null ||
      typeof entity !== 'object' ||
      typeof entity.__typename !== 'string' ||
      typeof entity.id !== 'string'
    ) {
      throw new StashValidationError('StashEntityStore: expected an entity snapshot with __typename and id');
    }
    return this.#table.entity(entity.__typename);
  }

  #recordOf(entity: EntitySnapshot): StoreRecord | undefined {
    const type = this.#entityTypeOf(entity);
    return this.#source.get(type.name, entity.id);
  }

  #target(typeOrEntity: string | EntitySnapshot, id: string | undefined): [string, string] {
    if (typeof typeOrEntity === 'string') return [typeOrEntity, checkId(id)];
    const type = this.#entityTypeOf(typeOrEntity);
    return [type.name, typeOrEntity.id];
  }
}

function checkId(id: unknown): string {
  if (typeof id !== 'string' || id === '') {
    throw new StashValidationError(
      `StashEntityStore: id must be a non-empty string, got ${JSON.stringify(id)}`,
    );
  }
  return id;
}
