/**
 * A small seeded PRNG (mulberry32) so that every dataset is a pure function of its seed.
 * Math.random is never used by the mock's data.
 */
export interface Prng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Index in [0, n) skewed towards 0, so a few items are very common (like performers in a library). */
  skewed(n: number, power?: number): number;
  /** `count` distinct indexes in [0, n), skewed like `skewed`. */
  distinctSkewed(n: number, count: number, power?: number): number[];
}

export function createPrng(seed: number): Prng {
  let state = seed >>> 0 || 0x9e3779b9;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const skewed = (n: number, power = 2): number => Math.min(n - 1, Math.floor(n * Math.pow(next(), power)));
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)],
    skewed,
    distinctSkewed(n, count, power = 2) {
      const chosen = new Set<number>();
      const wanted = Math.min(count, n);
      // Bounded attempts: with heavy skew the last few picks may collide repeatedly.
      for (let attempts = 0; chosen.size < wanted && attempts < wanted * 20; attempts++)
        chosen.add(skewed(n, power));
      return [...chosen];
    },
  };
}

/** A stable 32-bit hash of a string (FNV-1a), used to derive seeds and fake fingerprints. */
export function hashString(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

const HEX = '0123456789abcdef';

/**
 * A hex string of `length` characters derived from `text` (fake md5/oshash/phash values): each block of
 * 8 digits is the FNV-1a hash, seeded with the previous one, of the digits so far followed by `text`.
 * Hashes and digits are computed in place (no intermediate strings): the dataset makes ~500,000 of these.
 */
export function fakeHex(text: string, length: number): string {
  const digits: number[] = [];
  let h = hashString(text);
  while (digits.length < length) {
    for (const c of digits) h = Math.imul(h ^ c, 0x01000193) >>> 0;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
    for (let shift = 28; shift >= 0; shift -= 4) digits.push(HEX.charCodeAt((h >>> shift) & 15));
  }
  digits.length = length;
  return String.fromCharCode(...digits);
}
