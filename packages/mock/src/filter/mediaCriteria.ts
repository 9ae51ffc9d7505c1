import { MockStashError } from '../errors';
import type { FileRow, StashIdRow } from '../db/rows';
import { compileJoinedStringCriterion } from './stringCriterion';
import type { FilterInput } from './types';

/** Stash's `resolutionRanges` (pkg/models/resolution.go): bounds on min(width, height). */
export const RESOLUTION_RANGES: Record<string, readonly [number, number]> = {
  VERY_LOW: [144, 239],
  LOW: [240, 359],
  R360P: [360, 479],
  STANDARD: [480, 539],
  WEB_HD: [540, 719],
  STANDARD_HD: [720, 1079],
  FULL_HD: [1080, 1439],
  QUAD_HD: [1440, 1919],
  VR_HD: [1920, 2159],
  FOUR_K: [1920, 2559],
  FIVE_K: [2560, 2999],
  SIX_K: [3000, 3583],
  SEVEN_K: [3584, 3839],
  EIGHT_K: [3840, 6143],
  HUGE: [6144, 9999],
};

export type DimensionTest = (width: number | null | undefined, height: number | null | undefined) => boolean;

/**
 * ResolutionCriterionInput: the smaller side of the file against the enum's range. EQUALS is inside
 * the range, NOT_EQUALS outside, LESS_THAN below its minimum, GREATER_THAN above its maximum.
 */
export function compileResolutionCriterion(c: FilterInput, label = 'resolution criterion'): DimensionTest {
  const range = RESOLUTION_RANGES[String(c?.value)];
  if (!range) throw new MockStashError(`${String(c?.value)} is not a valid ResolutionEnum`);
  const [mn, mx] = range;
  const side = (w: number | null | undefined, h: number | null | undefined) =>
    w == null || h == null ? null : Math.min(w, h);
  switch (c.modifier) {
    case 'EQUALS':
      return (w, h) => inRange(side(w, h), mn, mx) === true;
    case 'NOT_EQUALS':
      return (w, h) => inRange(side(w, h), mn, mx) === false;
    case 'LESS_THAN':
      return (w, h) => {
        const s = side(w, h);
        return s != null && s < mn;
      };
    case 'GREATER_THAN':
      return (w, h) => {
        const s = side(w, h);
        return s != null && s > mx;
      };
    default:
      throw new MockStashError(`invalid modifier ${String(c.modifier)} for ${label}`);
  }
}

function inRange(v: number | null, mn: number, mx: number): boolean | null {
  return v == null ? null : v >= mn && v <= mx;
}

/** OrientationCriterionInput: any listed orientation (width vs height); an empty list adds nothing. */
export function compileOrientationCriterion(c: FilterInput): DimensionTest | null {
  if (!Array.isArray(c?.value)) throw new MockStashError('orientation criterion: value must be a list');
  const tests = (c.value as string[]).map((o): DimensionTest => {
    switch (o) {
      case 'LANDSCAPE':
        return (w, h) => w != null && h != null && w > h;
      case 'PORTRAIT':
        return (w, h) => w != null && h != null && w < h;
      case 'SQUARE':
        return (w, h) => w != null && h != null && w === h;
      default:
        throw new MockStashError(`${o} is not a valid OrientationEnum`);
    }
  });
  if (tests.length === 0) return null;
  return (w, h) => tests.some((t) => t(w, h));
}

/** A hex phash as Stash stores it: the uint64 reinterpreted as a signed int64. */
export function phashToInt(hex: string): bigint {
  if (!/^[0-9a-fA-F]{1,16}$/.test(hex)) throw new MockStashError(`invalid phash value: ${hex}`);
  return BigInt.asIntN(64, BigInt('0x' + hex));
}

export function hammingDistance(a: bigint, b: bigint): number {
  let x = BigInt.asUintN(64, a ^ b);
  let n = 0;
  while (x) {
    x &= x - 1n;
    n++;
  }
  return n;
}

export function phashesOf(file: FileRow): bigint[] {
  const out: bigint[] = [];
  for (const f of file.fingerprints) if (f.type === 'phash') out.push(phashToInt(f.value));
  return out;
}

/**
 * PhashDistanceCriterionInput: with distance > 0, EQUALS is hamming distance < distance and
 * NOT_EQUALS > distance (Stash's strict comparisons); otherwise an int comparison on the signed value.
 * Tests the phashes of one entity's files (no file / no phash is one NULL row).
 */
export function compilePhashDistanceCriterion(c: FilterInput): (phashes: readonly bigint[]) => boolean {
  if (typeof c?.value !== 'string') throw new MockStashError('phash_distance: value must be a string');
  const target = phashToInt(c.value);
  const distance = c.distance == null ? 0 : Number(c.distance);
  let test: (p: bigint | null) => boolean;
  if (distance > 0 && c.modifier === 'EQUALS') {
    test = (p) => p != null && hammingDistance(p, target) < distance;
  } else if (distance > 0 && c.modifier === 'NOT_EQUALS') {
    test = (p) => p != null && hammingDistance(p, target) > distance;
  } else {
    test = bigintComparison(String(c.modifier), target);
  }
  return (phashes) => (phashes.length === 0 ? test(null) : phashes.some(test));
}

/** Stash's int criterion on the phash column; value2 is never passed, so BETWEEN's upper bound is 0. */
function bigintComparison(modifier: string, target: bigint): (p: bigint | null) => boolean {
  switch (modifier) {
    case 'IS_NULL':
      return (p) => p == null;
    case 'NOT_NULL':
      return (p) => p != null;
    case 'EQUALS':
      return (p) => p != null && p === target;
    case 'NOT_EQUALS':
      return (p) => p != null && p !== target;
    case 'GREATER_THAN':
      return (p) => p != null && p > target;
    case 'LESS_THAN':
      return (p) => p != null && p < target;
    case 'BETWEEN':
      return (p) => p != null && p >= target && p <= 0n;
    case 'NOT_BETWEEN':
      return (p) => p != null && (p < target || p > 0n);
    default:
      throw new MockStashError(`unsupported numeric modifier type ${modifier} for phash_distance`);
  }
}

/** StashIDCriterionInput: a string criterion on the stash ids of `endpoint` (all endpoints when absent). */
export function compileStashIdCriterion(c: FilterInput): (ids: readonly StashIdRow[]) => boolean {
  if (c == null || typeof c !== 'object')
    throw new MockStashError('stash_id_endpoint: expected a criterion object');
  const endpoint = typeof c.endpoint === 'string' && c.endpoint !== '' ? c.endpoint : null;
  const test = compileJoinedStringCriterion(
    { value: c.stash_id ?? '', modifier: c.modifier },
    'stash_id_endpoint',
  );
  return (ids) =>
    test((endpoint == null ? ids : ids.filter((s) => s.endpoint === endpoint)).map((s) => s.stash_id));
}
