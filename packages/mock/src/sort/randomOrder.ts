import { MockStashError } from '../errors';

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

type SqlNumber = bigint | number;

/** SQLite integer arithmetic: an int64 overflow turns the result into a REAL. */
function mul(a: SqlNumber, b: SqlNumber): SqlNumber {
  if (typeof a === 'bigint' && typeof b === 'bigint') {
    const r = a * b;
    if (r >= INT64_MIN && r <= INT64_MAX) return r;
  }
  return Number(a) * Number(b);
}

function add(a: SqlNumber, b: SqlNumber): SqlNumber {
  if (typeof a === 'bigint' && typeof b === 'bigint') {
    const r = a + b;
    if (r >= INT64_MIN && r <= INT64_MAX) return r;
  }
  return Number(a) + Number(b);
}

/** Above this, `n*n*52959209` always overflows int64, so SQLite finishes in doubles (as JS does). */
const ALWAYS_REAL = 420_000;

/**
 * Stash's seeded random order key (sql.go getRandomSort), evaluated with SQLite's arithmetic:
 * `mod((id+seed)*(id+seed)*52959209 + (id+seed)*1047483763, 2147483647)` with the seed capped at 10^8.
 */
export function randomSortKey(id: string, seed: bigint): number {
  const n = Number(id) + Number(seed % 100_000_000n);
  if (n >= ALWAYS_REAL && Number.isSafeInteger(n)) {
    // each double operation rounds the exact result once, exactly as SQLite's REAL arithmetic
    return (n * n * 52_959_209 + n * 1_047_483_763) % 2_147_483_647;
  }
  const b = BigInt(n);
  const sum = add(mul(mul(b, b), 52_959_209n), mul(b, 1_047_483_763n));
  // SQLite's mod() works on doubles (fmod), as JS `%` does
  return Number(sum) % 2_147_483_647;
}

export const RANDOM_SEED_PREFIX = 'random_';

/** The seed of `random_<uint64>`; `random` draws a fresh one per request. */
export function randomSeed(sort: string): bigint {
  if (sort === 'random') return BigInt(Math.floor(Math.random() * 100_000_000));
  const text = sort.slice(RANDOM_SEED_PREFIX.length);
  if (!/^\d+$/.test(text) || BigInt(text) > 2n ** 64n - 1n) {
    throw new MockStashError(`invalid random seed: ${text}`);
  }
  return BigInt(text);
}
