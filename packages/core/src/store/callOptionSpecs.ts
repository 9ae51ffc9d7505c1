/** The option keys of every public store call and the type of each (see `validate/callOptions.ts`). */
import {
  booleanOption,
  fieldsOption,
  functionOption,
  objectOption,
  oneOf,
  positiveIntOption,
  retryOption,
  signalOption,
  stringOption,
  type OptionCheck,
  type OptionSpec,
} from '../validate/callOptions';

const fetchOptions = { forceRefetch: booleanOption, signal: signalOption, retry: retryOption };
const direction = /*#__PURE__*/ oneOf('ASC', 'DESC', 'asc', 'desc');
const findOptions = {
  q: stringOption,
  sort: stringOption,
  direction,
  fields: fieldsOption,
  signal: signalOption,
  retry: retryOption,
};
const integer: OptionCheck = (v) => (Number.isSafeInteger(v) ? undefined : 'an integer');

// Spreads are kept by bundlers (a getter could run): `joined` is pure, so unused specs drop out.
const joined = (...parts: OptionSpec[]): OptionSpec => Object.assign({}, ...parts);

export const READ_OPTIONS: OptionSpec = /*#__PURE__*/ joined({ fields: fieldsOption }, fetchOptions);
export const POPULATE_OPTIONS: OptionSpec = fetchOptions;
export const FIND_OPTIONS: OptionSpec = findOptions;
export const FIND_ITER_OPTIONS: OptionSpec = /*#__PURE__*/ joined(findOptions, { batch: positiveIntOption });
export const FIND_PAGE_OPTIONS: OptionSpec = /*#__PURE__*/ joined(findOptions, {
  page: integer,
  perPage: integer,
});
export const WRITE_OPTIONS: OptionSpec = { signal: signalOption };
export const GET_OR_CREATE_OPTIONS: OptionSpec = { createIfMissing: booleanOption, values: objectOption };
export const FILTER_POPULATE_OPTIONS: OptionSpec = { batchSize: positiveIntOption };
export const FILTER_ITER_OPTIONS: OptionSpec = {
  populateBatch: positiveIntOption,
  yieldBatch: positiveIntOption,
};

const ttlOption: OptionCheck = (v) =>
  v === null || (typeof v === 'number' && v >= 0)
    ? undefined
    : 'a number of seconds >= 0, or null (never stale)';

/** `connectLive` options (the key is checked by `checkApiKey`, which never shows it). */
export const LIVE_OPTIONS: OptionSpec = {
  url: stringOption,
  apiKey: () => undefined,
  webSocketImpl: () => undefined,
  rules: (v) => (Array.isArray(v) ? undefined : 'an array of job rules'),
  backoff: objectOption,
  resyncOnReconnect: booleanOption,
};

/** `createStashStore` / `new StashEntityStore` options (the client's are checked by the client). */
export const STORE_OPTIONS: OptionSpec = {
  model: objectOption,
  defaultTtl: ttlOption,
  now: functionOption,
  timers: (v) => {
    const what = 'an object of { now, tick, delay } functions';
    if (objectOption(v) !== undefined) return what;
    const timers = v as Record<string, unknown>;
    for (const key of Object.keys(timers)) {
      if (!['now', 'tick', 'delay'].includes(key)) return `${what}; unknown key "${key}"`;
      if (timers[key] !== undefined && typeof timers[key] !== 'function') return `${what}; ${key} is not one`;
    }
    return undefined;
  },
  retry: retryOption,
  source: objectOption,
  freeze: booleanOption,
};

/** The option specs of the store's calls, for bindings whose options pass through to them (hooks). */
export const CALL_OPTIONS = {
  read: READ_OPTIONS,
  populate: POPULATE_OPTIONS,
  find: FIND_OPTIONS,
  findIter: FIND_ITER_OPTIONS,
  findPage: FIND_PAGE_OPTIONS,
  write: WRITE_OPTIONS,
  getOrCreate: GET_OR_CREATE_OPTIONS,
} as const;
