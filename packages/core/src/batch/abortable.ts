/**
 * One caller's share of shared work (a coalesced read, a page in flight): with `signal`, an abort
 * rejects that caller at once with `error()` and `leave()` releases its share; settling first
 * removes the listener.
 */
export function abortable<T>(
  promise: Promise<T>,
  signal: AbortSignal,
  error: () => Error,
  leave: () => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      reject(error());
      leave();
    };
    signal.addEventListener('abort', onAbort, { once: true });
    const settle =
      <V>(fn: (value: V) => void) =>
      (value: V) => {
        signal.removeEventListener('abort', onAbort);
        fn(value);
      };
    promise.then(settle(resolve), settle(reject));
  });
}
