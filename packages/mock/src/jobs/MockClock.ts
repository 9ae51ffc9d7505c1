/** Time as the mock's jobs see it: real timers by default, a manual clock in tests. */
export interface MockClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Wall-clock time and the global timers, looked up at each call so vitest's fake timers apply too. */
export const systemClock: MockClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** A clock that moves only when told: `advance(ms)` fires every timer due, in time order. */
export interface ManualClock extends MockClock {
  advance(ms: number): void;
  /** Timers not yet fired. */
  pending(): number;
}

interface Timer {
  at: number;
  seq: number;
  fn: () => void;
}

/** Creates a manual clock starting at `start` (ms since epoch). */
export function createManualClock(start = Date.UTC(2026, 0, 1)): ManualClock {
  let now = start;
  let seq = 0;
  const timers = new Map<number, Timer>();
  const next = (limit: number): Timer | undefined => {
    let best: Timer | undefined;
    for (const t of timers.values()) {
      if (t.at <= limit && (!best || t.at < best.at || (t.at === best.at && t.seq < best.seq))) best = t;
    }
    return best;
  };
  return {
    now: () => now,
    setTimeout(fn, ms) {
      const id = ++seq;
      timers.set(id, { at: now + Math.max(0, ms), seq: id, fn });
      return id;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
    advance(ms) {
      const target = now + ms;
      for (let t = next(target); t; t = next(target)) {
        timers.delete(t.seq);
        now = t.at;
        t.fn();
      }
      now = target;
    },
    pending: () => timers.size,
  };
}
