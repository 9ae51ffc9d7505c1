/**
 * `StashStoreBase`: the facade (`StashEntityStore` is it with writes and live installed). It checks nothing and computes nothing itself: it wires the
 * parts together once and delegates every public method:
 * - `EntityReads`: cache reads (`getCached`, `peek`, `filter`...) and fetching reads (`get`,
 *   `getMany`, `populate`) through the `CoalescingLoader`;
 * - `FindRequests`: `find`, `findOne`, `findIter`;
 * - `CacheQueries`: `filterStrict` and the populate-then-filter family;
 * - `CacheControl`: `invalidate*` (stale: kept, identity kept, refetched by the next read),
 *   `evict`/`clear` (forgotten), TTLs, `cacheStats`, the record seams `markDeleted`/`rekey`;
 * - `WriteBatcher`: every write (response, `ingest`, `invalidate`, `batch`) is one batch and one
 *   notification, and a write that changes nothing notifies nobody; `subscribe`;
 * - `StoreWrites`: drafts, saves and deletes (see `mutations/README.md`), behind `StoreFeatures`:
 *   installed by `StashEntityStore`, left out by `@stashkit/core/read` so a read-only bundle drops them;
 *   list epochs, commit notices, tombstones and `invalidateRule` stay here (reads and live use them).
 * The one check it makes is of option bags (`callOptionSpecs.ts`), before any part queues anything.
 */
import { CoalescingLoader } from '../batch/coalescingLoader';
import { RequestExecutor, type WriteBatch } from '../batch/requestExecutor';
import { DEFAULT_TTL } from '../constants';
import { StashValidationError } from '../errors';
import type { Draft, DraftData, SaveResult } from '../drafts/draftTypes';
import type { EntityDraft } from '../drafts/entityDraft';
import type { DraftableType } from '../drafts/writableFields';
import { TypeTable } from '../model/typeTable';
import { applyRule } from '../mutations/cacheEffects';
import type { InvalidationRule } from '../mutations/invalidationRules';
import { ListEpochs, type ListListener } from '../mutations/listEpochs';
import { StoreCommits, type CommitListener } from '../mutations/storeCommits';
import type { GetOrCreateOptions } from '../mutations/storeWrites';
import type { WriteHost } from '../mutations/writeHost';
import { Normalizer } from '../normalize/normalizer';
import type { FindIterator } from '../pagination/findIterator';
import { FieldTreeBuilder, type FieldTree } from '../query/fieldTree';
import type { DepMap } from '../read/readSelection';
import { SelectionBuilder } from '../query/selectionBuilder';
import { MapRecordSource } from '../records/recordSource';
import { RecordState, type EntitySnapshot } from '../records/storeRecord';
import type { EntityTypeName, StashTypes } from '../schema/generated/types';
import type { SchemaTypes, TypedSchemaModel } from '../schema/defineSchemaModel';
import { getSchemaModel } from '../schema/schemaModel';
import { safeCall } from '../shared/safeCall';
import { resolveTimers, type StashTimers } from '../shared/timers';
import { RequestPipeline } from '../batch/requestPipeline';
import { RetryPolicy } from '../batch/retryPolicy';
import { isDevelopment } from '../shared/devMode';
import { recordKey, type FieldArgs } from '../shared/keys';
import type {
  BatchListener,
  RecordListener,
  TypeListener,
  Unsubscribe,
} from '../tracking/storeSubscriptions';
import { checkApiKey, clientApiKey, type StashClient } from '../transport/transportClient';
import type { LiveConnection, LiveOptions } from '../live/liveConnection';
import { CacheControl } from './cacheControl';
import { CacheQueries, type PopulateStats } from './cacheQueries';
import { EntityReads, type EntityRead } from './entityReads';
import { FindPages } from './findPages';
import { FindRequests } from './findRequests';
import { KnownCounts } from './knownCounts';
import { checkId, concreteTypes, targetOf } from './storeInput';
import * as specs from './callOptionSpecs';
import { checkOptions, fieldsOption, type OptionSpec } from '../validate/callOptions';
import { isPlainObject } from '../validate/plainObject';
import { show } from '../validate/showValue';
import type { CheckedSpecs, Selected } from './selected';
import type {
  CacheStats,
  EntityOf,
  EntityOfSnapshot,
  FieldSpecs,
  EntityTypeArg,
  EntityTypeNameOf,
  FiltersOf,
  FindCallOptions,
  FindIterOptions,
  FindPageOptions,
  FindPageResult,
  PopulateOptions,
  ReadOptions,
  StashEntityStoreOptions,
  WriteOptions,
} from './storeTypes';
import { TtlPolicy, type TtlSeconds } from './ttlPolicy';
import { WriteBatcher } from './writeBatcher';
import type { StoreFeatures, StoreWritesApi } from './storeFeatures';

export type { StashEntityStoreOptions } from './storeTypes';

/** A typed predicate seen by the untyped parts. */
type Predicate = (entity: EntitySnapshot) => boolean;

/**
 * The store, typed by the schema types `S`: the bundled model's `StashTypes` by default, a generated
 * model's with `createStashStore({ model })` (`npx @stashkit/codegen`). Without `features.writes`
 * (`@stashkit/core/read`) every draft and mutation method fails with a `StashValidationError` saying
 * what to import; without `features.live`, `connectLive()` does.
 */
export class StashStoreBase<S extends SchemaTypes = StashTypes> {
  readonly client: StashClient;
  readonly model: TypedSchemaModel<S>;
  readonly #table: TypeTable;
  readonly #batcher: WriteBatcher;
  readonly #reads: EntityReads;
  readonly #finds: FindRequests;
  readonly #pages: FindPages;
  readonly #queries: CacheQueries;
  readonly #control: CacheControl;
  readonly #writes: StoreWritesApi | undefined;
  readonly #features: StoreFeatures;
  readonly #host: WriteHost;
  readonly #lists = new ListEpochs();
  // What `invalidate*` named, told even when nothing cached changed (a failed observer asks again).
  readonly #invalidations = new ListEpochs();
  readonly #commits = new StoreCommits();
  readonly #pipeline: RequestPipeline;
  /** The store's clock, tick and delays (`timers` option). */
  readonly timers: StashTimers;
  readonly #live = new Set<LiveConnection>();
  #disposed = false;
  readonly #disposers = new Set<() => void>();

  constructor(client: StashClient, options: StashEntityStoreOptions<S> = {}, features: StoreFeatures = {}) {
    checkOptions(options, specs.STORE_OPTIONS, 'StashEntityStore');
    this.#features = features;
    this.client = client;
    this.model = options.model ?? getSchemaModel();
    const table = (this.#table = TypeTable.of(this.model));
    const source = options.source ?? new MapRecordSource();
    const timers = (this.timers = resolveTimers(options.timers, options.now));
    const ttl = new TtlPolicy(
      timers.now,
      options.defaultTtl === undefined ? DEFAULT_TTL : options.defaultTtl,
      table.size,
    );
    const normalizer = new Normalizer(table, source, options.freeze ?? isDevelopment);
    const trees = new FieldTreeBuilder(table);
    const selections = new SelectionBuilder(table);
    const batcher = (this.#batcher = new WriteBatcher(source, table, () => ttl.now()));
    const write: WriteBatch = (fn, seq) => batcher.write(fn, seq);
    const pipeline = (this.#pipeline = new RequestPipeline(
      client,
      batcher.sequence,
      timers,
      new RetryPolicy(options.retry),
    ));
    const executor = new RequestExecutor(pipeline, write);
    const loader = new CoalescingLoader({
      executor,
      normalizer,
      source,
      selections,
      fresh: ttl,
      snapshot: (t, id) => this.#reads.peek(t, id),
      tick: timers.tick,
      sequence: batcher.sequence,
    });
    this.#reads = new EntityReads({ table, source, ttl, trees, loader });
    const listEpoch = (typename: string) => this.#lists.epoch(typename);
    const counts = new KnownCounts(ttl, listEpoch);
    this.#finds = new FindRequests(
      this.model,
      table,
      trees,
      selections,
      normalizer,
      loader,
      counts,
      listEpoch,
    );
    this.#pages = new FindPages(table, this.#finds, this.#reads, trees, ttl, listEpoch);
    this.#queries = new CacheQueries(this.#reads, () => this.#pipeline.requests);
    this.#control = new CacheControl(source, table, ttl, normalizer, write);
    this.#host = {
      pipeline,
      model: this.model,
      table,
      source,
      normalizer,
      trees,
      selections,
      write,
      subscribe: (listener) => batcher.subscribeAll(listener),
      findOne: (t, filters) => this.#finds.findOne(t, filters),
      lists: this.#lists,
      commits: this.#commits,
    };
    this.#writes = features.writes?.(this.#host);
  }

  /** The installed writes, or the read-only store's error naming what to import. */
  #need(call: string): StoreWritesApi {
    if (this.#writes !== undefined) return this.#writes;
    throw new StashValidationError(
      `StashEntityStore.${call}: this store is read-only (created by @stashkit/core/read, which leaves drafts and mutations out); create it with createStashStore from '@stashkit/core' or '@stashkit/core/fetch' to edit and save`,
    );
  }

  /** A promise-returning write: bad options, then a read-only store, reject (never throw). */
  #written<T>(
    call: string,
    spec: OptionSpec,
    options: unknown,
    run: (writes: StoreWritesApi) => Promise<T>,
  ): Promise<T> {
    return checked(call, spec, options, () => {
      let writes: StoreWritesApi;
      try {
        writes = this.#need(call);
      } catch (error) {
        return Promise.reject(error);
      }
      return run(writes);
    });
  }

  /** What `JSON.stringify(store)` shows (devtools, logs): the endpoint without any key, not the model. */
  toJSON(): { url: string } {
    return { url: this.client.url };
  }

  // Cache queries: a predicate, and required specs parsed now (an empty cache would hide a typo).
  #checkQuery(typename: string, required: unknown, predicate: unknown, call: string): void {
    checkPredicate(predicate, call);
    const problem = fieldsOption(required);
    if (problem !== undefined && typeof required !== 'string')
      throw new StashValidationError(
        `StashEntityStore.${call}: required must be ${problem}, got ${show(required)}`,
      );
    this.#reads.checkSpecs(
      typename,
      typeof required === 'string' ? [required] : (required as Iterable<string>),
    );
  }

  /** HTTP requests this store has sent (diagnostics). */
  get requestCount(): number {
    return this.#pipeline.requests;
  }

  // ---- cache reads (no network) ----

  /** The fresh cached snapshot, or `null` (absent, stale or deleted). No network. */
  getCached<T extends EntityTypeArg<S>>(typename: T, id: string): EntityOf<T, S> | null {
    return this.#reads.getCached(typename, id) as EntityOf<T, S> | null;
  }

  /** The current snapshot even when stale (for bindings that refetch in the background); `null` if absent or deleted. */
  peek<T extends EntityTypeArg<S>>(typename: T, id: string): EntityOf<T, S> | null {
    return this.#reads.peek(typename, id) as EntityOf<T, S> | null;
  }

  isCached(typename: EntityTypeArg<S>, id: string): boolean {
    return this.#reads.getCached(typename, id) !== null;
  }

  /** Reads a field by name and arguments: `store.field(studio, 'scene_count', { depth: -1 })`. */
  field(entity: EntitySnapshot, name: string, args?: FieldArgs): unknown {
    if (args !== undefined && !isPlainObject(args))
      throw new StashValidationError(
        `StashEntityStore.field: args must be an object such as { depth: -1 }, got ${show(args)}`,
      );
    return this.#reads.field(entity, name, args);
  }

  /** Field keys the entity has received in full (`title`, `scene_count(depth:-1)`). */
  receivedFields(entity: EntitySnapshot): ReadonlySet<string> {
    return this.#reads.receivedFields(entity);
  }

  allCached<T extends EntityTypeArg<S>>(typename: T): EntityOf<T, S>[] {
    return this.#reads.allCached(typename) as EntityOf<T, S>[];
  }

  /** Fresh cached entities of one type matching `predicate` (O(k) over that type). No network. */
  filter<T extends EntityTypeArg<S>>(
    typename: T,
    predicate: (entity: EntityOf<T, S>) => boolean,
  ): EntityOf<T, S>[] {
    checkPredicate(predicate, 'filter');
    return this.#reads.filter(typename, predicate as Predicate) as EntityOf<T, S>[];
  }

  /** Like `filter`, but throws `MissingFieldsError` if a cached entity lacks a required field. */
  filterStrict<T extends EntityTypeArg<S>>(
    typename: T,
    required: Iterable<string>,
    predicate: (entity: EntityOf<T, S>) => boolean,
  ): EntityOf<T, S>[] {
    this.#checkQuery(typename, required, predicate, 'filterStrict');
    return this.#queries.filterStrict(typename, required, predicate as Predicate) as EntityOf<T, S>[];
  }

  // ---- field checks ----

  /** Every spec received and fresh: what a read of them would not fetch. */
  hasFields(entity: EntitySnapshot, ...fields: string[]): boolean {
    return this.#reads.missingFieldsNested(entity, ...fields).size === 0;
  }

  /** Which of `fields` are not fresh (nested specs allowed, as in `missingFieldsNested`). */
  missingFields(entity: EntitySnapshot, ...fields: string[]): Set<string> {
    return this.#reads.missingFieldsNested(entity, ...fields);
  }

  /** Which specs (`'files.path'`, `'studio__parent_studio__name'`) are not fresh (not received, invalidated or past the TTL). */
  missingFieldsNested(entity: EntitySnapshot, ...specs: string[]): Set<string> {
    return this.#reads.missingFieldsNested(entity, ...specs);
  }

  /** Which specs were never received (stale values count as received): for bindings that show stale data while refetching. */
  missingReceived(entity: EntitySnapshot, ...specs: string[]): Set<string> {
    return this.#reads.missingReceived(entity, ...specs);
  }

  /**
   * For bindings (hooks): the selection `specs` of `typename:id` as plain data holding exactly the
   * selected fields, structurally shared with `previous` (a changed path gets new objects up to the
   * root, everything else keeps its identity); the records and fields it read are added to `deps`.
   * `null` when the entity is absent or deleted. Unlike `getCached`/`get` (live snapshots), the data
   * is a copy: it does not follow later writes.
   */
  readEntity(
    typename: string,
    id: string,
    specs: readonly string[] | undefined,
    options: { previous?: unknown; deps?: DepMap } = {},
  ): EntityRead | null {
    return this.#reads.readEntity(typename, id, specs, options.previous, options.deps);
  }

  /** Parses and checks `specs` on `typename` (cached); throws `StashValidationError` on a bad spec. */
  selectionTree(typename: string, specs: readonly string[] | undefined): FieldTree {
    return this.#reads.selectionTree(typename, specs);
  }

  // ---- fetching reads ----

  /** The entity with `fields` (default: cached as is, or the type's default set); `null` if not found. */
  get<T extends EntityTypeNameOf<S>, const F extends FieldSpecs = undefined>(
    typename: T,
    id: string,
    options?: ReadOptions<F & CheckedSpecs<EntityOf<T, S>, NoInfer<F>>>,
  ): Promise<Selected<EntityOf<T, S>, F> | null> {
    return checked(
      'get',
      specs.READ_OPTIONS,
      options,
      () => this.#reads.get(typename, id, options) as Promise<Selected<EntityOf<T, S>, F> | null>,
    );
  }

  /** Entities by id in input order (duplicates once, not-found ones left out); one request for all misses. */
  getMany<T extends EntityTypeNameOf<S>, const F extends FieldSpecs = undefined>(
    typename: T,
    ids: readonly string[],
    options?: ReadOptions<F & CheckedSpecs<EntityOf<T, S>, NoInfer<F>>>,
  ): Promise<Selected<EntityOf<T, S>, F>[]> {
    return checked(
      'getMany',
      specs.READ_OPTIONS,
      options,
      () => this.#reads.getMany(typename, ids, options) as Promise<Selected<EntityOf<T, S>, F>[]>,
    );
  }

  /**
   * Fetches the missing `fields` of `entity` (nested specs allowed) and returns its current
   * snapshot. Without `fields`, the type's default set. Throws `StashNotFoundError` when the
   * server no longer has the entity.
   */
  populate<E extends EntitySnapshot, const F extends FieldSpecs = undefined>(
    entity: E,
    fields?: F & CheckedSpecs<EntityOfSnapshot<E, S>, NoInfer<F>>,
    options?: PopulateOptions,
  ): Promise<E & Selected<EntityOfSnapshot<E, S>, F>> {
    return checked(
      'populate',
      specs.POPULATE_OPTIONS,
      options,
      () => this.#reads.populate(entity, fields, options) as Promise<E & Selected<EntityOfSnapshot<E, S>, F>>,
    );
  }

  /** Up to `FIND_LIMIT` matches in one request; throws `FindLimitError` above it. */
  find<T extends EntityTypeNameOf<S>, const F extends FieldSpecs = undefined>(
    typename: T,
    filters?: FiltersOf<T, S>,
    options?: FindCallOptions<F & CheckedSpecs<EntityOf<T, S>, NoInfer<F>>>,
  ): Promise<Selected<EntityOf<T, S>, F>[]> {
    return checked(
      'find',
      specs.FIND_OPTIONS,
      options,
      () => this.#finds.find(typename, filters, options) as Promise<Selected<EntityOf<T, S>, F>[]>,
    );
  }

  /** The first match (server order, or `sort`), or `null`. */
  findOne<T extends EntityTypeNameOf<S>, const F extends FieldSpecs = undefined>(
    typename: T,
    filters?: FiltersOf<T, S>,
    options?: FindCallOptions<F & CheckedSpecs<EntityOf<T, S>, NoInfer<F>>>,
  ): Promise<Selected<EntityOf<T, S>, F> | null> {
    return checked(
      'findOne',
      specs.FIND_OPTIONS,
      options,
      () => this.#finds.findOne(typename, filters, options) as Promise<Selected<EntityOf<T, S>, F> | null>,
    );
  }

  /** Lazy pages of `batch` (default 40); `progress` reports `{ loaded, total }`. */
  findIter<T extends EntityTypeNameOf<S>, const F extends FieldSpecs = undefined>(
    typename: T,
    filters?: FiltersOf<T, S>,
    options?: FindIterOptions<F & CheckedSpecs<EntityOf<T, S>, NoInfer<F>>>,
  ): FindIterator<Selected<EntityOf<T, S>, F>> {
    checkOptions(options, specs.FIND_ITER_OPTIONS, 'StashEntityStore.findIter');
    return this.#finds.findIter(typename, filters, options) as FindIterator<Selected<EntityOf<T, S>, F>>;
  }

  /**
   * One numbered page: `{ items, count, page, perPage, pages }` plus the type's aggregates
   * (`duration`/`filesize` for scenes, `megapixels`/`filesize` for images). One request, coalesced
   * with the tick's other reads; cached per (filters, sort, page) until the type's lists go stale.
   */
  findPage<T extends EntityTypeNameOf<S>, const F extends FieldSpecs = undefined>(
    typename: T,
    filters?: FiltersOf<T, S>,
    options?: FindPageOptions<F & CheckedSpecs<EntityOf<T, S>, NoInfer<F>>>,
  ): Promise<FindPageResult<T, Selected<EntityOf<T, S>, F>>> {
    return checked(
      'findPage',
      specs.FIND_PAGE_OPTIONS,
      options,
      () =>
        this.#pages.findPage(typename, filters, options) as unknown as Promise<
          FindPageResult<T, Selected<EntityOf<T, S>, F>>
        >,
    );
  }

  /** The page `findPage` would answer now without a request (cached and current), or `null`. */
  peekPage<T extends EntityTypeNameOf<S>, const F extends FieldSpecs = undefined>(
    typename: T,
    filters?: FiltersOf<T, S>,
    options?: Omit<FindPageOptions<F & CheckedSpecs<EntityOf<T, S>, NoInfer<F>>>, 'signal' | 'retry'>,
  ): FindPageResult<T, Selected<EntityOf<T, S>, F>> | null {
    return this.#pages.peek(typename, filters, options) as unknown as FindPageResult<
      T,
      Selected<EntityOf<T, S>, F>
    > | null;
  }

  // ---- cache-only with population ----

  async filterAndPopulate<T extends EntityTypeArg<S>>(
    typename: T,
    required: Iterable<string>,
    predicate: (entity: EntityOf<T, S>) => boolean,
    options?: { batchSize?: number },
  ): Promise<EntityOf<T, S>[]> {
    return (await this.filterAndPopulateWithStats(typename, required, predicate, options)).results;
  }

  filterAndPopulateWithStats<T extends EntityTypeArg<S>>(
    typename: T,
    required: Iterable<string>,
    predicate: (entity: EntityOf<T, S>) => boolean,
    options?: { batchSize?: number },
  ): Promise<{ results: EntityOf<T, S>[]; stats: PopulateStats }> {
    return checked('filterAndPopulate', specs.FILTER_POPULATE_OPTIONS, options, () => {
      try {
        this.#checkQuery(typename, required, predicate, 'filterAndPopulate');
      } catch (error) {
        return Promise.reject(error);
      }
      return this.#queries.filterAndPopulateWithStats(
        typename,
        required,
        predicate as Predicate,
        options,
      ) as Promise<{
        results: EntityOf<T, S>[];
        stats: PopulateStats;
      }>;
    });
  }

  populatedFilterIter<T extends EntityTypeArg<S>>(
    typename: T,
    required: Iterable<string>,
    predicate: (entity: EntityOf<T, S>) => boolean,
    options?: { populateBatch?: number; yieldBatch?: number },
  ): AsyncGenerator<EntityOf<T, S>, void, undefined> {
    checkOptions(options, specs.FILTER_ITER_OPTIONS, 'StashEntityStore.populatedFilterIter');
    this.#checkQuery(typename, required, predicate, 'populatedFilterIter');
    return this.#queries.populatedFilterIter(
      typename,
      required,
      predicate as Predicate,
      options,
    ) as AsyncGenerator<EntityOf<T, S>, void, undefined>;
  }

  /** @internal fetches `specs` for a chunk in one coalesced request. */
  populateChunk(entities: readonly EntitySnapshot[], specs: readonly string[]): Promise<void> {
    return this.#reads.populateChunk(entities, specs);
  }

  /** @internal */
  current(entity: EntitySnapshot): EntitySnapshot | null {
    return this.#reads.current(entity);
  }

  // ---- cache control ----

  /** Marks one record stale: still readable through links and `peek`, refetched by the next read. */
  invalidate(entity: EntitySnapshot): void;
  invalidate(typename: string, id: string): void;
  invalidate(typeOrEntity: string | EntitySnapshot, id?: string): void {
    const target = targetOf(this.#table, typeOrEntity, id);
    this.#control.invalidate(...target);
    this.#invalidations.bump([recordKey(...target)]);
  }

  invalidateType(typename: string): void {
    this.#control.invalidateType(typename);
    this.#invalidations.bump([typename]);
  }

  invalidateAll(): void {
    this.#control.invalidateAll();
    this.#invalidations.bump(['*']);
  }

  /** Forgets one record (a later fetch creates a new snapshot identity). */
  evict(entity: EntitySnapshot): void;
  evict(typename: string, id: string): void;
  evict(typeOrEntity: string | EntitySnapshot, id?: string): void {
    this.#control.evict(...targetOf(this.#table, typeOrEntity, id));
  }

  /** Forgets every record. */
  clear(): void {
    this.#control.clear();
  }

  /** TTL of one type in seconds: `null` = never stale, `undefined` = back to the store default. */
  setTtl(typename: string, seconds: TtlSeconds): void {
    this.#control.setTtl(typename, seconds);
  }

  resetTtl(typename: string): void {
    this.#control.setTtl(typename, undefined);
  }

  cacheStats(): CacheStats {
    return this.#control.cacheStats();
  }

  // ---- writes and subscriptions ----

  /** Normalizes plain result objects (hydration, fixtures, Storybook) as if the server sent them. */
  ingest<T extends EntityTypeArg<S>>(typename: T, data: Record<string, unknown>): EntityOf<T, S>;
  ingest<T extends EntityTypeArg<S>>(typename: T, data: readonly Record<string, unknown>[]): EntityOf<T, S>[];
  ingest(typename: string, data: Record<string, unknown> | readonly Record<string, unknown>[]): unknown {
    return this.#control.ingest(typename, data);
  }

  /** Groups writes (ingest, invalidate, ...) so subscribers get one notification. */
  batch<T>(fn: () => T): T {
    if (typeof fn !== 'function')
      throw new StashValidationError(`StashEntityStore.batch: takes a function, got ${show(fn)}`);
    return this.#batcher.write(() => fn());
  }

  /** Tombstones a record (after a successful delete): reads see `null`, links keep the last snapshot. */
  markDeleted(typename: string, id: string): void {
    this.#control.markDeleted(typename, id);
  }

  /** Moves a record to a new id (temporary id → server id); links to it follow automatically. */
  rekey(typename: string, fromId: string, toId: string): void {
    this.#control.rekey(typename, fromId, toId);
  }

  // ---- drafts and mutations (mutations/storeWrites.ts) ----

  /** A draft of `entity` tracking edits against its current snapshot (the tracked one if it has edits). */
  edit<E extends { readonly __typename: EntityTypeName; readonly id: string }>(
    entity: E,
  ): Draft<E['__typename']> {
    return this.#need('edit').edit(entity as unknown as EntitySnapshot) as Draft<E['__typename']>;
  }

  /** A new draft with a temporary id (`tmp:<n>`), created on the server by `save`/`saveAll`. */
  create<T extends DraftableType>(typename: T, data?: DraftData<T>): Draft<T> {
    return this.#need('create').create(typename, data as Record<string, unknown>) as unknown as Draft<T>;
  }

  /** Tracks a draft; a new one is also cached as a pending record under its temporary id. */
  add<D extends EntityDraft>(draft: D): D {
    return this.#need('add').add(draft) as D;
  }

  /** Forgets a draft and its pending record. */
  discard(draft: EntityDraft): void {
    this.#need('discard').discard(draft);
  }

  /** Creates or updates the draft (new drafts it references first); resolves with the saved snapshot. */
  save<D extends EntityDraft & { readonly __typename: EntityTypeName }>(
    draft: D,
    options?: WriteOptions,
  ): Promise<EntityOf<D['__typename'], S>> {
    return this.#written('save', specs.WRITE_OPTIONS, options, (w) => w.save(draft, options)) as Promise<
      EntityOf<D['__typename'], S>
    >;
  }

  /** Saves drafts with aliased mutations (creates first, one request per dependency level); a result per draft. */
  saveBatch(drafts: readonly EntityDraft[], options?: WriteOptions): Promise<SaveResult[]> {
    return this.#written('saveBatch', specs.WRITE_OPTIONS, options, (w) =>
      w.saveBatch(drafts, options),
    ) as Promise<SaveResult[]>;
  }

  /** Saves every dirty draft this store tracks. */
  saveAll(options?: WriteOptions): Promise<SaveResult[]> {
    return this.#written('saveAll', specs.WRITE_OPTIONS, options, (w) => w.saveAll(options)) as Promise<
      SaveResult[]
    >;
  }

  /** Destroys an entity (`extra`: `delete_file`, `delete_generated`...) and tombstones it. */
  delete(
    entity: EntitySnapshot | EntityDraft,
    extra?: Record<string, unknown>,
    options?: WriteOptions,
  ): Promise<void> {
    return this.#written('delete', specs.WRITE_OPTIONS, options, (w) => w.delete(entity, extra, options));
  }

  /** The first match of `search`, else a new entity created from it; `createIfMissing: false` throws `StashNotFoundError`. */
  getOrCreate<T extends DraftableType>(
    typename: T,
    search: DraftData<T>,
    options?: GetOrCreateOptions & { values?: DraftData<T> },
  ): Promise<EntityOf<T, S>> {
    return this.#written('getOrCreate', specs.GET_OR_CREATE_OPTIONS, options, (w) =>
      w.getOrCreate(typename, search as Record<string, unknown>, options as GetOrCreateOptions),
    ) as Promise<EntityOf<T, S>>;
  }

  /** True after a delete (a tombstone), as opposed to never loaded. */
  isDeleted(typename: EntityTypeArg<S>, id: string): boolean {
    const key = checkId(id);
    return this.#table
      .concrete(typename)
      .some((t) => this.#host.source.get(t.name, key)?.state === RecordState.Deleted);
  }

  /** Dirty drafts this store tracks (what `saveAll` would save); none in a read-only store. */
  drafts(): EntityDraft[] {
    return this.#writes?.registry.dirty() ?? [];
  }

  /**
   * Applies an invalidation rule (the shape of `INVALIDATION_RULES`) as if a mutation of that kind
   * had committed elsewhere: the named fields of every cached record of the named types go stale and
   * the named types' lists are bumped. For changes the store learns about without making them (the
   * host UI's mutations, Stash jobs).
   */
  invalidateRule(rule: InvalidationRule): void {
    const lists = new Set<string>();
    this.#host.write((ctx) => applyRule(this.#host, ctx, rule, new Set(), lists));
    this.#lists.bump(lists);
    this.#invalidations.bump(Object.keys(rule.fields ?? {}));
  }

  /**
   * Opens Stash's job and scan events (graphql-ws on the store's `/graphql`, loaded on demand): a
   * finished scan, clean, auto-tag, identify, generate... job invalidates what it can change
   * (`JOB_RULES`), so mounted lists refetch. Reconnects with backoff; closed by `dispose()`.
   */
  async connectLive(options: LiveOptions = {}): Promise<LiveConnection> {
    checkOptions(options, specs.LIVE_OPTIONS, 'StashEntityStore.connectLive');
    if (options.apiKey !== undefined) checkApiKey(options.apiKey, 'StashEntityStore.connectLive');
    if (this.#disposed) throw new StashValidationError('StashEntityStore: connectLive() after dispose()');
    if (this.#features.live === undefined)
      throw new StashValidationError(
        "StashEntityStore.connectLive: this read-only store (@stashkit/core/read) leaves live events out; call connectLive(store) from '@stashkit/core/live'",
      );
    const LiveConnection = await this.#features.live();
    if (this.#disposed) throw new StashValidationError('StashEntityStore: connectLive() after dispose()');
    return this.attachLive(new LiveConnection(this, { apiKey: clientApiKey(this.client), ...options }));
  }

  /** @internal Closes `live` with the store (`connectLive()`, and `@stashkit/core/live`'s `connectLive(store)`). */
  attachLive(live: LiveConnection): LiveConnection {
    if (this.#disposed) {
      live.close();
      throw new StashValidationError('StashEntityStore: connectLive() after dispose()');
    }
    this.#live.add(live);
    live.subscribe((state) => {
      if (state.status === 'closed') this.#live.delete(live);
    });
    return live;
  }

  /** Closes what the store holds open (live connections, `onDispose` callbacks). The cache stays readable. */
  dispose(): void {
    this.#disposed = true;
    for (const live of [...this.#live]) live.close();
    for (const fn of [...this.#disposers]) {
      this.#disposers.delete(fn);
      safeCall(fn);
    }
  }

  /** Runs `fn` when the store is disposed (at once if it already is): bridges it feeds close with it. */
  onDispose(fn: () => void): Unsubscribe {
    if (this.#disposed) {
      fn();
      return () => {};
    }
    this.#disposers.add(fn);
    return () => void this.#disposers.delete(fn);
  }

  /**
   * Told of every mutation the store sent, once its cache effects were applied: confirmed ones, and
   * (`uncertain`) ones that failed after sending and may have run. For mirrors of the store's writes
   * (the Stash host page's Apollo cache: `@stashkit/core/host`).
   */
  subscribeCommits(listener: CommitListener): Unsubscribe {
    return this.#commits.subscribe(listener);
  }

  /** Bumped when a mutation made `typename`'s list results (`find`, `findIter`, counts) stale. */
  listEpoch(typename: string): number {
    concreteTypes(this.#table, typename);
    return this.#lists.epoch(typename);
  }

  /**
   * @internal Called after each `invalidate*` call with what it named: record keys, typenames, or
   * `'*'` (everything), whether or not a cached record changed.
   */
  subscribeInvalidations(listener: ListListener): Unsubscribe {
    return this.#invalidations.subscribe(listener);
  }

  /** Called with the typenames whose list results went stale, after each mutation. */
  subscribeLists(listener: ListListener): Unsubscribe {
    return this.#lists.subscribe(listener);
  }

  /** Every write batch. */
  subscribe(listener: BatchListener): Unsubscribe;
  /** Batches that touch records of `typename`: the listener gets that type's changes. */
  subscribe(typename: string, listener: TypeListener): Unsubscribe;
  /** Batches that touch one record: the listener gets its change (kind and changed fields). */
  subscribe(typename: string, id: string, listener: RecordListener): Unsubscribe;
  subscribe(a: string | BatchListener, b?: string | TypeListener, c?: RecordListener): Unsubscribe {
    return this.#batcher.subscribe(a, b, c);
  }
}

/** `run()` once `options` fit `spec`: promise-returning calls reject on bad options, never throw. */
function checked<T>(call: string, spec: OptionSpec, options: unknown, run: () => Promise<T>): Promise<T> {
  try {
    checkOptions(options, spec, `StashEntityStore.${call}`);
  } catch (error) {
    return Promise.reject(error);
  }
  return run();
}

function checkPredicate(predicate: unknown, call: string): void {
  if (typeof predicate !== 'function')
    throw new StashValidationError(
      `StashEntityStore.${call}: predicate must be a function, got ${show(predicate)}`,
    );
}
