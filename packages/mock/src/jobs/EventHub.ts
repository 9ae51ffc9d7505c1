const END: unique symbol = Symbol('end');

/**
 * Fan-out of events to subscribers, each an async iterator (what a GraphQL subscription resolver
 * returns). Events published while a subscriber is not reading are queued for it, in order.
 */
export class EventHub<T> {
  private readonly subscribers = new Set<(value: T | typeof END) => void>();

  get size(): number {
    return this.subscribers.size;
  }

  publish(value: T): void {
    for (const push of this.subscribers) push(value);
  }

  /** Ends every open iterator (server shutdown). */
  closeAll(): void {
    for (const push of [...this.subscribers]) push(END);
  }

  subscribe(): AsyncIterableIterator<T> {
    const queue: T[] = [];
    let wake: ((r: IteratorResult<T>) => void) | null = null;
    let done = false;
    const finish = (): IteratorResult<T> => {
      done = true;
      queue.length = 0;
      this.subscribers.delete(push);
      return { value: undefined, done: true };
    };
    const push = (value: T | typeof END) => {
      if (done) return;
      if (value === END) {
        const result = finish();
        wake?.(result);
        wake = null;
        return;
      }
      if (wake) {
        const w = wake;
        wake = null;
        w({ value, done: false });
      } else queue.push(value);
    };
    this.subscribers.add(push);
    const iterator: AsyncIterableIterator<T> = {
      next: () => {
        if (queue.length > 0) return Promise.resolve({ value: queue.shift()!, done: false });
        if (done) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve) => (wake = resolve));
      },
      return: () => {
        const result = finish();
        wake?.(result);
        wake = null;
        return Promise.resolve(result);
      },
      [Symbol.asyncIterator]: () => iterator,
    };
    return iterator;
  }
}
