/**
 * Builds list queries for `find`, `findOne` and `findIter`: the filter DSL compiled to the entity
 * filter, the find options to `FindFilterType`, and the selected fields. Validation happens here,
 * synchronously, so bad input fails before any request.
 */
import type { CoalescingLoader } from '../batch/coalescingLoader';
import { FindOp, type FindPage } from '../batch/findOp';
import type { RootArg } from '../batch/rootOp';
import { StashValidationError } from '../errors';
import { compileFilter } from '../filter/compileFilter';
import { compileFindFilter } from '../filter/compileFindFilter';
import type { TypeInfo } from '../model/typeTable';
import type { Normalizer } from '../normalize/normalizer';
import type { FieldTreeBuilder } from '../query/fieldTree';
import type { SelectionBuilder } from '../query/selectionBuilder';
import type { SchemaModel } from '../schema/modelTypes';
import type { FindCallOptions } from './storeTypes';

export interface FindRequest {
  readonly args: RootArg[];
  readonly selection: ReturnType<SelectionBuilder['entity']>;
}

export class FindRequests {
  constructor(
    private readonly model: SchemaModel,
    private readonly trees: FieldTreeBuilder,
    private readonly selections: SelectionBuilder,
    private readonly normalizer: Normalizer,
    private readonly loader: CoalescingLoader,
  ) {}

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
    if (list.findFilterArg !== undefined) {
      const findFilter = compileFindFilter({ q, sort, direction, page, perPage }, type.name);
      args.push({ name: list.findFilterArg, type: 'FindFilterType', value: findFilter });
    }
    if (filters !== undefined) {
      if (list.filterArg === undefined)
        throw new StashValidationError(`StashEntityStore: ${type.name} takes no filter`);
      const compiled = compileFilter(type.name, filters as never, this.model);
      if (Object.keys(compiled).length > 0)
        args.push({ name: list.filterArg, type: list.filterType!, value: compiled });
    }
    const tree =
      options?.fields !== undefined
        ? this.trees.parse(type.name, options.fields)
        : this.trees.defaults(type.name);
    return { args, selection: this.selections.entity(type.name, tree) };
  }

  /** Queues one page into the current tick; `limit` turns a larger count into `FindLimitError`. */
  page(
    type: TypeInfo,
    request: FindRequest,
    limit: number | undefined,
    signal: AbortSignal | undefined,
  ): Promise<FindPage> {
    const op = new FindOp(this.normalizer, type, request.args, request.selection, limit);
    this.loader.enqueue(op, signal);
    return op.promise;
  }
}
