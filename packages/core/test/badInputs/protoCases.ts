/** Catalog: `Object.prototype` keys where user keys meet schema tables, and Stash renames. */
import type { BadInput } from './harness';

const PROTO_KEYS = ['constructor', 'toString', 'hasOwnProperty', 'valueOf', '__proto__', 'isPrototypeOf'];

export const PROTO_CASES: BadInput[] = [
  ...PROTO_KEYS.map((key): BadInput => ({
    name: `find(Scene, { ${key}: 1 })`,
    run: (t) => t.store.find('Scene', JSON.parse(`{"${key}": 1}`) as never),
    names: `"${key}"`,
  })),
  ...PROTO_KEYS.map((key): BadInput => ({
    name: `find(Scene, { ${key}__gte: 1 })`,
    run: (t) => t.store.find('Scene', JSON.parse(`{"${key}__gte": 1}`) as never),
    names: `"${key}__gte"`,
  })),
  ...PROTO_KEYS.map((key): BadInput => ({
    name: `find(Scene, { title: { value: "a", modifier: "EQUALS", ${key}: 1 } })`,
    run: (t) =>
      t.store.find('Scene', {
        title: JSON.parse(`{"value": "a", "modifier": "EQUALS", "${key}": 1}`) as never,
      }),
    names: `"${key}"`,
  })),
  ...PROTO_KEYS.map((key): BadInput => ({
    name: `delete(tag, { ${key}: {...} })`,
    run: (t) => t.store.delete(t.tag as never, JSON.parse(`{"${key}": {"delete_file": true}}`) as never),
    names: `"${key}"`,
  })),
  ...PROTO_KEYS.map((key): BadInput => ({
    name: `create(Tag, { name, ${key}: 1 })`,
    run: (t) => t.store.create('Tag', JSON.parse(`{"name": "n", "${key}": 1}`) as never),
    names: key,
  })),
  {
    name: 'find(Scene, { title__constructor: "a" }) (suffix)',
    run: (t) => t.store.find('Scene', { title__constructor: 'a' } as never),
    names: 'constructor',
  },
  {
    name: 'find(Scene, { resolution__toString: "FULL_HD" }) (suffix on an enum criterion)',
    run: (t) => t.store.find('Scene', { resolution__toString: 'FULL_HD' } as never),
    names: 'toString',
  },
  {
    name: 'find(Scene, {}, { sort: "constructor" })',
    run: (t) => t.store.find('Scene', {}, { sort: 'constructor' }),
    names: '"constructor"',
  },
  {
    name: 'find("constructor")',
    run: (t) => t.store.find('constructor' as never),
    names: '"constructor"',
  },
  {
    name: 'get("__proto__", "1")',
    run: (t) => t.store.get('__proto__' as never, '1'),
    names: '"__proto__"',
  },
  {
    name: 'rating__gte suggests rating100__gte',
    run: (t) => t.store.find('Scene', { rating__gte: 80 } as never),
    names: ['"rating__gte"', 'rating100__gte'],
  },
  {
    name: 'Performer rating__lte suggests rating100__lte',
    run: (t) => t.store.find('Performer', { rating__lte: 20 } as never),
    names: ['"rating__lte"', 'rating100__lte'],
  },
];

/** Stash's renames named in the message: filter keys, field specs and draft fields. */
export const RENAME_CASES: BadInput[] = [
  ['Studio', { rating__gte: 1 }, 'rating100__gte'],
  ['Gallery', { rating: 80 }, '"rating100"'],
  ['Scene', { movies_filter: { name: 'x' } }, 'groups_filter'],
  ['Scene', { ratng__gte: 80 }, ['"ratng__gte"', 'did you mean "rating100__gte"', 'Stash renamed "rating"']],
  ['Image', { ratin__lt: 20 }, ['"ratin__lt"', 'rating100__lt']],
].map(([type, filters, names]): BadInput => ({
  name: `find(${String(type)}, ${JSON.stringify(filters)}) names the rename`,
  run: (t) => t.store.find(type as never, filters as never),
  names: names as string | string[],
}));
RENAME_CASES.push(
  {
    name: 'get(Scene, fields: [rating]) names rating100',
    run: (t) => t.store.get('Scene', '1', { fields: ['rating'] as never }),
    names: ['no field "rating"', 'Stash renamed "rating" to "rating100"'],
  },
  {
    name: 'get(Scene, fields: [movies.name]) names groups',
    run: (t) => t.store.get('Scene', '1', { fields: ['movies.name'] as never }),
    names: ['no field "movies"', 'Stash renamed "movies" to "groups"'],
  },
  {
    name: 'draft.rating = 80 names rating100',
    run: (t) => {
      t.sceneDraft.rating = 80;
    },
    names: ['no field "rating"', 'rating100'],
  },
  {
    name: 'draft.movies = [] names groups',
    run: (t) => {
      t.sceneDraft.movies = [];
    },
    names: ['no field "movies"', '"groups"'],
  },
);
