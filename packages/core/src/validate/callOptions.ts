/**
 * Option bags of public calls checked before anything is queued: the bag is an object, every key
 * is one the call knows (own keys only), and every given value has its type. A wrong option fails
 * with a `StashValidationError` naming the call, the key and the value; nothing is sent.
 */
import { StashValidationError } from '../errors';
import { isPlainObject } from './plainObject';
import { show } from './showValue';

/** What a value should have been (`'an AbortSignal'`), or `undefined` when it is acceptable. */
export type OptionCheck = (value: unknown) => string | undefined;

/** The keys a call takes and the check of each; `undefined` values are always accepted. */
export type OptionSpec = Readonly<Record<string, OptionCheck>>;

/** An `AbortSignal` (by shape, so one from another realm or a polyfill is accepted). */
export function isAbortSignal(value: unknown): value is AbortSignal {
  if (value === null || typeof value !== 'object') return false;
  const s = value as { aborted?: unknown; addEventListener?: unknown; removeEventListener?: unknown };
  return (
    typeof s.aborted === 'boolean' &&
    typeof s.addEventListener === 'function' &&
    typeof s.removeEventListener === 'function'
  );
}

export const signalOption: OptionCheck = (v) => (isAbortSignal(v) ? undefined : 'an AbortSignal');
export const booleanOption: OptionCheck = (v) => (typeof v === 'boolean' ? undefined : 'true or false');
export const stringOption: OptionCheck = (v) => (typeof v === 'string' ? undefined : 'a string');
export const functionOption: OptionCheck = (v) => (typeof v === 'function' ? undefined : 'a function');
export const objectOption: OptionCheck = (v) =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? undefined : 'an object';
export const positiveIntOption: OptionCheck = (v) =>
  Number.isSafeInteger(v) && (v as number) >= 1 ? undefined : 'a positive integer';
const nonNegativeInt = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0;

/** An iterable that is not a string (`['title', 'studio.name']`, a `Set`); the parser checks each spec. */
export const fieldsOption: OptionCheck = (v) => {
  const what = "an array of field specs such as ['title', 'studio.name']";
  if (typeof v === 'string' || v === null || typeof v !== 'object') return what;
  return typeof (v as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function' ? undefined : what;
};

const RETRY_KEYS = ['retries', 'baseDelayMs', 'maxDelayMs'];

/** `false`, a retry count, or `{ retries, baseDelayMs, maxDelayMs }` (integers >= 0). */
export const retryOption: OptionCheck = (v) => {
  const what = 'false, a retry count (an integer >= 0) or { retries, baseDelayMs, maxDelayMs }';
  if (v === false) return undefined;
  if (typeof v === 'number') return nonNegativeInt(v) ? undefined : what;
  if (!isPlainObject(v)) return what;
  for (const key of Object.keys(v)) {
    if (!RETRY_KEYS.includes(key)) return `${what}; unknown key ${show(key)}`;
    if (v[key] !== undefined && !nonNegativeInt(v[key])) return `${what}; ${key} must be an integer >= 0`;
  }
  return undefined;
};

/** One of `members`. */
export function oneOf(...members: readonly unknown[]): OptionCheck {
  return (v) => (members.includes(v) ? undefined : `one of ${members.map((m) => show(m)).join(', ')}`);
}

/** Checks `options` against `spec`; `where` names the module and call (`StashEntityStore.get`). */
export function checkOptions(options: unknown, spec: OptionSpec, where: string): void {
  if (options === undefined) return;
  if (!isPlainObject(options)) {
    throw new StashValidationError(`${where}: options must be an object, got ${show(options)}`);
  }
  for (const key of Object.keys(options)) {
    const check = Object.hasOwn(spec, key) ? spec[key] : undefined;
    if (check === undefined) {
      throw new StashValidationError(
        `${where}: unknown option ${show(key)} (options: ${Object.keys(spec).join(', ')})`,
      );
    }
    const value = options[key];
    if (value === undefined) continue;
    const problem = check(value);
    if (problem !== undefined) {
      throw new StashValidationError(`${where}: ${key} must be ${problem}, got ${show(value)}`);
    }
  }
}
