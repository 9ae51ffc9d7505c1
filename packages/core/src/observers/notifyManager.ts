/**
 * Batches observer notifications: everything scheduled while a store write is being dispatched is
 * delivered in one microtask, wrapped in a pluggable batch function (React 17's
 * `unstable_batchedUpdates`), so one write re-renders the affected components in one commit.
 */
type Callback = () => void;
export type BatchNotifyFunction = (callback: Callback) => void;

let queue: Callback[] = [];
let scheduled = false;
let batchNotify: BatchNotifyFunction = (callback) => callback();

function flush(): void {
  const callbacks = queue;
  queue = [];
  scheduled = false;
  batchNotify(() => {
    for (const callback of callbacks) {
      try {
        callback();
      } catch (error) {
        // One failing listener must not starve the others.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  });
}

export const notifyManager = {
  /** Queues `callback` for the next flush (one microtask after the first schedule). */
  schedule(callback: Callback): void {
    queue.push(callback);
    if (!scheduled) {
      scheduled = true;
      queueMicrotask(flush);
    }
  },
  /** Sets how a flush is wrapped (bindings pass their framework's batching function). */
  setBatchNotifyFunction(fn: BatchNotifyFunction): void {
    batchNotify = fn;
  },
};
