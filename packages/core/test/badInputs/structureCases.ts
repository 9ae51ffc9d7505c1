/** Catalog: circular and absurdly deep objects in filters, draft values and ingested data. */
import type { BadInput, Seeded } from './harness';

type Obj = Record<string, unknown>;

/** `{ title: 'a', AND: <itself> }`. */
function selfAnd(): Obj {
  const f: Obj = { title: 'a' };
  f.AND = f;
  return f;
}

/** `{ OR: [{ title: 'a' }, <itself>] }`. */
function selfInList(): Obj {
  const f: Obj = {};
  f.OR = [{ title: 'a' }, f];
  return f;
}

/** `key: { key: { ... n levels ... { title: 'a' } } }`. */
function deep(key: string, n: number, leaf: unknown = { title: 'a' }): unknown {
  let v = leaf;
  for (let i = 0; i < n; i++) v = { [key]: v };
  return v;
}

/** `[[[[ ... n levels ... ]]]]`. */
function deepList(n: number, leaf: unknown): unknown {
  let v = leaf;
  for (let i = 0; i < n; i++) v = [v];
  return v;
}

function circular(extra: Obj = {}): Obj {
  const o: Obj = { ...extra };
  o.self = o;
  return o;
}

const CIRCULAR = 'circular reference';
const DEEP = 'nested more than 32 levels';

/** `[name, the call, texts the message names]`. */
const CASES: readonly (readonly [string, (t: Seeded) => unknown, string | readonly string[]])[] = [
  // Filters: every call that takes them.
  ['find(Scene, AND: itself)', (t) => t.store.find('Scene', selfAnd() as never), [CIRCULAR, '"AND"']],
  ['findOne(Scene, AND: itself)', (t) => t.store.findOne('Scene', selfAnd() as never), [CIRCULAR, '"AND"']],
  ['findIter(Scene, AND: itself)', (t) => t.store.findIter('Scene', selfAnd() as never), CIRCULAR],
  ['findPage(Scene, AND: itself)', (t) => t.store.findPage('Scene', selfAnd() as never), CIRCULAR],
  ['find(Scene, OR: [a, itself])', (t) => t.store.find('Scene', selfInList() as never), [CIRCULAR, '"OR.1"']],
  [
    'find(Scene, NOT: itself)',
    (t) => {
      const f: Obj = {};
      f.NOT = f;
      return t.store.find('Scene', f as never);
    },
    [CIRCULAR, '"NOT"'],
  ],
  [
    'find(Performer, scenes_filter: a cycle)',
    (t) => {
      const f: Obj = { name: 'x' };
      f.scenes_filter = { performers_filter: f };
      return t.store.find('Performer', f as never);
    },
    [CIRCULAR, '"scenes_filter.performers_filter"'],
  ],
  [
    'find(Scene, title: { value: a cycle })',
    (t) => t.store.find('Scene', { title: circular({ value: 'a' }) } as never),
    [CIRCULAR, '"title.self"'],
  ],
  [
    'find(Scene, tags__includes: [a cycle])',
    (t) => t.store.find('Scene', { tags__includes: [circular()] } as never),
    [CIRCULAR, '"tags__includes.0.self"'],
  ],
  [
    'find(Scene, custom_fields: [a cycle])',
    (t) => t.store.find('Scene', { custom_fields: [circular({ field: 'x' })] } as never),
    CIRCULAR,
  ],
  [
    'find(Scene, AND nested 10000 deep)',
    (t) => t.store.find('Scene', deep('AND', 10_000) as never),
    [DEEP, '"AND.AND.AND.....AND.AND.AND"'],
  ],
  ['find(Scene, AND nested 33 deep)', (t) => t.store.find('Scene', deep('AND', 33) as never), DEEP],
  [
    'find(Scene, OR lists nested 5000 deep)',
    (t) => t.store.find('Scene', { OR: deepList(5_000, { title: 'a' }) } as never),
    DEEP,
  ],
  ['find(Scene, NOT nested 2000 deep)', (t) => t.store.find('Scene', deep('NOT', 2_000) as never), DEEP],
  [
    'find(Studio, parents_filter nested 1000 deep)',
    (t) => t.store.find('Studio', deep('parent_studio_filter', 1_000, { name: 'a' }) as never),
    DEEP,
  ],
  [
    'getOrCreate(Tag, search: { name: a cycle })',
    (t) => t.store.getOrCreate('Tag', { name: circular() } as never),
    CIRCULAR,
  ],
  [
    'getOrCreate(Tag, values: a cycle)',
    (t) => t.store.getOrCreate('Tag', { name: 'x' }, { values: { description: circular() } } as never),
    CIRCULAR,
  ],
  // Draft values.
  [
    'draft.stash_ids = [a cycle]',
    (t) => {
      t.sceneDraft.stash_ids = [circular({ endpoint: 'e', stash_id: 's' })];
    },
    [CIRCULAR, 'Scene.stash_ids', '"0.self"'],
  ],
  [
    'draft.stash_ids = a list nested 1000 deep',
    (t) => {
      t.sceneDraft.stash_ids = deepList(1_000, { endpoint: 'e', stash_id: 's' });
    },
    [DEEP, 'Scene.stash_ids'],
  ],
  [
    'draft.urls = a list containing itself',
    (t) => {
      const urls: unknown[] = ['http://a'];
      urls.push(urls);
      t.sceneDraft.urls = urls;
    },
    [CIRCULAR, 'Scene.urls', '"1"'],
  ],
  [
    'draft.groups = [a cycle]',
    (t) => {
      t.sceneDraft.groups = [circular({ group: { id: '1' }, scene_index: 1 })];
    },
    [CIRCULAR, 'Scene.groups'],
  ],
  [
    'create(Tag, { aliases: a cycle })',
    (t) => {
      const aliases: unknown[] = ['a'];
      aliases.push(aliases);
      return t.store.create('Tag', { name: 'n', aliases } as never);
    },
    [CIRCULAR, 'Tag.aliases'],
  ],
  [
    'create(Performer, { stash_ids: deep })',
    (t) => t.store.create('Performer', { name: 'n', stash_ids: deepList(100, {}) } as never),
    [DEEP, 'Performer.stash_ids'],
  ],
  // Ingested data.
  [
    'ingest(Scene, a cycle)',
    (t) => t.store.ingest('Scene', circular({ __typename: 'Scene', id: '9' })),
    [CIRCULAR, 'ingest(Scene)', '"self"'],
  ],
  [
    'ingest(Scene, studio: a cycle)',
    (t) => {
      const studio: Obj = { __typename: 'Studio', id: '9' };
      studio.parent_studio = studio;
      return t.store.ingest('Scene', { __typename: 'Scene', id: '9', studio });
    },
    [CIRCULAR, '"studio.parent_studio"'],
  ],
  [
    'ingest(Scene, [itself])',
    (t) => {
      const list: unknown[] = [{ __typename: 'Scene', id: '9' }];
      list.push(list);
      return t.store.ingest('Scene', list as never);
    },
    [CIRCULAR, '"1"'],
  ],
  [
    'ingest(Studio, parent_studio nested 1000 deep)',
    (t) => t.store.ingest('Studio', deep('parent_studio', 1_000, { __typename: 'Studio', id: '8' }) as never),
    [DEEP, 'ingest(Studio)'],
  ],
  [
    'ingest(Scene, tags: a list nested deep)',
    (t) =>
      t.store.ingest('Scene', {
        __typename: 'Scene',
        id: '9',
        tags: deepList(40, { __typename: 'Tag', id: '3' }),
      }),
    [DEEP, '"tags.0.0.....0.0.0"'],
  ],
  [
    // A custom scalar (Map) is not walked by the schema check: the structure walk still sees it.
    'ingest(SavedFilter, object_filter: a cycle)',
    (t) => {
      const filter: Obj = { title: { value: 'x' } };
      filter.self = filter;
      return t.store.ingest('SavedFilter', { __typename: 'SavedFilter', id: '4', object_filter: filter });
    },
    [CIRCULAR, '"object_filter.self"'],
  ],
  [
    'ingest(SavedFilter, ui_options nested 100 deep)',
    (t) =>
      t.store.ingest('SavedFilter', {
        __typename: 'SavedFilter',
        id: '4',
        ui_options: deep('x', 100, {}),
      } as never),
    [DEEP, 'ingest(SavedFilter)'],
  ],
];

export const STRUCTURE_CASES: BadInput[] = CASES.map(([name, run, names]) => ({ name, run, names }));
