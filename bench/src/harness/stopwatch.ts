/**
 * Two clocks per measurement. CPU time (process user + system) is the primary figure: on a 2-core
 * machine shared with other test runs, wall time also counts the time the process waits descheduled.
 * CPU time includes V8's GC helper threads, which is work the measured code caused.
 */
export interface Timing {
  /** Process CPU time, ms. */
  cpu: number;
  /** Wall-clock time, ms. */
  wall: number;
}

export class Stopwatch {
  #wall = performance.now();
  #cpu = process.cpuUsage();

  static start(): Stopwatch {
    return new Stopwatch();
  }

  elapsed(): Timing {
    const used = process.cpuUsage(this.#cpu);
    return { wall: performance.now() - this.#wall, cpu: (used.user + used.system) / 1000 };
  }
}

/** A timing scaled by a factor (per-rep means, ms → ns/op, ...). */
export function scale(t: Timing, factor: number): Timing {
  return { cpu: t.cpu * factor, wall: t.wall * factor };
}

export const cpuOf = (samples: readonly Timing[]): number[] => samples.map((t) => t.cpu);
export const wallOf = (samples: readonly Timing[]): number[] => samples.map((t) => t.wall);
