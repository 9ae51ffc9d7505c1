/**
 * The one value checker for scalars and enums sent to Stash, shared by the filter DSL, drafts and
 * side-operation arguments: Int is 32-bit, Int64 a safe integer, Float finite, ID a server id,
 * dates and timestamps in the forms Stash's Go parsers take, enums among their members.
 */
import { isServerId } from './entityId';

export const INT_MIN = -2147483648;
export const INT_MAX = 2147483647;

/** Input fields typed `String` that Stash parses as a date (`models.ParseDate`). */
const DATE_FIELDS = new Set(['date', 'birthdate', 'death_date']);

const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt]([01]\d|2[0-3]):([0-5]\d):([0-5]\d|60)(\.\d+)?([Zz]|[+-]([01]\d|2[0-3]):[0-5]\d)$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_TIME = /^(\d{4})-(\d{2})-(\d{2}) ([01]\d|2[0-3]):([0-5]\d):([0-5]\d)$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const YEAR = /^\d{4}$/;
// Go's time.ParseDuration: one or more <number><unit> with units ns, us, µs, ms, s, m, h.
const DURATION =
  /^([0-9]+(\.[0-9]*)?|\.[0-9]+)(ns|us|µs|μs|ms|s|m|h)(([0-9]+(\.[0-9]*)?|\.[0-9]+)(ns|us|µs|μs|ms|s|m|h))*$/;

/** A real calendar day (`2020-02-30` is not one): what Go's `time.Parse` checks. */
export function isCalendarDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day <= days;
}

function dayOf(re: RegExp, s: string): boolean {
  const m = re.exec(s);
  return m !== null && isCalendarDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** `YYYY-MM-DD` naming a real day. */
export function isDay(s: string): boolean {
  return dayOf(DAY, s);
}

/** RFC 3339 (`2024-01-31T12:00:00Z`, `...+01:00`, fractions allowed), as Go's `time.RFC3339` parses. */
export function isRfc3339(s: string): boolean {
  return dayOf(RFC3339, s);
}

/** What Stash's `models.ParseDate` takes: RFC 3339, `YYYY-MM-DD[ HH:MM:SS]`, `YYYY-MM`, `YYYY`. */
export function isStashDate(s: string): boolean {
  return isRfc3339(s) || dayOf(DAY, s) || dayOf(DAY_TIME, s) || MONTH.test(s) || YEAR.test(s);
}

/** What Stash's `Timestamp` scalar takes: a date as above (full day) or `<4h` / `>5m` relative to now. */
export function isStashTimestamp(s: string): boolean {
  if (s.startsWith('<') || s.startsWith('>')) return DURATION.test(s.slice(1));
  return isRfc3339(s) || dayOf(DAY, s) || dayOf(DAY_TIME, s);
}

export interface ScalarContext {
  readonly enums: Readonly<Record<string, readonly string[]>>;
  /** The input field's name, for String fields Stash parses as dates. */
  readonly field?: string;
}

/**
 * What `value` should have been for `type` (a named scalar or enum), or `undefined` when it is
 * acceptable. Custom scalars the store cannot check (`Any`) only need to be JSON values.
 */
export function scalarProblem(type: string, value: unknown, ctx: ScalarContext): string | undefined {
  switch (type) {
    case 'Int':
      if (typeof value !== 'number' || !Number.isInteger(value)) return 'an integer';
      return value < INT_MIN || value > INT_MAX ? 'a 32-bit integer (GraphQL Int)' : undefined;
    case 'Int64':
      return Number.isSafeInteger(value) ? undefined : 'a safe integer';
    case 'Float':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'a finite number';
    case 'Boolean':
      return typeof value === 'boolean' ? undefined : 'true or false';
    case 'ID':
      return isServerId(value) ? undefined : 'an id (a decimal string such as "12")';
    case 'String':
      if (typeof value !== 'string') return 'a string';
      if (ctx.field !== undefined && DATE_FIELDS.has(ctx.field) && !isStashDate(value))
        return 'a date Stash parses ("YYYY-MM-DD", "YYYY-MM", "YYYY" or RFC 3339)';
      return undefined;
    case 'Timestamp':
      return typeof value === 'string' && isStashTimestamp(value)
        ? undefined
        : 'a timestamp (RFC 3339 such as "2024-01-31T12:00:00Z", "YYYY-MM-DD", or "<4h"/">5m")';
    case 'Time':
      return typeof value === 'string' && isRfc3339(value)
        ? undefined
        : 'a time (RFC 3339 such as "2024-01-31T12:00:00Z")';
    case 'Map':
      return value !== null && typeof value === 'object' && !Array.isArray(value) ? undefined : 'an object';
  }
  const members = Object.hasOwn(ctx.enums, type) ? ctx.enums[type] : undefined;
  if (members !== undefined) {
    return typeof value === 'string' && members.includes(value)
      ? undefined
      : `a ${type} (${members.join(', ')})`;
  }
  return value === undefined ||
    typeof value === 'function' ||
    typeof value === 'symbol' ||
    typeof value === 'bigint'
    ? `a ${type} value`
    : undefined;
}
