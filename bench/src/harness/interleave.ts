import type { Timing } from './stopwatch';

/**
 * Runs every contender once per round, in an order that rotates each round, so slow phases of a noisy
 * machine (other test runs, GC, thermal) hit every contender alike. Warm-up rounds (not recorded) let
 * the JIT settle. Returns one sample per round each.
 */
export async function interleave<N extends string>(
  names: readonly N[],
  rounds: number,
  measure: (name: N, round: number) => Timing | Promise<Timing>,
  { warmupRounds = 1, gcBetween = true }: { warmupRounds?: number; gcBetween?: boolean } = {},
): Promise<Record<N, Timing[]>> {
  const samples = Object.fromEntries(names.map((n) => [n, [] as Timing[]])) as Record<N, Timing[]>;
  for (let round = -warmupRounds; round < rounds; round++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(k + Math.max(round, 0)) % names.length];
      if (gcBetween) collectGarbage();
      const value = await measure(name, round);
      if (round >= 0) samples[name].push(value);
    }
  }
  return samples;
}

const gc = (globalThis as { gc?: () => void }).gc;

/** Full GC (needs `node --expose-gc`), so one contender's garbage is not collected on another's clock. */
export function collectGarbage(): void {
  if (gc === undefined) throw new Error('bench: run node with --expose-gc');
  gc();
  gc();
}

/**
 * `heapUsed` once full GCs stop lowering it. Right after `collectGarbage()` it can still count memory
 * V8 releases in the background: about 16 MiB of a dropped 10k page, on some samples and not others.
 */
export async function settledHeapUsed(): Promise<number> {
  collectGarbage();
  let used = process.memoryUsage().heapUsed;
  for (let i = 0; i < 5; i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    collectGarbage();
    const next = process.memoryUsage().heapUsed;
    if (next > used - 64 * 1024) return Math.min(used, next);
    used = next;
  }
  return used;
}

/** Results are stored here so the JIT cannot drop the work that produced them. */
export const blackhole: { value: unknown } = { value: undefined };
