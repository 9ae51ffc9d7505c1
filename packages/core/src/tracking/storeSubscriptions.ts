/**
 * Subscriptions for bindings: to every batch, to one typename, or to one record. Dispatch costs
 * one map lookup per changed record, not one call per subscriber.
 */
import { recordKey, type RecordKey } from '../shared/keys';
import type { ChangeBatch, RecordChange } from './changeBatch';
import { safeCall } from '../shared/safeCall';

export type BatchListener = (batch: ChangeBatch) => void;
export type TypeListener = (changes: readonly RecordChange[], batch: ChangeBatch) => void;
export type RecordListener = (change: RecordChange, batch: ChangeBatch) => void;
export type Unsubscribe = () => void;

export class StoreSubscriptions {
  readonly #all = new Set<BatchListener>();
  readonly #byType = new Map<string, Set<TypeListener>>();
  readonly #byKey = new Map<RecordKey, Set<RecordListener>>();

  subscribeAll(listener: BatchListener): Unsubscribe {
    this.#all.add(listener);
    return () => void this.#all.delete(listener);
  }

  subscribeType(typename: string, listener: TypeListener): Unsubscribe {
    return add(this.#byType, typename, listener);
  }

  subscribeRecord(typename: string, id: string, listener: RecordListener): Unsubscribe {
    return add(this.#byKey, recordKey(typename, id), listener);
  }

  get size(): number {
    return this.#all.size + this.#byType.size + this.#byKey.size;
  }

  emit(batch: ChangeBatch): void {
    const byType = this.#byType.size > 0 ? new Map<string, RecordChange[]>() : undefined;
    for (const change of batch.changes.values()) {
      const listeners = this.#byKey.get(change.key);
      if (listeners !== undefined) for (const l of [...listeners]) safeCall(() => l(change, batch));
      if (change.previousId !== undefined) {
        const old = this.#byKey.get(recordKey(change.typename, change.previousId));
        if (old !== undefined) for (const l of [...old]) safeCall(() => l(change, batch));
      }
      if (byType !== undefined && this.#byType.has(change.typename)) {
        let list = byType.get(change.typename);
        if (list === undefined) byType.set(change.typename, (list = []));
        list.push(change);
      }
    }
    if (byType !== undefined) {
      for (const [typename, changes] of byType) {
        for (const l of [...(this.#byType.get(typename) ?? [])]) safeCall(() => l(changes, batch));
      }
    }
    for (const l of [...this.#all]) safeCall(() => l(batch));
  }
}

function add<K, L>(map: Map<K, Set<L>>, key: K, listener: L): Unsubscribe {
  let set = map.get(key);
  if (set === undefined) map.set(key, (set = new Set()));
  set.add(listener);
  return () => {
    const current = map.get(key);
    if (current === undefined) return;
    current.delete(listener);
    if (current.size === 0) map.delete(key);
  };
}
