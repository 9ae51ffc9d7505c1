/**
 * Time behind one seam: the clock (TTL, fetch stamps), the tick that ends a coalescing window, and
 * delays (retry backoff, the suspense outcome timer). A store takes `timers` so tests can drive all
 * of them (`vi.useFakeTimers()` works with the defaults, which look the globals up on every call).
 */
import type { Clock } from './clock';
import { scheduleMacrotask } from './scheduleMacrotask';

export interface StashTimers {
  /** Milliseconds now (TTL and fetch stamps). */
  now: Clock;
  /** Runs `callback` at the end of the current tick (the next macrotask by default). */
  tick(callback: () => void): void;
  /** Runs `callback` after `ms`; returns a function that cancels it. */
  delay(callback: () => void, ms: number): () => void;
}

export const systemTimers: StashTimers = {
  now: () => Date.now(),
  tick: (callback) => scheduleMacrotask(callback),
  delay(callback, ms) {
    const handle = setTimeout(callback, ms);
    return () => clearTimeout(handle);
  },
};

/** The store's timers: `timers` overrides, then `now` (the older clock option), then the system's. */
export function resolveTimers(timers: Partial<StashTimers> | undefined, now: Clock | undefined): StashTimers {
  return {
    now: timers?.now ?? now ?? systemTimers.now,
    tick: timers?.tick ?? systemTimers.tick,
    delay: timers?.delay ?? systemTimers.delay,
  };
}
