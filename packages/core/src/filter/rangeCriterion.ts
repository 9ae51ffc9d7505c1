/**
 * Suffixes of ordered criteria: `IntCriterionInput`, `FloatCriterionInput`, `DateCriterionInput`,
 * `TimestampCriterionInput`.
 *
 * Stash has only strict `GREATER_THAN` / `LESS_THAN` and inclusive `BETWEEN` (`>= AND <=`), so the
 * inclusive lookups are encoded per type:
 * - Int: `gte: v` → `GREATER_THAN v-1`, `lte: v` → `LESS_THAN v+1` (every Int criterion column is
 *   an integer or is rounded/cast to one by Stash); at the ends of the 32-bit range they become
 *   `NOT_NULL`, which is what `>= -2^31` / `<= 2^31-1` mean for an Int column.
 * - Float: no "next" value exists, so `gte: v` → `BETWEEN v and Number.MAX_VALUE`, `lte: v` →
 *   `BETWEEN -Number.MAX_VALUE and v`.
 * - Date / Timestamp: Stash compares the stored text with the given string, so `gte` / `lte` are
 *   `BETWEEN` with the far bound `9999-12-31` / `0001-01-01` (plus a time for timestamps).
 * `between: [a, b]` is `BETWEEN` (inclusive both ends) and `not_between: [a, b]` is `NOT_BETWEEN`
 * (`< a OR > b`). `null` / `notnull` send `IS_NULL` / `NOT_NULL` with a placeholder `value` of the
 * right type (`0` or `''`), which Stash ignores for those modifiers.
 */
import type { CriterionContext } from './criterionContext';
import { nullModifier } from './criterionContext';
import {
  INT_MAX,
  INT_MIN,
  expectDate,
  expectFloat,
  expectInteger,
  expectRange,
  expectTimestamp,
  filterError,
} from './values';

type Kind = 'int' | 'float' | 'date' | 'timestamp';

interface RangeType<T> {
  read(key: string, value: unknown): T;
  compare(a: T, b: T): number;
  /** Placeholder `value` for IS_NULL / NOT_NULL. */
  placeholder: T;
  /** Inclusive lower/upper bounds used to make `gte`/`lte` a BETWEEN. */
  lowest: T;
  highest: T;
}

const numeric = (a: number, b: number) => a - b;
const byTime = (a: string, b: string) => Date.parse(a) - Date.parse(b);
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const TYPES: { [K in Kind]: RangeType<K extends 'int' | 'float' ? number : string> } = {
  int: { read: expectInteger, compare: numeric, placeholder: 0, lowest: INT_MIN, highest: INT_MAX },
  float: {
    read: expectFloat,
    compare: numeric,
    placeholder: 0,
    lowest: -Number.MAX_VALUE,
    highest: Number.MAX_VALUE,
  },
  date: { read: expectDate, compare: byText, placeholder: '', lowest: '0001-01-01', highest: '9999-12-31' },
  timestamp: {
    read: expectTimestamp,
    compare: byTime,
    placeholder: '',
    lowest: '0001-01-01T00:00:00Z',
    highest: '9999-12-31T23:59:59Z',
  },
};

export function compileRange(
  ctx: CriterionContext,
  kind: Kind,
  ranged: boolean,
  suffix: string,
  value: unknown,
): Record<string, unknown> {
  const type = TYPES[kind] as RangeType<number | string>;
  const key = ctx.key;
  const one = (modifier: string) => ({ value: type.read(key, value), modifier });
  const between = (low: number | string, high: number | string, modifier = 'BETWEEN') => {
    // Without value2 Stash would substitute its own upper bound (0, or "tomorrow" for dates).
    if (!ranged) throw filterError(`${key}: ${ctx.inputType} has no value2, so ranges cannot be expressed`);
    return { value: low, value2: high, modifier };
  };
  switch (suffix) {
    case '':
    case 'exact':
      return one('EQUALS');
    case 'ne':
      return one('NOT_EQUALS');
    case 'gt':
      return one('GREATER_THAN');
    case 'lt':
      return one('LESS_THAN');
    case 'gte': {
      const v = type.read(key, value);
      if (kind === 'int') {
        return v === INT_MIN
          ? { value: 0, modifier: 'NOT_NULL' }
          : { value: (v as number) - 1, modifier: 'GREATER_THAN' };
      }
      return between(v, type.highest);
    }
    case 'lte': {
      const v = type.read(key, value);
      if (kind === 'int') {
        return v === INT_MAX
          ? { value: 0, modifier: 'NOT_NULL' }
          : { value: (v as number) + 1, modifier: 'LESS_THAN' };
      }
      return between(type.lowest, v);
    }
    case 'between':
    case 'not_between': {
      const [low, high] = expectRange(key, value, type.read, type.compare);
      return between(low, high, suffix === 'between' ? 'BETWEEN' : 'NOT_BETWEEN');
    }
    default: // null, notnull: what is left of the range SUFFIXES
      return { value: type.placeholder, modifier: nullModifier(key, suffix as 'null' | 'notnull', value) };
  }
}
