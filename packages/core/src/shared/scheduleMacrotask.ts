/**
 * Runs `callback` on the next macrotask. A "tick" of the coalescing loader is everything started
 * before that macrotask: synchronous code and every microtask (awaits, promise chains) it queues.
 */
export function scheduleMacrotask(callback: () => void): void {
  // setImmediate runs after pending I/O and microtasks without setTimeout's clamping.
  if (typeof setImmediate === 'function') {
    setImmediate(callback);
    return;
  }
  if (typeof MessageChannel === 'function') {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      callback();
    };
    channel.port2.postMessage(null);
    return;
  }
  setTimeout(callback, 0);
}
