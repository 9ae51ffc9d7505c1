/** Calls a listener; a throw is reported asynchronously, so it cannot stop the others or the write that notified it. */
export function safeCall(fn: () => void): void {
  try {
    fn();
  } catch (error) {
    queueMicrotask(() => {
      throw error;
    });
  }
}
