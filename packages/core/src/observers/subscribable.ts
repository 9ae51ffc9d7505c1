/**
 * Base of every observer: a listener set, `subscribe()` returning its disposer,
 * `onSubscribe`/`onUnsubscribe` hooks for the first and last listener (where work starts and stops),
 * and `notify()`, which tells the listeners through the shared `notifyManager` batch.
 */
import { notifyManager } from './notifyManager';

export type ObserverListener = () => void;

export abstract class Subscribable {
  protected readonly listeners = new Set<ObserverListener>();

  constructor() {
    this.subscribe = this.subscribe.bind(this);
  }

  subscribe(listener: ObserverListener): () => void {
    this.listeners.add(listener);
    if (this.listeners.size === 1) this.onSubscribe();
    return () => {
      if (!this.listeners.delete(listener)) return;
      if (this.listeners.size === 0) this.onUnsubscribe();
    };
  }

  hasListeners(): boolean {
    return this.listeners.size > 0;
  }

  /** Tells every listener (in the next notification batch) that the result changed. */
  protected notify(): void {
    notifyManager.schedule(() => {
      for (const listener of [...this.listeners]) listener();
    });
  }

  protected onSubscribe(): void {}

  protected onUnsubscribe(): void {}
}
