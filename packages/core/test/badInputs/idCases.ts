/** Catalog: malformed ids at every place an id enters the store. */
import type { BadInput } from './harness';

/** `[value, text the message shows]`. */
export const BAD_IDS: readonly (readonly [unknown, string])[] = [
  ['abc', '"abc"'],
  ['1"', '"1\\""'],
  ['1\n2', '"1\\n2"'],
  ['../1', '"../1"'],
  [' 1', '" 1"'],
  ['1 ', '"1 "'],
  ['01', '"01"'],
  ['+1', '"+1"'],
  ['-1', '"-1"'],
  ['1.0', '"1.0"'],
  ['1e3', '"1e3"'],
  ['', '""'],
  ['12345678901234567890', '"12345678901234567890"'],
  ['9223372036854775808', '"9223372036854775808"'],
  ['7'.repeat(100_000), '"7777777777'],
  ['١٢', '"١٢"'],
  ['１２', '"１２"'],
  ['tmp:', '"tmp:"'],
  ['tmp:x', '"tmp:x"'],
  [12n, '12n'],
  [NaN, 'NaN'],
  [null, 'null'],
  [undefined, 'undefined'],
  [{}, '{}'],
  [['1'], '["1"]'],
  [true, 'true'],
  [12, '"12"'],
];

/** A representative subset for the entry points other than `get`. */
const SOME = BAD_IDS.filter((_, i) => [0, 2, 4, 6, 12, 14, 15, 19].includes(i));
const SOME_STRINGS = SOME.filter(([v]) => typeof v === 'string');

const entity = (typename: string, id: unknown) => ({ __typename: typename, id }) as never;

export const ID_CASES: BadInput[] = [
  ...BAD_IDS.map(([id, shown]): BadInput => ({
    name: `get(Scene, ${shown.slice(0, 20)})`,
    run: (t) => t.store.get('Scene', id as string, { fields: ['title'] }),
    names: shown,
  })),
  ...SOME.map(([id, shown]): BadInput => ({
    name: `getMany(Scene, [1, ${shown.slice(0, 20)}])`,
    run: (t) => t.store.getMany('Scene', ['1', id as string]),
    names: shown,
  })),
  ...SOME.map(([id, shown]): BadInput => ({
    name: `populate({ Scene, id: ${shown.slice(0, 20)} })`,
    run: (t) => t.store.populate(entity('Scene', id), ['title'] as never),
    names: shown,
  })),
  ...SOME.map(([id, shown]): BadInput => ({
    name: `edit({ Scene, id: ${shown.slice(0, 20)} })`,
    run: (t) => t.store.edit(entity('Scene', id)),
    names: shown,
  })),
  ...SOME.map(([id, shown]): BadInput => ({
    name: `delete({ Tag, id: ${shown.slice(0, 20)} })`,
    run: (t) => t.store.delete(entity('Tag', id)),
    names: shown,
  })),
  ...SOME.map(([id, shown]): BadInput => ({
    name: `draft.studio = { id: ${shown.slice(0, 20)} }`,
    run: (t) => {
      t.sceneDraft.studio = { id };
    },
    names: shown,
  })),
  ...SOME.map(([id, shown]): BadInput => ({
    name: `draft.tags = [tag, { id: ${shown.slice(0, 20)} }]`,
    run: (t) => {
      t.sceneDraft.tags = [t.tag, { id }];
    },
    names: shown,
  })),
  ...SOME_STRINGS.map(([id, shown]): BadInput => ({
    name: `find(Scene, { tags__includes: [${shown.slice(0, 20)}] })`,
    run: (t) => t.store.find('Scene', { tags__includes: ['3', id as string] }),
    names: shown,
  })),
  ...SOME_STRINGS.map(([id, shown]): BadInput => ({
    name: `find(Scene, { studios: ${shown.slice(0, 20)} })`,
    run: (t) => t.store.find('Scene', { studios: id as string }),
    names: shown,
  })),
  ...SOME.map(([id, shown]): BadInput => ({
    name: `ingest(Tag, { id: ${shown.slice(0, 20)} })`,
    run: (t) => t.store.ingest('Tag', { __typename: 'Tag', id, name: 'x' }),
    names: id === null || id === undefined ? 'without an id' : shown,
  })),
  {
    name: 'ingest(Tag, [good, { id: NaN }]) writes neither',
    run: (t) => t.store.ingest('Tag', [{ __typename: 'Tag', id: '30', name: 'x' }, { id: NaN }]),
    names: 'NaN',
  },
  {
    name: "ingest(Tag, { id: '' })",
    run: (t) => t.store.ingest('Tag', { id: '' }),
    names: '""',
  },
  {
    name: 'addImages([{ id: "1\\n2" }])',
    run: (t) => (t.galleryDraft.addImages as (i: unknown) => void)([{ id: '1\n2' }]),
    names: '"1\\n2"',
  },
  {
    name: 'setCover({ id: "abc" })',
    run: (t) => (t.galleryDraft.setCover as (i: unknown) => void)({ id: 'abc' }),
    names: '"abc"',
  },
  {
    name: "get(Scene, 'tmp:1') (a temporary id cannot be fetched)",
    run: (t) => t.store.get('Scene', 'tmp:1', { fields: ['title'] }),
    names: 'tmp:1',
  },
  {
    name: 'getMany(Scene, "1") (not an array)',
    run: (t) => t.store.getMany('Scene', '1' as never),
    names: 'array',
  },
  {
    name: 'subscribe(Scene, "x", fn)',
    run: (t) => t.store.subscribe('Scene', 'x', () => {}),
    names: '"x"',
  },
  {
    name: 'invalidate(Scene, " 1")',
    run: (t) => t.store.invalidate('Scene', ' 1'),
    names: '" 1"',
  },
  {
    name: 'evict(Scene, "01")',
    run: (t) => t.store.evict('Scene', '01'),
    names: '"01"',
  },
  {
    name: 'rekey(Scene, "1", "x")',
    run: (t) => t.store.rekey('Scene', '1', 'x'),
    names: '"x"',
  },
];
