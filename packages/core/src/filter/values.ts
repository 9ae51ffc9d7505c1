/**
 * Value checks shared by the filter compilers. Every check throws a `StashValidationError` that
 * names the DSL key (with its path inside nested filters) and shows the offending value, so bad
 * input is reported before any request is sent.
 */
import { StashValidationError } from '../errors';
import { isServerId } from '../validate/entityId';
import { INT_MAX, INT_MIN, isDay, scalarProblem } from '../validate/scalarValue';
import { show } from '../validate/showValue';
import { isPlainObject } from '../validate/plainObject';

export { show, isPlainObject };

/** GraphQL `Int` is a signed 32-bit integer (bounds shared with drafts in `validate/scalarValue`). */
export { INT_MAX, INT_MIN };

export function filterError(message: string): StashValidationError {
  return new StashValidationError(`StashFilter: ${message}`);
}

/** `key expects <what>, got <value>`. */
export function expected(key: string, what: string, value: unknown): StashValidationError {
  return filterError(`${key} expects ${what}, got ${show(value)}`);
}

const NO_ENUMS = { enums: {} };

/** A value of a GraphQL scalar type, checked (and described when wrong) as drafts check them. */
export function expectScalar<T = unknown>(type: string, key: string, value: unknown): T {
  const problem = scalarProblem(type, value, NO_ENUMS);
  if (problem !== undefined) throw expected(key, problem, value);
  return value as T;
}

export const expectString = (key: string, value: unknown) => expectScalar<string>('String', key, value);
export const expectBoolean = (key: string, value: unknown) => expectScalar<boolean>('Boolean', key, value);
export const expectInteger = (key: string, value: unknown) => expectScalar<number>('Int', key, value);
export const expectFloat = (key: string, value: unknown) => expectScalar<number>('Float', key, value);

/** An id: a canonical decimal string that fits Stash's int, or a non-negative integer (sent as a string). */
export function expectId(key: string, value: unknown): string {
  if (isServerId(value)) return value;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  throw expected(key, 'an id (a decimal string such as "12", or a non-negative integer)', value);
}

/** One id or a non-empty list of ids. */
export function expectIds(key: string, value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0) throw expected(key, 'at least one id', value);
  return list.map((v, i) => expectId(Array.isArray(value) ? `${key}[${i}]` : key, v));
}

export function expectEnum(
  key: string,
  value: unknown,
  enumName: string,
  members: readonly string[],
): string {
  if (typeof value !== 'string' || !members.includes(value)) {
    throw expected(key, `a ${enumName} (${members.join(', ')})`, value);
  }
  return value;
}

/** One enum member or a non-empty list of them. */
export function expectEnums(
  key: string,
  value: unknown,
  enumName: string,
  members: readonly string[],
): string[] {
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0) throw expected(key, `at least one ${enumName}`, value);
  return list.map((v, i) => expectEnum(Array.isArray(value) ? `${key}[${i}]` : key, v, enumName, members));
}

/** `[low, high]` with `low <= high` under `compare`. */
export function expectRange<T>(
  key: string,
  value: unknown,
  item: (key: string, v: unknown) => T,
  compare: (a: T, b: T) => number,
): [T, T] {
  if (!Array.isArray(value) || value.length !== 2) throw expected(key, 'a [low, high] pair', value);
  const low = item(`${key}[0]`, value[0]);
  const high = item(`${key}[1]`, value[1]);
  if (compare(low, high) > 0) throw expected(key, 'a [low, high] pair with low <= high', value);
  return [low, high];
}

const TIMESTAMP_RE =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])([T ]([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)?)?$/;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** A `Date` object or a `YYYY-MM-DD` string (a `Date` is taken in UTC). */
export function expectDate(key: string, value: unknown): string {
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    return `${pad(value.getUTCFullYear(), 4)}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  }
  if (typeof value !== 'string' || !isDay(value))
    throw expected(key, 'a date "YYYY-MM-DD" (a real day) or a Date', value);
  return value;
}

/** A `Date` object (sent as RFC 3339 UTC) or an RFC 3339 / `YYYY-MM-DD[ HH:MM[:SS]]` string. */
export function expectTimestamp(key: string, value: unknown): string {
  if (value instanceof Date && !Number.isNaN(value.getTime()))
    return value.toISOString().replace('.000Z', 'Z');
  if (typeof value !== 'string' || !TIMESTAMP_RE.test(value) || !isDay(value.slice(0, 10))) {
    throw expected(key, 'a timestamp (RFC 3339 string such as "2024-01-31T12:00:00Z", or a Date)', value);
  }
  return value;
}
