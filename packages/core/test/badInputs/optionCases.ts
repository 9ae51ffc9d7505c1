/** Catalog: option bags of every store call, and `createStashStore`'s options. */
import { createStashStore } from '../../src/index';
import type { BadInput, Seeded } from './harness';

type Call = (t: Seeded, options: unknown) => unknown;

/** Every call that takes an option bag, by name. */
const CALLS: Record<string, Call> = {
  get: (t, o) => t.store.get('Scene', '1', o as never),
  getMany: (t, o) => t.store.getMany('Scene', ['1', '2'], o as never),
  populate: (t, o) => t.store.populate(t.scene, ['title'], o as never),
  find: (t, o) => t.store.find('Scene', {}, o as never),
  findOne: (t, o) => t.store.findOne('Scene', {}, o as never),
  findIter: (t, o) => t.store.findIter('Scene', {}, o as never),
  findPage: (t, o) => t.store.findPage('Scene', {}, o as never),
  save: (t, o) => t.store.save(t.sceneDraft as never, o as never),
  saveBatch: (t, o) => t.store.saveBatch([t.sceneDraft as never], o as never),
  saveAll: (t, o) => t.store.saveAll(o as never),
  delete: (t, o) => t.store.delete(t.tag, undefined, o as never),
  getOrCreate: (t, o) => t.store.getOrCreate('Tag', { name: 'new' }, o as never),
  filterAndPopulate: (t, o) => t.store.filterAndPopulate('Scene', ['title'], () => true, o as never),
  populatedFilterIter: (t, o) => t.store.populatedFilterIter('Scene', ['title'], () => true, o as never),
};

const FETCHING = ['get', 'getMany', 'populate', 'find', 'findOne', 'findIter', 'findPage'];
const SIGNALLED = [...FETCHING, 'save', 'saveBatch', 'saveAll', 'delete'];

/** `[call, options, texts the message names]`. */
const BAD_OPTIONS: readonly (readonly [string, unknown, string | readonly string[]])[] = [
  // `signal` that is not an AbortSignal: refused before the read is queued.
  ...SIGNALLED.map((call) => [call, { signal: {} }, [`${call}: signal`, 'an AbortSignal', '{}']] as const),
  ['get', { signal: 'abort' }, ['an AbortSignal', '"abort"']],
  ['get', { signal: { aborted: false } }, ['an AbortSignal', '{"aborted":false}']],
  ['find', { signal: true }, ['an AbortSignal', 'true']],
  // Unknown keys (typos, options of another call).
  ['get', { forceRefech: true }, ['unknown option "forceRefech"', 'forceRefetch']],
  ['getMany', { feilds: ['title'] }, 'unknown option "feilds"'],
  ['populate', { fields: ['title'] }, 'unknown option "fields"'],
  ['find', { page: 2 }, 'unknown option "page"'],
  ['find', { perPage: 10 }, 'unknown option "perPage"'],
  ['find', { filter: {} }, 'unknown option "filter"'],
  ['findOne', { limit: 1 }, 'unknown option "limit"'],
  ['findIter', { perPage: 10 }, 'unknown option "perPage"'],
  ['findPage', { batch: 10 }, 'unknown option "batch"'],
  ['save', { retry: 2 }, 'unknown option "retry"'],
  ['saveBatch', { force: true }, 'unknown option "force"'],
  ['saveAll', { only: [] }, 'unknown option "only"'],
  ['delete', { delete_file: true }, 'unknown option "delete_file"'],
  ['getOrCreate', { create: false }, 'unknown option "create"'],
  ['filterAndPopulate', { batch: 5 }, 'unknown option "batch"'],
  ['populatedFilterIter', { batchSize: 5 }, 'unknown option "batchSize"'],
  ['get', JSON.parse('{"__proto__": {"forceRefetch": true}}'), 'unknown option "__proto__"'],
  ['find', JSON.parse('{"constructor": 1}'), 'unknown option "constructor"'],
  // The bag itself.
  ...FETCHING.map((call) => [call, 'title', ['options must be an object', '"title"']] as const),
  ['get', ['title'], ['options must be an object', '["title"]']],
  ['save', null, ['options must be an object', 'null']],
  ['delete', 5, ['options must be an object', '5']],
  // Wrongly typed values.
  ['get', { forceRefetch: 'yes' }, ['forceRefetch must be true or false', '"yes"']],
  ['populate', { forceRefetch: 1 }, ['forceRefetch must be true or false', '1']],
  ...FETCHING.map((call) => [call, { retry: -1 }, [`${call}: retry must be`, '-1']] as const),
  ['get', { retry: 1.5 }, ['retry must be', '1.5']],
  ['get', { retry: true }, ['retry must be', 'true']],
  ['get', { retry: 'never' }, ['retry must be', '"never"']],
  ['get', { retry: { retries: -1 } }, ['retries must be an integer >= 0', '{"retries":-1}']],
  ['get', { retry: { tries: 3 } }, ['unknown key "tries"', '{"tries":3}']],
  ['find', { retry: { baseDelayMs: 'fast' } }, ['baseDelayMs must be an integer >= 0']],
  ['get', { fields: 'title' }, ['fields must be an array', '"title"']],
  ['getMany', { fields: 5 }, ['fields must be an array', '5']],
  ['findOne', { fields: {} }, ['fields must be an array', '{}']],
  ['findPage', { fields: 'title' }, ['fields must be an array', '"title"']],
  ['find', { q: 5 }, ['q must be a string', '5']],
  ['find', { sort: ['title'] }, ['sort must be a string', '["title"]']],
  ['find', { direction: 'UP' }, ['direction must be one of', '"UP"']],
  ['findOne', { direction: 1 }, ['direction must be one of', '1']],
  ['findIter', { batch: 0 }, ['batch must be a positive integer', '0']],
  ['findIter', { batch: 2.5 }, ['batch must be a positive integer', '2.5']],
  ['findIter', { batch: '40' }, ['batch must be a positive integer', '"40"']],
  ['findPage', { page: '2' }, ['page must be an integer', '"2"']],
  ['findPage', { page: 0 }, ['page', '0']],
  ['findPage', { perPage: 1001 }, ['perPage', '1001']],
  ['findPage', { perPage: 1.5 }, ['perPage must be an integer', '1.5']],
  ['getOrCreate', { createIfMissing: 'no' }, ['createIfMissing must be true or false', '"no"']],
  ['getOrCreate', { values: 'x' }, ['values must be an object', '"x"']],
  ['filterAndPopulate', { batchSize: 0 }, ['batchSize must be a positive integer', '0']],
  ['populatedFilterIter', { populateBatch: -1 }, ['populateBatch must be a positive integer', '-1']],
  ['populatedFilterIter', { yieldBatch: 'x' }, ['yieldBatch must be a positive integer', '"x"']],
];

const URL = 'http://127.0.0.1:9/graphql';
const make = (options: unknown) => () => createStashStore(options as never);

/** `createStashStore` options: the key, the url, the store's options. Messages never show the key. */
const BAD_STORES: readonly (readonly [string, () => unknown, string | readonly string[]])[] = [
  [
    'apiKey with a newline',
    make({ url: URL, apiKey: 'key\nX-Evil: 1' }),
    ['apiKey', 'control character', 'U+000A'],
  ],
  ['apiKey with NUL', make({ url: URL, apiKey: 'key\u0000' }), ['apiKey', 'U+0000']],
  ['apiKey with DEL', make({ url: URL, apiKey: 'key\u007f' }), ['apiKey', 'U+007F']],
  ['apiKey with a tab', make({ url: URL, apiKey: 'k\tey' }), ['apiKey', 'U+0009']],
  ['apiKey with a leading space', make({ url: URL, apiKey: ' key' }), ['apiKey', 'a space', 'position 0']],
  ['apiKey with non-ASCII', make({ url: URL, apiKey: 'clé' }), ['apiKey', 'non-ASCII', 'U+00E9']],
  ['apiKey empty', make({ url: URL, apiKey: '' }), ['apiKey is empty', 'Settings > Security > API Key']],
  ['apiKey a number', make({ url: URL, apiKey: 12345 }), ['apiKey must be a string', 'number']],
  ['apiKey null', make({ url: URL, apiKey: null }), ['apiKey must be a string', 'got null']],
  ['apiKey an object', make({ url: URL, apiKey: { key: 'k' } }), 'apiKey must be a string'],
  ['?apikey= with a newline', make({ url: `${URL}?apikey=a%0Ab` }), ['?apikey=', 'U+000A']],
  ['?apikey= other than apiKey', make({ url: `${URL}?apikey=one`, apiKey: 'two' }), 'other than the apiKey'],
  ['url without scheme', make({ url: '127.0.0.1:9999/graphql' }), ['absolute http(s) URL', '127.0.0.1:9999']],
  ['url ftp', make({ url: 'ftp://host/graphql' }), ['absolute http(s) URL', 'ftp://host/graphql']],
  ['url empty', make({ url: '' }), ['absolute http(s) URL', '""']],
  ['url a number', make({ url: 9999 }), ['url must be a string', '9999']],
  ['url missing', make({ apiKey: 'k' }), ['absolute http(s) URL', 'undefined']],
  ['url unparsable', make({ url: 'http://[::1/graphql' }), ['absolute http(s) URL', 'http://[::1/graphql']],
  ['url with credentials', make({ url: 'http://me:pw@host/graphql' }), 'must not carry credentials'],
  ['no options', make(undefined), 'options { url } are required'],
  ['options a string', make(URL), ['options must be an object', URL]],
  ['unknown option apikey', make({ url: URL, apikey: 'k' }), ['unknown option "apikey"', 'apiKey']],
  ['unknown option ttl', make({ url: URL, ttl: 60 }), ['unknown option "ttl"', 'defaultTtl']],
  ['unknown option retries', make({ url: URL, retries: 3 }), 'unknown option "retries"'],
  ['defaultTtl negative', make({ url: URL, defaultTtl: -1 }), ['defaultTtl must be', '-1']],
  ['defaultTtl NaN', make({ url: URL, defaultTtl: NaN }), ['defaultTtl must be', 'NaN']],
  ['defaultTtl a string', make({ url: URL, defaultTtl: '60' }), ['defaultTtl must be', '"60"']],
  ['retry negative', make({ url: URL, retry: -2 }), ['retry must be', '-2']],
  ['retry a string', make({ url: URL, retry: 'always' }), ['retry must be', '"always"']],
  ['retry with maxDelayMs -1', make({ url: URL, retry: { maxDelayMs: -1 } }), 'maxDelayMs must be'],
  ['freeze a string', make({ url: URL, freeze: 'yes' }), ['freeze must be true or false', '"yes"']],
  ['now a number', make({ url: URL, now: 5 }), ['now must be a function', '5']],
  ['timers.tick a number', make({ url: URL, timers: { tick: 1 } }), ['timers must be', 'tick']],
  ['timers with an unknown key', make({ url: URL, timers: { sleep: () => {} } }), 'unknown key "sleep"'],
  ['fetch a string', make({ url: URL, fetch: 'fetch' }), ['fetch must be a function', '"fetch"']],
  ['headers with a number', make({ url: URL, headers: { 'X-A': 1 } }), ['headers must be', '"X-A"']],
  [
    'headers with a newline',
    make({ url: URL, headers: { 'X-A': 'a\nb' } }),
    ['"X-A" has a control character'],
  ],
  ['headers an array', make({ url: URL, headers: [['X-A', 'a']] }), 'headers must be'],
  ['model a string', make({ url: URL, model: 'stash' }), ['model must be an object', '"stash"']],
];

export const OPTION_CASES: BadInput[] = [
  ...BAD_OPTIONS.map(([call, options, names]): BadInput => ({
    name: `${call}(…, ${JSON.stringify(options) ?? String(options)})`,
    run: (t) => CALLS[call](t, options),
    names,
  })),
  ...BAD_STORES.map(([name, run, names]): BadInput => ({ name: `createStashStore: ${name}`, run, names })),
];
