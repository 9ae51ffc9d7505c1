/** Catalog: the other public calls (cache queries, cache control, ingest, drafts, deletes, live). */
import type { BadInput, Seeded } from './harness';

const never = (v: unknown) => v as never;

/** `[name, the call, texts the message names]`. */
const CASES: readonly (readonly [string, (t: Seeded) => unknown, string | readonly string[]])[] = [
  // Cache queries: predicates and required specs (checked even when nothing is cached).
  ['filter(Scene, 5)', (t) => t.store.filter('Scene', never(5)), ['predicate must be a function', '5']],
  [
    'filterStrict(Scene, 5, fn)',
    (t) => t.store.filterStrict('Scene', never(5), () => true),
    ['required must be', '5'],
  ],
  [
    'filterStrict(Scene, [nope], fn)',
    (t) => t.store.filterStrict('Scene', ['nope'], () => true),
    'no field "nope"',
  ],
  [
    'filterStrict(Group, [titel], fn) on an empty type',
    (t) => t.store.filterStrict('Group', ['titel'], () => true),
    'no field "titel"',
  ],
  [
    'filterStrict(Scene, [title], "x")',
    (t) => t.store.filterStrict('Scene', ['title'], never('x')),
    ['predicate must be a function', '"x"'],
  ],
  [
    'filterAndPopulate(Scene, [nope], fn)',
    (t) => t.store.filterAndPopulate('Scene', ['nope'], () => true),
    'no field "nope"',
  ],
  [
    'filterAndPopulate(Scene, [title], null)',
    (t) => t.store.filterAndPopulate('Scene', ['title'], never(null)),
    ['predicate must be a function', 'null'],
  ],
  [
    'filterAndPopulateWithStats(Scene, {}, fn)',
    (t) => t.store.filterAndPopulateWithStats('Scene', never({}), () => true),
    ['required must be', '{}'],
  ],
  [
    'populatedFilterIter(Scene, [nope], fn)',
    (t) => t.store.populatedFilterIter('Scene', ['nope'], () => true),
    'no field "nope"',
  ],
  [
    'populatedFilterIter(Scene, [title], 1)',
    (t) => t.store.populatedFilterIter('Scene', ['title'], never(1)),
    ['predicate must be a function', '1'],
  ],
  ['hasFields(scene, nope)', (t) => t.store.hasFields(t.scene, 'nope'), 'no field "nope"'],
  ['missingFields(scene, 5)', (t) => t.store.missingFields(t.scene, never(5)), ['non-empty strings', '5']],
  [
    'missingReceived(scene, "studio..name")',
    (t) => t.store.missingReceived(t.scene, 'studio..name'),
    'studio..name',
  ],
  ['field(scene, nope)', (t) => t.store.field(t.scene, 'nope'), 'no field "nope"'],
  [
    'field(studio, scene_count, 5)',
    (t) => t.store.field(t.studio, 'scene_count', never(5)),
    ['args must be an object', '5'],
  ],
  [
    'receivedFields({ id: 1 })',
    (t) => t.store.receivedFields(never({ id: 1 })),
    ['entity snapshot', '{"id":1}'],
  ],
  ['getCached(Nope, 1)', (t) => t.store.getCached(never('Nope'), '1'), '"Nope"'],
  ['peek(Scene, abc)', (t) => t.store.peek('Scene', 'abc'), '"abc"'],
  ['allCached(5)', (t) => t.store.allCached(never(5)), 'typename must be a string'],
  ['isCached(Scen, 1)', (t) => t.store.isCached(never('Scen'), '1'), '"Scen"'],
  // Cache control and TTLs.
  ['setTtl(Scene, -1)', (t) => t.store.setTtl('Scene', -1), ['TTL of Scene', '-1']],
  ['setTtl(Scene, "60")', (t) => t.store.setTtl('Scene', never('60')), ['TTL of Scene', '60']],
  ['setTtl(Scene, NaN)', (t) => t.store.setTtl('Scene', NaN), ['TTL of Scene', 'NaN']],
  ['setTtl(Scen, 5)', (t) => t.store.setTtl('Scen', 5), '"Scen"'],
  ['resetTtl(Nope)', (t) => t.store.resetTtl('Nope'), '"Nope"'],
  ['invalidateType(Nope)', (t) => t.store.invalidateType('Nope'), '"Nope"'],
  ['listEpoch(Nope)', (t) => t.store.listEpoch('Nope'), '"Nope"'],
  ['batch(5)', (t) => t.store.batch(never(5)), ['batch: takes a function', '5']],
  ['subscribe(5)', (t) => t.store.subscribe(never(5)), 'subscribe(listener)'],
  ['subscribe(Scene, "x")', (t) => t.store.subscribe('Scene', never('x')), 'subscribe(listener)'],
  ['subscribe(Nope, fn)', (t) => t.store.subscribe('Nope', () => {}), '"Nope"'],
  ['markDeleted(Scene, x)', (t) => t.store.markDeleted('Scene', 'x'), '"x"'],
  ['rekey(Scene, 1, x)', (t) => t.store.rekey('Scene', '1', 'x'), '"x"'],
  // Ingest.
  ['ingest(Scene, "x")', (t) => t.store.ingest('Scene', never('x')), ['takes objects', '"x"']],
  ['ingest(Scene, null)', (t) => t.store.ingest('Scene', never(null)), ['takes objects', 'null']],
  [
    'ingest(Scene, [ok, 5])',
    (t) => t.store.ingest('Scene', never([{ __typename: 'Scene', id: '9' }, 5])),
    ['takes objects', '5'],
  ],
  [
    'ingest(Scene, a Tag)',
    (t) => t.store.ingest('Scene', { __typename: 'Tag', id: '9' }),
    ['a Tag where a Scene'],
  ],
  [
    'ingest(Scene, { nope })',
    (t) => t.store.ingest('Scene', { __typename: 'Scene', id: '9', nope: 1 }),
    'no field "nope"',
  ],
  [
    'ingest(Scene, { title: 5 })',
    (t) => t.store.ingest('Scene', { __typename: 'Scene', id: '9', title: 5 }),
    ['expected a String', 'ingest(Scene).title'],
  ],
  [
    'ingest(Scene, { studio: "2" })',
    (t) => t.store.ingest('Scene', { __typename: 'Scene', id: '9', studio: '2' }),
    'studio',
  ],
  [
    'ingest(Scene, { rating100: "5" })',
    (t) => t.store.ingest('Scene', { __typename: 'Scene', id: '9', rating100: '5' }),
    'rating100',
  ],
  ['ingest(Nope, {})', (t) => t.store.ingest(never('Nope'), { id: '9' }), '"Nope"'],
  // Drafts and deletes.
  ['create(Nope)', (t) => t.store.create(never('Nope')), '"Nope"'],
  ['create(Tag, "x")', (t) => t.store.create('Tag', never('x')), 'create() data must be an object'],
  ['create(Tag, { nope })', (t) => t.store.create('Tag', never({ name: 'n', nope: 1 })), 'nope'],
  ['add({})', (t) => t.store.add(never({})), 'add() takes a draft'],
  ['discard({})', (t) => t.store.discard(never({})), 'discard() takes a draft'],
  ['save(scene snapshot)', (t) => t.store.save(never(t.scene)), 'save() takes a draft'],
  ['saveBatch("x")', (t) => t.store.saveBatch(never('x')), 'saveBatch() takes an array'],
  ['saveBatch([draft, {}])', (t) => t.store.saveBatch(never([t.sceneDraft, {}])), 'saveBatch'],
  ['delete(scene, "x")', (t) => t.store.delete(t.scene, never('x')), ['options must be an object', '"x"']],
  [
    'delete(scene, { nope })',
    (t) => t.store.delete(t.scene, { nope: true }),
    ['has no option "nope"', 'delete_file'],
  ],
  [
    'delete(scene, { delete_file: "yes" })',
    (t) => t.store.delete(t.scene, { delete_file: 'yes' }),
    ['delete_file must be a boolean', '"yes"'],
  ],
  [
    'delete({ Tag without id })',
    (t) => t.store.delete(never({ __typename: 'Tag' })),
    ['needs an entity snapshot', '{"__typename":"Tag"}'],
  ],
  ['getOrCreate(Tag, {})', (t) => t.store.getOrCreate('Tag', never({})), 'non-empty search object'],
  ['getOrCreate(Nope, { name })', (t) => t.store.getOrCreate(never('Nope'), never({ name: 'x' })), '"Nope"'],
  ['getOrCreate(Tag, { nope })', (t) => t.store.getOrCreate('Tag', never({ nope: 'x' })), 'nope'],
  [
    'edit(a Tag without id)',
    (t) => t.store.edit(never({ __typename: 'Tag' })),
    ['needs an entity snapshot', '{"__typename":"Tag"}'],
  ],
  ['edit(5)', (t) => t.store.edit(never(5)), ['entity snapshot', '5']],
  // Live events.
  [
    'connectLive({ nope })',
    (t) => t.store.connectLive(never({ nope: 1 })),
    ['connectLive: unknown option "nope"', 'webSocketImpl'],
  ],
  ['connectLive({ apiKey: "a b" })', (t) => t.store.connectLive({ apiKey: 'a b' }), ['apiKey has a space']],
  [
    'connectLive({ rules: {} })',
    (t) => t.store.connectLive(never({ rules: {} })),
    ['rules must be an array', '{}'],
  ],
  [
    'connectLive({ resyncOnReconnect: 1 })',
    (t) => t.store.connectLive(never({ resyncOnReconnect: 1 })),
    ['resyncOnReconnect must be true or false', '1'],
  ],
];

export const CALL_CASES: BadInput[] = CASES.map(([name, run, names]) => ({ name, run, names }));
