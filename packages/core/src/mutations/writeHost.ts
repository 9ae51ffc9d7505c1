/** What the writes pipeline needs from the store facade (its internals, handed over once). */
import type { TypeTable } from '../model/typeTable';
import type { Normalizer, WriteContext } from '../normalize/normalizer';
import type { FieldTreeBuilder } from '../query/fieldTree';
import type { SelectionBuilder } from '../query/selectionBuilder';
import type { RecordSource } from '../records/recordSource';
import type { EntitySnapshot } from '../records/storeRecord';
import type { SchemaModel } from '../schema/modelTypes';
import type { BatchListener, Unsubscribe } from '../tracking/storeSubscriptions';
import type { RequestPipeline } from '../batch/requestPipeline';
import type { ListEpochs } from './listEpochs';
import type { StoreCommits } from './storeCommits';

export interface WriteHost {
  /** The store's request pipeline (sequencing, counting, abort, retries), shared with reads. */
  readonly pipeline: RequestPipeline;
  readonly model: SchemaModel;
  readonly table: TypeTable;
  readonly source: RecordSource;
  readonly normalizer: Normalizer;
  readonly trees: FieldTreeBuilder;
  readonly selections: SelectionBuilder;
  /** Runs `fn` as one write batch (one notification), as of `seq` (a request's) or a new sequence. */
  write<T>(fn: (ctx: WriteContext) => T, seq?: number): T;
  subscribe(listener: BatchListener): Unsubscribe;
  /** The store's `findOne` (DSL filters, errors propagate). */
  findOne(typename: string, filters: Record<string, unknown>): Promise<EntitySnapshot | null>;
  /** The store's list epochs (bumped after a mutation's record batch). */
  readonly lists: ListEpochs;
  /** The store's commit notices (`subscribeCommits`). */
  readonly commits: StoreCommits;
}
