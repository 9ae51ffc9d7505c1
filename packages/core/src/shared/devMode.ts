/** Snapshots are frozen in development so accidental mutation throws instead of corrupting the cache. */
export const isDevelopment: boolean =
  typeof process === 'undefined' || typeof process.env !== 'object' || process.env.NODE_ENV !== 'production';

/** Freezes a JSON value and everything inside it (only called in development). */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
