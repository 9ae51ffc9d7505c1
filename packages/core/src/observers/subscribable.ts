/**
 * Base of every observer: a listener set, `subscribe()` returning its disposer, and
 * `onSubscribe`/`onUnsubscribe` hooks for the first and last listener (where work starts and stops).
 */
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

  protected onSubscribe(): void {}

  protected onUnsubscribe(): void {}
}
