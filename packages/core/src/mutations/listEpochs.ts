/**
 * List staleness. The store does not keep list results (`find` always asks the server), so a
 * mutation that can change lists bumps a per-type epoch; bindings that hold list results (React
 * `useFind`, query caches) key them by `listEpoch(type)` or subscribe and refetch.
 */
import { safeCall } from '../shared/safeCall';

export type ListListener = (typenames: ReadonlySet<string>) => void;

export class ListEpochs {
  readonly #epochs = new Map<string, number>();
  readonly #listeners = new Set<ListListener>();

  epoch(typename: string): number {
    return this.#epochs.get(typename) ?? 0;
  }

  /** Bumps each type once and tells listeners (after the record batch was emitted). */
  bump(typenames: Iterable<string>): void {
    const set = new Set(typenames);
    if (set.size === 0) return;
    for (const t of set) this.#epochs.set(t, this.epoch(t) + 1);
    // A throwing listener must not stop the others or fail the mutation that already succeeded.
    for (const l of [...this.#listeners]) safeCall(() => l(set));
  }

  subscribe(listener: ListListener): () => void {
    this.#listeners.add(listener);
    return () => void this.#listeners.delete(listener);
  }
}
