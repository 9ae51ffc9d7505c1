/**
 * Write batching and notification: every write (a response, `ingest`, `invalidate`,
 * `store.batch(fn)`) runs inside `write(fn)`; nested writes join the outer one, and when the
 * outermost ends, the changes become one `ChangeBatch`, committed to the record source and then
 * emitted to subscribers. A write that changed nothing notifies nobody.
 */
import { StashValidationError } from '../errors';
import type { TypeTable } from '../model/typeTable';
import type { WriteContext } from '../normalize/normalizer';
import type { RecordSource } from '../records/recordSource';
import { WriteStamp } from '../records/storeRecord';
import type { Clock } from '../shared/clock';
import { anchorHiddenClass } from '../shared/hiddenClassAnchors';
import { ChangeCollector } from '../tracking/changeBatch';
import { WriteSequence } from '../tracking/writeSequence';
import {
  StoreSubscriptions,
  type BatchListener,
  type RecordListener,
  type TypeListener,
  type Unsubscribe,
} from '../tracking/storeSubscriptions';
import { checkId, concreteTypes } from './storeInput';

// Every context comes from this one literal, so an idle one keeps its hidden class (see anchorHiddenClass).
function writeContext(
  changes: ChangeCollector,
  now: number,
  seq: number,
  sequence: WriteSequence,
  outermost: boolean,
): WriteContext {
  return { changes, now, seq, sequence, stamp: new WriteStamp(seq, now), outermost };
}
const idleContext = () => writeContext(new ChangeCollector(), Date.now(), 0, new WriteSequence(), true);

export class WriteBatcher {
  readonly #source: RecordSource;
  readonly #table: TypeTable;
  readonly #now: Clock;
  readonly #subscriptions = new StoreSubscriptions();
  readonly #changes = new ChangeCollector();
  readonly sequence: WriteSequence;
  #depth = 0;

  constructor(source: RecordSource, table: TypeTable, now: Clock, sequence = new WriteSequence()) {
    // With the first store, not at import: a bundle that never makes a store drops the write path.
    anchorHiddenClass(writeContext, idleContext);
    this.#source = source;
    this.#table = table;
    this.#now = now;
    this.sequence = sequence;
  }

  /**
   * Runs `fn` as one write batch (or as part of the enclosing one). `seq` is the sequence of the
   * request whose answer is written; without it the write takes a new one (a local write).
   */
  write<T>(fn: (ctx: WriteContext) => T, seq?: number): T {
    this.#depth++;
    try {
      const seqOf = seq ?? this.sequence.next();
      return fn(writeContext(this.#changes, this.#now(), seqOf, this.sequence, this.#depth === 1));
    } finally {
      if (--this.#depth === 0 && this.#changes.size > 0) {
        // Nobody can see a batch without a subscriber or a committing source: don't build it.
        if (this.#subscriptions.size === 0 && this.#source.commit === undefined) this.#changes.discard();
        else {
          const batch = this.#changes.finish();
          this.#source.commit?.(batch);
          this.#subscriptions.emit(batch);
        }
      }
    }
  }

  subscribeAll(listener: BatchListener): Unsubscribe {
    return this.#subscriptions.subscribeAll(listener);
  }

  /** `(listener)`, `(type, listener)` or `(type, id, listener)`; see `StashEntityStore.subscribe`. */
  subscribe(a: string | BatchListener, b?: string | TypeListener, c?: RecordListener): Unsubscribe {
    if (typeof a === 'function') return this.#subscriptions.subscribeAll(a);
    if (typeof b === 'function') {
      const offs = concreteTypes(this.#table, a).map((t) => this.#subscriptions.subscribeType(t.name, b));
      return () => offs.forEach((off) => off());
    }
    if (typeof b === 'string' && typeof c === 'function') {
      return this.#subscriptions.subscribeRecord(this.#table.entity(a).name, checkId(b), c);
    }
    throw new StashValidationError(
      'StashEntityStore: subscribe(listener), subscribe(type, listener) or subscribe(type, id, listener)',
    );
  }
}
