/**
 * List reads behind the facade: `find`, `findOne` and `findIter`. Builds their queries (the filter
 * DSL compiled to the entity filter, the find options to `FindFilterType`, the selected fields)
 * and queues each page into the loader's current tick. Validation happens here, synchronously, so
 * bad input fails before any request.
 */
import type { CoalescingLoader } from '../batch/coalescingLoader';
import { FindOp, type FindPage } from '../batch/findOp';
import type { RootArg } from '../batch/rootOp';
import { DEFAULT_QUERY_BATCH, FIND_COUNT_PROBE, FIND_LIMIT } from '../constants';
import { FindLimitError, StashValidationError } from '../errors';
import { compileFilter } from '../filter/compileFilter';
import { compileFindFilter } from '../filter/compileFindFilter';
import type { TypeInfo, TypeTable } from '../model/typeTable';
import type { Normalizer } from '../normalize/normalizer';
import { FindIterator } from '../pagination/findIterator';
import type { FieldTreeBuilder } from '../query/fieldTree';
import type { SelectionBuilder } from '../query/selectionBuilder';
import type { EntitySnapshot } from '../records/storeRecord';
import type { SchemaModel } from '../schema/modelTypes';
import { requireSize } from './cacheQueries';
import type { KnownCounts } from './knownCounts';
import type { FindCallOptions, FindIterOptions } from './storeTypes';

export interface FindRequest {
  readonly args: RootArg[];
  readonly selection: ReturnType<SelectionBuilder['entity']>;
  /** Its `KnownCounts` key (type, filters, search text). */
  readonly countKey: string;
  /** For a list query without paging (`findSavedFilters`): the page's rows, cut here. */
  readonly window?: { readonly from: number; readonly to: number };
}

export class FindRequests {
  readonly #model: SchemaModel;
  readonly #table: TypeTable;
  readonly #trees: FieldTreeBuilder;
  readonly #selections: SelectionBuilder;
  readonly #normalizer: Normalizer;
  readonly #loader: CoalescingLoader;
  readonly #counts: KnownCounts;
  readonly #listEpoch: (typename: string) => number;

  constructor(
    model: SchemaModel,
    table: TypeTable,
    trees: FieldTreeBuilder,
    selections: SelectionBuilder,
    normalizer: Normalizer,
    loader: CoalescingLoader,
    counts: KnownCounts,
    listEpoch: (typename: string) => number,
  ) {
    this.#model = model;
    this.#table = table;
    this.#trees = trees;
    this.#selections = selections;
    this.#normalizer = normalizer;
    this.#loader = loader;
    this.#counts = counts;
    this.#listEpoch = listEpoch;
  }

  /**
   * Up to `FIND_LIMIT` matches; a larger count rejects with `FindLimitError`. The count is checked
   * before 1,000 rows are fetched: a current count above the limit rejects at once (no request);
   * an unknown one is asked with a first page of `FIND_COUNT_PROBE` rows, which is the whole
   * answer when the list is that small. A count last seen within the limit (even before a
   * mutation) skips the probe: one request, re-checked by the server's answer.
   */
  async find(typename: string, filters: unknown, options?: FindCallOptions): Promise<EntitySnapshot[]> {
    const type = this.#table.entity(typename);
    const request = this.prepare(type, filters, options, 1, FIND_LIMIT);
    const known = this.#counts.get(type, request.countKey);
    if (known !== undefined && known > FIND_LIMIT) throw new FindLimitError(known, FIND_LIMIT);
    const hint = known ?? this.#counts.hint(request.countKey);
    if (type.entityModel?.list?.direct !== true && (hint === undefined || hint > FIND_LIMIT)) {
      const probe = this.prepare(type, filters, options, 1, FIND_COUNT_PROBE);
      const first = await this.page(type, probe, FIND_LIMIT, options);
      if (first.count <= FIND_COUNT_PROBE) return first.items;
    }
    return (await this.page(type, request, FIND_LIMIT, options)).items;
  }

  /** The first match (server order, or `sort`), or `null`. */
  async findOne(
    typename: string,
    filters: unknown,
    options?: FindCallOptions,
  ): Promise<EntitySnapshot | null> {
    const type = this.#table.entity(typename);
    const request = this.prepare(type, filters, options, 1, 1);
    return (await this.page(type, request, undefined, options)).items[0] ?? null;
  }

  /** Lazy pages of `batch` (default `DEFAULT_QUERY_BATCH`); input is checked now, not at the first page. */
  findIter(typename: string, filters: unknown, options?: FindIterOptions): FindIterator<EntitySnapshot> {
    const batch = requireSize(options?.batch, DEFAULT_QUERY_BATCH, 'batch');
    const type = this.#table.entity(typename);
    this.prepare(type, filters, options, 1, batch);
    return new FindIterator<EntitySnapshot>(batch, (page) => {
      const request = this.prepare(type, filters, options, page, batch);
      return this.page(type, request, undefined, options);
    });
  }

  /** Validates and compiles one page's request (throws `StashValidationError`). */
  prepare(
    type: TypeInfo,
    filters: unknown,
    options: FindCallOptions | undefined,
    page: number,
    perPage: number,
  ): FindRequest {
    const list = type.entityModel?.list;
    if (list === undefined)
      throw new StashValidationError(`StashEntityStore: ${type.name} has no list query`);
    if (
      filters !== undefined &&
      (filters === null || typeof filters !== 'object' || Array.isArray(filters))
    ) {
      throw new StashValidationError(`StashEntityStore: filters must be an object`);
    }
    const { q, sort, direction } = options ?? {};
    const args: RootArg[] = [];
    let window: FindRequest['window'];
    if (list.findFilterArg !== undefined) {
      const findFilter = compileFindFilter({ q, sort, direction, page, perPage }, type.name);
      args.push({ name: list.findFilterArg, type: 'FindFilterType', value: findFilter });
    } else {
      if (q !== undefined || sort !== undefined || direction !== undefined)
        throw new StashValidationError(
          `StashEntityStore: ${type.name}'s list query (${list.field}) takes no q, sort or direction`,
        );
      window = { from: (page - 1) * perPage, to: page * perPage };
    }
    if (filters !== undefined) {
      if (list.filterArg === undefined)
        throw new StashValidationError(`StashEntityStore: ${type.name} takes no filter`);
      const compiled = compileFilter(type.name, filters as never, this.#model);
      if (Object.keys(compiled).length > 0)
        args.push({ name: list.filterArg, type: list.filterType!, value: compiled });
    }
    const tree =
      options?.fields !== undefined
        ? this.#trees.parse(type.name, options.fields)
        : this.#trees.defaults(type.name);
    const countKey = this.#counts.key(type, filters, q);
    return { args, selection: this.#selections.entity(type.name, tree), countKey, window };
  }

  /**
   * Queues one page into the current tick; `limit` turns a larger count into `FindLimitError`, and
   * `aggregates` selects the result's other numbers. The answer's count is remembered.
   */
  page(
    type: TypeInfo,
    request: FindRequest,
    limit: number | undefined,
    options: Pick<FindCallOptions, 'signal' | 'retry'> | undefined,
    aggregates?: readonly string[],
  ): Promise<FindPage> {
    const op = new FindOp(this.#normalizer, type, request.args, request.selection, limit, aggregates);
    const epoch = this.#listEpoch(type.name);
    this.#loader.enqueue(op, options?.signal, options?.retry);
    const direct = type.entityModel?.list?.direct === true;
    return op.promise.then(
      (page) => {
        if (!direct) this.#counts.record(request.countKey, epoch, page.count);
        const cut = request.window;
        // Every row is written (the server sent them); the caller gets its page's.
        return cut === undefined ? page : { ...page, items: page.items.slice(cut.from, cut.to) };
      },
      (error: unknown) => {
        if (error instanceof FindLimitError) this.#counts.record(request.countKey, epoch, error.count);
        throw error;
      },
    );
  }
}
