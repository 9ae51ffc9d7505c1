import { MockStashError } from '../errors';
import type { FilterInput } from './types';

const COMPARISONS = new Set(['EQUALS', 'NOT_EQUALS', 'GREATER_THAN', 'LESS_THAN', 'BETWEEN', 'NOT_BETWEEN']);

function requireDateInput(c: FilterInput, label: string): { value: string; value2: string | null } {
  if (c == null || typeof c !== 'object') throw new MockStashError(`${label}: expected a criterion object`);
  if (typeof c.value !== 'string') throw new MockStashError(`${label}: value must be a string`);
  if (c.value2 != null && typeof c.value2 !== 'string')
    throw new MockStashError(`${label}: value2 must be a string`);
  const modifier = String(c.modifier);
  if (!COMPARISONS.has(modifier) && modifier !== 'IS_NULL' && modifier !== 'NOT_NULL') {
    throw new MockStashError(`unsupported date modifier type ${modifier} for ${label}`);
  }
  return { value: c.value, value2: c.value2 ?? null };
}

/** Go's `time.Now().AddDate(0, 0, 1).Format(time.RFC3339)`: Stash's BETWEEN upper bound when value2 is absent. */
function tomorrow(now: Date): string {
  return new Date(now.getTime() + 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * DateCriterionInput (Stash `getDateWhereClause`): dates are text in SQLite, so comparisons are
 * lexicographic; a partial date such as `2020` sorts before every `2020-…` date. IS_NULL also
 * matches the empty string.
 */
export function compileDateCriterion(
  c: FilterInput,
  now: Date,
  label = 'date criterion',
): (value: string | null | undefined) => boolean {
  const { value, value2 } = requireDateInput(c, label);
  const upper = value2 ?? tomorrow(now);
  switch (c.modifier) {
    case 'IS_NULL':
      return (v) => v == null || v === '';
    case 'NOT_NULL':
      return (v) => v != null && v !== '';
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
    default:
      return (v) => v != null && (v < value || v > upper);
  }
}

const DURATION_UNITS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  μs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/** Go's `time.ParseDuration` (e.g. `4h`, `1h30m`, `1.5s`), in milliseconds. */
export function parseGoDuration(text: string): number {
  const re = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/y;
  let rest = text;
  let sign = 1;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    sign = rest.startsWith('-') ? -1 : 1;
    rest = rest.slice(1);
  }
  if (rest === '0') return 0;
  if (rest === '') throw new MockStashError(`invalid duration "${text}"`);
  let total = 0;
  re.lastIndex = 0;
  while (re.lastIndex < rest.length) {
    const m = re.exec(rest);
    if (!m) throw new MockStashError(`invalid duration "${text}"`);
    total += Number(m[1]) * DURATION_UNITS[m[2]];
  }
  return sign * total;
}

/** A point in time plus the width of the instant it names (a day for `2024-01-02`). */
export interface TimestampValue {
  time: number;
  width: number;
}

/**
 * A Timestamp input: `<4h` (4 hours ago), `>5m` (5 minutes ahead), RFC3339, or a date with optional
 * `HH:MM[:SS]` (read as UTC when no zone is given). Invalid input is an error.
 */
export function parseTimestampInput(text: string, now: Date): TimestampValue {
  if (text.startsWith('<') || text.startsWith('>')) {
    const d = parseGoDuration(text.slice(1));
    return { time: now.getTime() + (text[0] === '<' ? -d : d), width: 1 };
  }
  const m =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(
      text.trim(),
    );
  if (!m) throw new MockStashError(`invalid timestamp: ${text}`);
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const iso = `${y}-${mo}-${d}T${h ?? '00'}:${mi ?? '00'}:${s ?? '00'}${frac ?? ''}${zone ? (zone === 'Z' ? 'Z' : zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone) : 'Z'}`;
  const time = Date.parse(iso);
  if (Number.isNaN(time)) throw new MockStashError(`invalid timestamp: ${text}`);
  const width = h == null ? 86_400_000 : s == null ? 60_000 : frac ? 1 : 1000;
  return { time, width };
}

/** A stored RFC3339 time as epoch milliseconds (null stays null). */
export function timeOf(value: string | null | undefined): number | null {
  if (value == null || value === '') return null;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : t;
}

/**
 * TimestampCriterionInput. Times compare as instants; EQUALS/NOT_EQUALS match the whole instant the
 * input names (`2024-01-02` is that UTC day, `2024-01-02 10:30` that minute). A BETWEEN without
 * value2 ends tomorrow, as in Stash.
 */
export function compileTimestampCriterion(
  c: FilterInput,
  now: Date,
  label = 'timestamp criterion',
): (value: number | null) => boolean {
  const { value, value2 } = requireDateInput(c, label);
  if (c.modifier === 'IS_NULL') return (v) => v == null;
  if (c.modifier === 'NOT_NULL') return (v) => v != null;
  const lo = parseTimestampInput(value, now);
  const hi =
    value2 == null ? { time: now.getTime() + 86_400_000, width: 1 } : parseTimestampInput(value2, now);
  const hiEnd = hi.time + hi.width - 1;
  switch (c.modifier) {
    case 'EQUALS':
      return (v) => v != null && v >= lo.time && v < lo.time + lo.width;
    case 'NOT_EQUALS':
      return (v) => v != null && (v < lo.time || v >= lo.time + lo.width);
    case 'GREATER_THAN':
      return (v) => v != null && v >= lo.time + lo.width;
    case 'LESS_THAN':
      return (v) => v != null && v < lo.time;
    case 'BETWEEN':
      return (v) => v != null && v >= lo.time && v <= hiEnd;
    default:
      return (v) => v != null && (v < lo.time || v > hiEnd);
  }
}
