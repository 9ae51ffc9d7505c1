/**
 * The DSL against the mock Stash, over real HTTP.
 *
 * Property: for a random filter spec over Scene (and Performer) fields, `store.find(type, dsl)`
 * returns the same ids as the mock queried directly (`per_page: -1`) with an equivalent raw
 * filter that this test writes by hand from the same spec. The oracle never calls the compiler,
 * and where Stash offers a second way to say the same thing it uses that one:
 * - `iexact` → `EQUALS` (SQL LIKE folds ASCII case), `icontains` → `INCLUDES "quoted phrase"`;
 * - Int `gte`/`lte` → `BETWEEN v and 2^31-1` / `BETWEEN -2^31 and v`;
 * - Date `gte`/`lte` → `GREATER_THAN` the day before / `LESS_THAN` the day after;
 *   Timestamp the same with a second;
 * - Gender one value → `value_list: [v]`;
 * - every criterion on its own level, chained with AND (the compiler packs them);
 * - OR → a hand-written chain; OR with NOT → `¬(n ∨ ¬(a ∨ b))`.
 * Specs: a conjunction of atoms (fields may repeat), optionally an OR of 2-3 alternatives and a
 * NOT group (each with distinct fields), optionally a nested `performers_filter`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { startTestStash, type TestStash } from '@stashkit/testkit';
import { createStashStore } from '../src/index';

let stash: TestStash;

interface SceneRow {
  id: string;
  title: string | null;
  details: string | null;
  code: string | null;
  rating100: number | null;
  date: string | null;
  created_at: string;
}
interface PerformerRow {
  id: string;
  name: string;
  rating100: number | null;
  birthdate: string | null;
}
interface Data {
  scenes: SceneRow[];
  performers: PerformerRow[];
  tagIds: string[];
  studioIds: string[];
}
let data: Data;

async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch(stash.url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors) throw new Error(`mock answered: ${body.errors.map((e) => e.message).join('; ')}`);
  return body.data!;
}

beforeAll(async () => {
  stash = await startTestStash({ size: 300 });
  const d = await gql<{
    findScenes: { scenes: SceneRow[] };
    findPerformers: { performers: PerformerRow[] };
    findTags: { tags: { id: string }[] };
    findStudios: { studios: { id: string }[] };
  }>(`query Sample {
    findScenes(filter: { per_page: -1 }) { scenes { id title details code rating100 date created_at } }
    findPerformers(filter: { per_page: -1 }) { performers { id name rating100 birthdate } }
    findTags(filter: { per_page: -1 }) { tags { id } }
    findStudios(filter: { per_page: -1 }) { studios { id } }
  }`);
  data = {
    scenes: d.findScenes.scenes,
    performers: d.findPerformers.performers,
    tagIds: d.findTags.tags.map((t) => t.id),
    studioIds: d.findStudios.studios.map((s) => s.id),
  };
});

afterAll(async () => {
  await stash.close();
});

/** One spec atom: its DSL entry and the oracle's raw criterion for the same condition. */
interface Atom {
  field: string;
  dsl: [string, unknown];
  raw: unknown;
}

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;

/** Go regexp quoting, written independently of the compiler's. */
const esc = (s: string) => [...s].map((ch) => ('\\.+*?()|[]{}^$'.includes(ch) ? `\\${ch}` : ch)).join('');

const shiftDay = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const shiftSecond = (ts: string, seconds: number) =>
  new Date(Date.parse(ts) + seconds * 1000).toISOString().replace('.000Z', 'Z');

const recase = (s: string, mode: number) => (mode === 0 ? s : mode === 1 ? s.toLowerCase() : s.toUpperCase());

/** A piece of a real value (so matches happen), in random case, never blank or quoted. */
function textArb(values: readonly string[]): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...values), fc.nat(), fc.nat(), fc.nat({ max: 2 }))
    .map(([v, a, b, mode]) => {
      const start = a % v.length;
      const end = start + 1 + (b % Math.min(8, v.length - start));
      return recase(v.slice(start, end), mode);
    })
    .filter((t) => t.trim() !== '' && !/["%_\\]/.test(t));
}

function stringAtom(field: string, values: readonly string[]): fc.Arbitrary<Atom> {
  const whole = fc.constantFrom(...values);
  const part = textArb(values);
  const crit = (value: string, modifier: string) => ({ value, modifier });
  return fc.oneof(
    whole.map((t): Atom => ({ field, dsl: [field, t], raw: crit(t, 'EQUALS') })),
    whole.map((t): Atom => ({
      field,
      dsl: [`${field}__exact`, t],
      raw: crit(`^${esc(t)}$`, 'MATCHES_REGEX'),
    })),
    fc.tuple(whole, fc.nat({ max: 2 })).map(([t, m]): Atom => ({
      field,
      dsl: [`${field}__iexact`, recase(t, m)],
      raw: crit(recase(t, m), 'EQUALS'),
    })),
    part.map((t): Atom => ({ field, dsl: [`${field}__contains`, t], raw: crit(esc(t), 'MATCHES_REGEX') })),
    part.map((t): Atom => ({ field, dsl: [`${field}__icontains`, t], raw: crit(`"${t}"`, 'INCLUDES') })),
    part.map((t): Atom => ({
      field,
      dsl: [`${field}__startswith`, t],
      raw: crit(`^${esc(t)}`, 'MATCHES_REGEX'),
    })),
    part.map((t): Atom => ({
      field,
      dsl: [`${field}__iregex`, esc(t)],
      raw: crit(`(?i)${esc(t)}`, 'MATCHES_REGEX'),
    })),
    part.map((t): Atom => ({
      field,
      dsl: [`${field}__not_regex`, esc(t)],
      raw: crit(esc(t), 'NOT_MATCHES_REGEX'),
    })),
    whole.map((t): Atom => ({ field, dsl: [`${field}__ne`, t], raw: crit(t, 'NOT_EQUALS') })),
    fc.uniqueArray(whole, { minLength: 1, maxLength: 3 }).map((ts): Atom => ({
      field,
      dsl: [`${field}__in`, ts],
      raw: crit(`^(${ts.map(esc).join('|')})$`, 'MATCHES_REGEX'),
    })),
    fc
      .boolean()
      .map((b): Atom => ({ field, dsl: [`${field}__null`, b], raw: crit('', b ? 'IS_NULL' : 'NOT_NULL') })),
    fc.constant<Atom>({ field, dsl: [`${field}__notnull`, true], raw: crit('', 'NOT_NULL') }),
  );
}

function intAtom(field: string, values: readonly number[], max: number): fc.Arbitrary<Atom> {
  const v = fc.oneof(fc.constantFrom(...values), fc.integer({ min: 0, max }));
  const crit = (value: number, modifier: string, value2?: number) =>
    value2 === undefined ? { value, modifier } : { value, value2, modifier };
  return fc.oneof(
    v.map((n): Atom => ({ field, dsl: [field, n], raw: crit(n, 'EQUALS') })),
    v.map((n): Atom => ({ field, dsl: [`${field}__ne`, n], raw: crit(n, 'NOT_EQUALS') })),
    v.map((n): Atom => ({ field, dsl: [`${field}__gt`, n], raw: crit(n, 'GREATER_THAN') })),
    v.map((n): Atom => ({ field, dsl: [`${field}__lt`, n], raw: crit(n, 'LESS_THAN') })),
    v.map((n): Atom => ({ field, dsl: [`${field}__gte`, n], raw: crit(n, 'BETWEEN', INT_MAX) })),
    v.map((n): Atom => ({ field, dsl: [`${field}__lte`, n], raw: crit(INT_MIN, 'BETWEEN', n) })),
    fc.tuple(v, v).map(([a, b]): Atom => {
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      return { field, dsl: [`${field}__between`, [lo, hi]], raw: crit(lo, 'BETWEEN', hi) };
    }),
    fc.tuple(v, v).map(([a, b]): Atom => {
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      return { field, dsl: [`${field}__not_between`, [lo, hi]], raw: crit(lo, 'NOT_BETWEEN', hi) };
    }),
    fc
      .boolean()
      .map((b): Atom => ({ field, dsl: [`${field}__null`, b], raw: crit(0, b ? 'IS_NULL' : 'NOT_NULL') })),
  );
}

function dateAtom(field: string, values: readonly string[]): fc.Arbitrary<Atom> {
  const d = fc.oneof(
    fc.constantFrom(...values),
    fc
      .date({ min: new Date('2000-01-01'), max: new Date('2025-12-31'), noInvalidDate: true })
      .map((x) => x.toISOString().slice(0, 10)),
  );
  const crit = (value: string, modifier: string, value2?: string) =>
    value2 === undefined ? { value, modifier } : { value, value2, modifier };
  return fc.oneof(
    d.map((v): Atom => ({ field, dsl: [field, v], raw: crit(v, 'EQUALS') })),
    d.map((v): Atom => ({ field, dsl: [`${field}__gt`, v], raw: crit(v, 'GREATER_THAN') })),
    d.map((v): Atom => ({ field, dsl: [`${field}__lt`, v], raw: crit(v, 'LESS_THAN') })),
    d.map((v): Atom => ({ field, dsl: [`${field}__gte`, v], raw: crit(shiftDay(v, -1), 'GREATER_THAN') })),
    // A Date object is the same UTC day.
    d.map((v): Atom => ({
      field,
      dsl: [`${field}__lte`, new Date(`${v}T18:00:00Z`)],
      raw: crit(shiftDay(v, 1), 'LESS_THAN'),
    })),
    fc.tuple(d, d).map(([a, b]): Atom => {
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      return { field, dsl: [`${field}__between`, [lo, hi]], raw: crit(lo, 'BETWEEN', hi) };
    }),
    fc
      .boolean()
      .map((b): Atom => ({ field, dsl: [`${field}__null`, b], raw: crit('', b ? 'IS_NULL' : 'NOT_NULL') })),
  );
}

function timestampAtom(field: string, values: readonly string[]): fc.Arbitrary<Atom> {
  const t = fc.constantFrom(...values);
  return fc.oneof(
    t.map((v): Atom => ({
      field,
      dsl: [`${field}__gte`, v],
      raw: { value: shiftSecond(v, -1), modifier: 'GREATER_THAN' },
    })),
    t.map((v): Atom => ({
      field,
      dsl: [`${field}__lte`, new Date(v)],
      raw: { value: shiftSecond(v, 1), modifier: 'LESS_THAN' },
    })),
    t.map((v): Atom => ({ field, dsl: [`${field}__gt`, v], raw: { value: v, modifier: 'GREATER_THAN' } })),
  );
}

function multiAtom(
  field: string,
  ids: readonly string[],
  opts: { depth?: boolean; exact?: boolean } = {},
): fc.Arbitrary<Atom> {
  const some = fc.uniqueArray(fc.constantFrom(...ids), { minLength: 1, maxLength: 3 });
  const suffixes: Array<[string, string]> = [
    ['includes', 'INCLUDES'],
    ['in', 'INCLUDES'],
    ['includes_all', 'INCLUDES_ALL'],
    ['excludes', 'EXCLUDES'],
  ];
  if (opts.exact) suffixes.push(['exact', 'EQUALS']);
  return fc.oneof(
    fc
      .tuple(fc.constantFrom(...suffixes), some, fc.boolean())
      .map(([[suffix, modifier], value, depth]): Atom => {
        if (opts.depth && depth && modifier !== 'EQUALS') {
          return {
            field,
            dsl: [`${field}__${suffix}`, { value, depth: -1 }],
            raw: { value, depth: -1, modifier },
          };
        }
        // A single id may be given bare.
        const dslValue = value.length === 1 ? Number(value[0]) : value;
        return { field, dsl: [`${field}__${suffix}`, dslValue], raw: { value, modifier } };
      }),
    fc.boolean().map((b): Atom => ({
      field,
      dsl: [`${field}__null`, b],
      raw: { modifier: b ? 'IS_NULL' : 'NOT_NULL' },
    })),
  );
}

const GENDERS = ['MALE', 'FEMALE', 'TRANSGENDER_MALE', 'TRANSGENDER_FEMALE', 'INTERSEX', 'NON_BINARY'];

function genderAtom(): fc.Arbitrary<Atom> {
  const g = fc.constantFrom(...GENDERS);
  const some = fc.uniqueArray(g, { minLength: 1, maxLength: 3 });
  const field = 'gender';
  return fc.oneof(
    g.map((v): Atom => ({ field, dsl: [field, v], raw: { value_list: [v], modifier: 'EQUALS' } })),
    some.map((v): Atom => ({ field, dsl: ['gender__in', v], raw: { value_list: v, modifier: 'INCLUDES' } })),
    some.map((v): Atom => ({
      field,
      dsl: ['gender__excludes', v],
      raw: { value_list: v, modifier: 'EXCLUDES' },
    })),
    g.map((v): Atom => ({ field, dsl: ['gender__ne', v], raw: { value_list: [v], modifier: 'NOT_EQUALS' } })),
    fc
      .boolean()
      .map((b): Atom => ({ field, dsl: ['gender__null', b], raw: { modifier: b ? 'IS_NULL' : 'NOT_NULL' } })),
  );
}

const nonNull = <T>(xs: readonly (T | null)[]) => [...new Set(xs.filter((x): x is T => x !== null))];

function performerAtoms(): fc.Arbitrary<Atom> {
  const p = data.performers;
  return fc.oneof(
    stringAtom('name', nonNull(p.map((x) => x.name))),
    genderAtom(),
    intAtom('rating100', nonNull(p.map((x) => x.rating100)), 100),
    dateAtom('birthdate', nonNull(p.map((x) => x.birthdate))),
    fc.boolean().map((b): Atom => ({ field: 'filter_favorites', dsl: ['filter_favorites', b], raw: b })),
    multiAtom('tags', data.tagIds, { depth: true }),
    intAtom('scene_count', [0, 1, 2, 5, 10], 20),
  );
}

function sceneAtoms(): fc.Arbitrary<Atom> {
  const s = data.scenes;
  const nested = fc.uniqueArray(performerAtoms(), { minLength: 1, maxLength: 2, selector: (a) => a.field });
  return fc.oneof(
    stringAtom('title', nonNull(s.map((x) => x.title))),
    stringAtom('details', nonNull(s.map((x) => x.details))),
    stringAtom('code', nonNull(s.map((x) => x.code))),
    intAtom('rating100', nonNull(s.map((x) => x.rating100)), 100),
    fc.boolean().map((b): Atom => ({ field: 'organized', dsl: ['organized', b], raw: b })),
    dateAtom('date', nonNull(s.map((x) => x.date))),
    timestampAtom(
      'created_at',
      s.map((x) => x.created_at),
    ),
    multiAtom('tags', data.tagIds, { depth: true }),
    multiAtom(
      'performers',
      data.performers.map((x) => x.id),
      { exact: true },
    ),
    multiAtom('studios', data.studioIds, { depth: true }),
    intAtom('performer_count', [0, 1, 2, 3], 5),
    nested.map((atoms): Atom => ({
      field: 'performers_filter',
      dsl: ['performers_filter', dslOf(atoms)],
      raw: Object.fromEntries(atoms.map((a) => [a.field, a.raw])),
    })),
  );
}

interface Spec {
  base: Atom[];
  or: Atom[][] | null;
  not: Atom[] | null;
}

function specArb(atoms: fc.Arbitrary<Atom>): fc.Arbitrary<Spec> {
  const group = fc.uniqueArray(atoms, { minLength: 1, maxLength: 2, selector: (a) => a.field });
  return fc.record({
    base: fc.array(atoms, { maxLength: 3 }),
    or: fc.option(fc.array(group, { minLength: 2, maxLength: 3 }), { freq: 2 }),
    not: fc.option(group, { freq: 2 }),
  });
}

/** The DSL object for a conjunction of atoms (a repeated key goes into an AND list). */
function dslOf(atoms: Atom[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const more: Record<string, unknown>[] = [];
  for (const a of atoms) {
    if (a.dsl[0] in out) more.push({ [a.dsl[0]]: a.dsl[1] });
    else out[a.dsl[0]] = a.dsl[1];
  }
  if (more.length > 0) out.AND = more;
  return out;
}

function specDsl(spec: Spec): Record<string, unknown> {
  const out = dslOf(spec.base);
  if (spec.or) out.OR = spec.or.map(dslOf);
  if (spec.not) out.NOT = dslOf(spec.not);
  return out;
}

/** Oracle: every base criterion on its own level, then the OR / NOT part. */
function specRaw(spec: Spec): Record<string, unknown> {
  const level = (atoms: Atom[]) => Object.fromEntries(atoms.map((a) => [a.field, a.raw]));
  const orChain = (alts: Atom[][]): Record<string, unknown> =>
    alts.length === 1 ? level(alts[0]) : { ...level(alts[0]), OR: orChain(alts.slice(1)) };
  let rest: Record<string, unknown> | undefined;
  if (spec.or && spec.not) rest = { NOT: { ...level(spec.not), OR: { NOT: orChain(spec.or) } } };
  else if (spec.or) rest = orChain(spec.or);
  else if (spec.not) rest = { NOT: level(spec.not) };
  let acc = rest;
  for (const a of [...spec.base].reverse()) acc = acc ? { [a.field]: a.raw, AND: acc } : { [a.field]: a.raw };
  return acc ?? {};
}

const LIST = {
  Scene: { field: 'findScenes', arg: 'scene_filter', type: 'SceneFilterType', items: 'scenes' },
  Performer: {
    field: 'findPerformers',
    arg: 'performer_filter',
    type: 'PerformerFilterType',
    items: 'performers',
  },
} as const;

async function rawIds(type: keyof typeof LIST, filter: Record<string, unknown>): Promise<string[]> {
  const l = LIST[type];
  const d = await gql<Record<string, Record<string, { id: string }[]>>>(
    `query Oracle($f: ${l.type}) { ${l.field}(${l.arg}: $f, filter: { per_page: -1 }) { ${l.items} { id } } }`,
    { f: filter },
  );
  return d[l.field][l.items].map((x) => x.id).sort();
}

async function checkProperty(type: keyof typeof LIST, atoms: () => fc.Arbitrary<Atom>, total: number) {
  const store = createStashStore({ url: stash.url });
  const sizes: number[] = [];
  await fc.assert(
    fc.asyncProperty(specArb(atoms()), async (spec) => {
      const dsl = specDsl(spec);
      const found = await store.find(type, dsl as never, { fields: ['id'] });
      const expected = await rawIds(type, specRaw(spec));
      expect(found.map((e) => e.id).sort()).toEqual(expected);
      sizes.push(expected.length);
    }),
    { numRuns: 50 },
  );
  // The specs must discriminate: most runs match some but not all entities.
  const partial = sizes.filter((n) => n > 0 && n < total).length;
  expect(partial).toBeGreaterThanOrEqual(sizes.length * 0.3);
}

describe('filter DSL against the mock (property)', () => {
  it('Scene: find(dsl) returns the ids of the equivalent raw filter', async () => {
    await checkProperty('Scene', sceneAtoms, data.scenes.length);
  }, 60_000);

  it('Performer: find(dsl) returns the ids of the equivalent raw filter', async () => {
    await checkProperty('Performer', performerAtoms, data.performers.length);
  }, 60_000);

  it('gte/lte are inclusive at the boundary', async () => {
    const rated = data.scenes.filter((s) => s.rating100 !== null);
    const r = rated[0].rating100!;
    const store = createStashStore({ url: stash.url });
    const ids = async (dsl: Record<string, unknown>) =>
      (await store.find('Scene', dsl as never, { fields: ['id'] })).map((e) => e.id).sort();
    const exact = rated.filter((s) => s.rating100 === r).map((s) => s.id);
    const gte = await ids({ rating100__gte: r });
    const lte = await ids({ rating100__lte: r });
    for (const id of exact) {
      expect(gte).toContain(id);
      expect(lte).toContain(id);
    }
    expect(gte).toEqual(
      rated
        .filter((s) => s.rating100! >= r)
        .map((s) => s.id)
        .sort(),
    );
    expect(lte).toEqual(
      rated
        .filter((s) => s.rating100! <= r)
        .map((s) => s.id)
        .sort(),
    );
    const dated = data.scenes.filter((s) => s.date !== null);
    const day = dated[0].date!;
    expect(await ids({ date__gte: day })).toEqual(
      dated
        .filter((s) => s.date! >= day)
        .map((s) => s.id)
        .sort(),
    );
    expect(await ids({ date__lte: day })).toEqual(
      dated
        .filter((s) => s.date! <= day)
        .map((s) => s.id)
        .sort(),
    );
  });
});
