import { MockStashError } from '../errors';
import type { FilterInput } from './types';

export type NumberTest = (value: number | null | undefined) => boolean;

/**
 * IntCriterionInput / FloatCriterionInput (Stash `getNumericWhereClause`). `value2` defaults to 0,
 * BETWEEN is `>= AND <=` and NOT_BETWEEN `< OR >`; NULL fails everything but IS_NULL.
 */
export function compileNumberCriterion(c: FilterInput, label = 'numeric criterion'): NumberTest {
  if (c == null || typeof c !== 'object') throw new MockStashError(`${label}: expected a criterion object`);
  const value = c.value;
  if (typeof value !== 'number' || Number.isNaN(value)) {
    throw new MockStashError(`${label}: value must be a number`);
  }
  const upper = c.value2 == null ? 0 : c.value2;
  if (typeof upper !== 'number' || Number.isNaN(upper)) {
    throw new MockStashError(`${label}: value2 must be a number`);
  }
  switch (c.modifier) {
    case 'IS_NULL':
      return (v) => v == null;
    case 'NOT_NULL':
      return (v) => v != null;
    case 'EQUALS':
      return (v) => v != null && v === value;
    case 'NOT_EQUALS':
      return (v) => v != null && v !== value;
    case 'GREATER_THAN':
      return (v) => v != null && v > value;
    case 'LESS_THAN':
      return (v) => v != null && v < value;
    case 'BETWEEN':
      return (v) => v != null && v >= value && v <= upper;
    case 'NOT_BETWEEN':
      return (v) => v != null && (v < value || v > upper);
    default:
      throw new MockStashError(`unsupported numeric modifier type ${String(c.modifier)} for ${label}`);
  }
}

/** SQL `CAST(x AS INT)` truncates toward zero. */
export function castInt(v: number | null | undefined): number | null {
  return v == null ? null : Math.trunc(v);
}

/** Pads a partial date (`2020`, `2020-05`) to a full one; null for anything unparsable. */
export function fullDate(date: string | null | undefined): string | null {
  if (!date) return null;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date);
  if (!m) return null;
  return `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}`;
}

export function yearOf(date: string | null | undefined): number | null {
  const d = fullDate(date);
  return d == null ? null : Number(d.slice(0, 4));
}

/** SQLite `strftime('%Y.%m%d', date)` as a number, the unit of Stash's age arithmetic. */
function yearFraction(date: string): number {
  return Number(`${date.slice(0, 4)}.${date.slice(5, 7)}${date.slice(8, 10)}`);
}

/**
 * Age in whole years at `at` (Stash: `cast(strftime('%Y.%m%d', at) - strftime('%Y.%m%d', birth) as int)`).
 * Partial dates count from their first day.
 */
export function ageAt(birthdate: string | null | undefined, at: string | null | undefined): number | null {
  const b = fullDate(birthdate);
  const a = fullDate(at);
  if (b == null || a == null) return null;
  return Math.trunc(yearFraction(a) - yearFraction(b));
}

export function todayUtc(now: Date): string {
  return now.toISOString().slice(0, 10);
}
