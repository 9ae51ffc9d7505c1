/**
 * Coalesces every read of a tick into one request. A tick ends at the next macrotask
 * (`scheduleMacrotask`), so reads started synchronously or in microtasks of the same task share a
 * document. At flush, reads are planned together (union of missing fields per record), entity
 * targets become aliased single fetches (or one ids-batch per type without a single query), list
 * queries queued in the same tick join the document, and each read settles from its own targets:
 * an error on one alias rejects only the reads that depended on it.
 *
 * Reads and list queries may carry an `AbortSignal`. A read every consumer of which aborted (or an
 * aborted list query) is dropped before the flush; in flight, its part of the response is not
 * written, and a request none of whose parts is still needed is aborted: work nobody needs stops,
 * work someone else still needs goes on.
 */
import { StashError } from '../errors';
import type { TypeInfo } from '../model/typeTable';
import type { Normalizer } from '../normalize/normalizer';
import { mergeTree, treeSignature, type FieldTree } from '../query/fieldTree';
import type { SelectionBuilder } from '../query/selectionBuilder';
import type { RecordSource } from '../records/recordSource';
import type { EntitySnapshot } from '../records/storeRecord';
import { recordKey } from '../shared/keys';
import type { WriteSequence } from '../tracking/writeSequence';
import { abortable } from './abortable';
import { IdsFetchOp, SingleFetchOp, type OpDeps, type Outcomes } from './entityOps';
import { FetchPlanner, type FieldFreshness } from './fetchPlanner';
import type { RequestExecutor } from './requestExecutor';
import { abortError as abortRead } from './requestPipeline';
import { DEFAULT_RETRIES, type RetryOption } from './retryPolicy';
import type { RootOp } from './rootOp';

export interface EntityRead {
  readonly type: TypeInfo;
  readonly id: string;
  readonly tree: FieldTree;
  readonly force: boolean;
  /** Per-call retry policy (the request uses the most retries any of its consumers asked for). */
  readonly retry?: RetryOption | undefined;
}

interface PendingRead extends EntityRead {
  resolve(value: EntitySnapshot | null): void;
  reject(error: unknown): void;
  /** Consumers still waiting (`Infinity` once one cannot abort). */
  needed: number;
  /** Dropped before its flush: every consumer aborted. */
  cancelled: boolean;
  /** The flush that sent it. */
  flight: Flight | undefined;
}

/** One flush's request: aborted when none of its reads is needed any more. */
interface Flight {
  needed: number;
  readonly controller: AbortController;
  /** The write sequence just before it was sent. */
  readonly sentAfter: number;
}

/** A queued list query and who can still abort it. */
interface PendingOp {
  readonly op: RootOp;
  readonly retry: RetryOption | undefined;
  /** Dropped before its flush (its consumer aborted). */
  cancelled: boolean;
  flight: Flight | undefined;
  /** Removes the abort listener. */
  dispose(): void;
}

interface Shared {
  readonly promise: Promise<EntitySnapshot | null>;
  readonly read: PendingRead;
}

const abortError = () => abortRead('read');

export interface LoaderDeps {
  readonly executor: RequestExecutor;
  readonly normalizer: Normalizer;
  readonly source: RecordSource;
  readonly selections: SelectionBuilder;
  readonly fresh: FieldFreshness;
  /** The snapshot a settled read returns (`null` for unknown or deleted records). */
  readonly snapshot: (typename: string, id: string) => EntitySnapshot | null;
  /** Ends the current tick (the store's timers). */
  readonly tick: (callback: () => void) => void;
  /** The store's write sequence: a read sent before an invalidation or mutation is not shared after it. */
  readonly sequence: WriteSequence;
}

export class CoalescingLoader {
  readonly #deps: LoaderDeps;
  #reads: PendingRead[] = [];
  #ops: PendingOp[] = [];
  #scheduled = false;
  readonly #inflight = new Map<string, Shared>();
  /** Number of HTTP requests started by flushes (debugging, tests). */
  flushes = 0;

  constructor(deps: LoaderDeps) {
    this.#deps = deps;
  }

  /**
   * Loads one entity's fields; identical reads in flight share one request. With a `signal`, an
   * abort rejects this caller's promise at once and releases its share of the work.
   */
  load(read: EntityRead, signal?: AbortSignal): Promise<EntitySnapshot | null> {
    if (signal?.aborted === true) return Promise.reject(abortError());
    const key = recordKey(read.type.name, read.id) + '|' + (read.force ? '!' : '') + treeSignature(read.tree);
    let shared = this.#inflight.get(key);
    // A read already sent is shared only if nothing that could change its answer happened since
    // (an invalidation, a tombstone, a mutation sent); a forced read never joins a sent one.
    const flight = shared?.read.flight;
    if (flight !== undefined && (read.force || flight.sentAfter < this.#deps.sequence.barrier))
      shared = undefined;
    if (shared === undefined) {
      let pending!: PendingRead;
      const promise = new Promise<EntitySnapshot | null>((resolve, reject) => {
        pending = { ...read, resolve, reject, needed: 0, cancelled: false, flight: undefined };
      });
      this.#reads.push(pending);
      this.#schedule();
      const entry: Shared = { promise, read: pending };
      shared = entry;
      this.#inflight.set(key, entry);
      const clear = () => {
        if (this.#inflight.get(key) === entry) this.#inflight.delete(key);
      };
      promise.then(clear, clear);
    }
    if (signal === undefined) {
      shared.read.needed = Infinity;
      return shared.promise;
    }
    shared.read.needed++;
    const entry = shared;
    return abortable(entry.promise, signal, abortError, () => this.#release(key, entry));
  }

  // A consumer aborted: drop the read if nobody else waits, and the request if none of it is needed.
  #release(key: string, entry: Shared): void {
    const read = entry.read;
    if (--read.needed > 0) return;
    if (this.#inflight.get(key) === entry) this.#inflight.delete(key);
    const flight = read.flight;
    if (flight === undefined) {
      read.cancelled = true;
      read.reject(abortError());
    } else if (--flight.needed === 0) {
      flight.controller.abort();
    }
  }

  /**
   * Queues a root op (a list query) into the current tick's document. With a `signal`, an abort
   * fails the op at once; it is then left out of the request, or its result is not written, and
   * the request is aborted if nothing else in it is needed.
   */
  enqueue(op: RootOp, signal?: AbortSignal, retry?: RetryOption): void {
    if (signal?.aborted === true) {
      op.fail(abortError());
      return;
    }
    const pending: PendingOp = { op, retry, cancelled: false, flight: undefined, dispose: () => {} };
    if (signal !== undefined) {
      const onAbort = () => {
        op.fail(abortError());
        const flight = pending.flight;
        if (flight === undefined) pending.cancelled = true;
        else {
          op.dropped = true;
          if (--flight.needed === 0) flight.controller.abort();
        }
      };
      signal.addEventListener('abort', onAbort, { once: true });
      pending.dispose = () => signal.removeEventListener('abort', onAbort);
    }
    this.#ops.push(pending);
    this.#schedule();
  }

  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    this.#deps.tick(() => {
      this.#scheduled = false;
      void this.#flush();
    });
  }

  async #flush(): Promise<void> {
    const reads = this.#reads;
    const extra = this.#ops.filter((p) => !p.cancelled);
    this.#reads = [];
    this.#ops = [];
    const { source, normalizer, selections, fresh } = this.#deps;
    const planner = new FetchPlanner(fresh);
    const planned: Array<{ read: PendingRead; deps: Set<string> }> = [];
    for (const read of reads) {
      if (read.cancelled) continue;
      try {
        const record = source.get(read.type.name, read.id);
        const deps = planner.add({ ...read, record });
        if (record === undefined && deps.size === 0) planner.require(read.type, read.id, deps);
        planned.push({ read, deps });
      } catch (error) {
        read.reject(error);
      }
    }
    const outcomes: Outcomes = new Map();
    const opDeps: OpDeps = { normalizer, source, outcomes };
    const ops: RootOp[] = [];
    const batched = new Map<TypeInfo, { ids: string[]; tree: FieldTree }>();
    for (const target of planner.targets.values()) {
      const model = target.type.entityModel!;
      if (model.single !== undefined) {
        const selection = selections.entity(target.type.name, target.tree);
        ops.push(new SingleFetchOp(opDeps, target.type, target.id, selection, treeSignature(target.tree)));
      } else {
        let batch = batched.get(target.type);
        if (batch === undefined) batched.set(target.type, (batch = { ids: [], tree: new Map() }));
        batch.ids.push(target.id);
        mergeTree(batch.tree, target.tree);
      }
    }
    for (const [type, batch] of batched) {
      ops.push(new IdsFetchOp(opDeps, type, batch.ids, selections.entity(type.name, batch.tree)));
    }
    for (const p of extra) ops.push(p.op);
    // A list query without a signal keeps the request needed to the end.
    const flight: Flight = {
      needed: planned.length + extra.length,
      controller: new AbortController(),
      sentAfter: this.#deps.sequence.current,
    };
    for (const { read } of planned) read.flight = flight;
    for (const p of extra) p.flight = flight;
    if (ops.length > 0) {
      this.flushes++;
      try {
        const retry = flushRetry([...planned.map((p) => p.read.retry), ...extra.map((p) => p.retry)]);
        await this.#deps.executor.run(ops, 'StashkitRead', flight.controller.signal, retry);
      } catch (error) {
        const failure = error instanceof StashError ? error : new StashError(String(error), { cause: error });
        for (const op of ops) op.fail(failure);
        for (const { read } of planned) read.reject(failure);
        return;
      } finally {
        for (const p of extra) p.dispose();
      }
    }
    for (const { read, deps } of planned) {
      let failed = false;
      for (const key of deps) {
        const outcome = outcomes.get(key);
        if (outcome?.kind === 'error') {
          read.reject(outcome.error);
          failed = true;
          break;
        }
      }
      if (failed) continue;
      if (outcomes.get(recordKey(read.type.name, read.id))?.kind === 'missing') read.resolve(null);
      else read.resolve(this.#deps.snapshot(read.type.name, read.id));
    }
  }
}

/** The retry option of a coalesced request: the store's unless every consumer chose one, then the most generous. */
function flushRetry(options: readonly (RetryOption | undefined)[]): RetryOption | undefined {
  let best: RetryOption | undefined = undefined;
  for (const option of options) {
    if (option === undefined) return undefined;
    if (best === undefined || retries(option) > retries(best)) best = option;
  }
  return best;
}

function retries(option: RetryOption): number {
  if (option === false) return 0;
  return typeof option === 'number' ? option : (option.retries ?? DEFAULT_RETRIES);
}
