/**
 * AND / OR / NOT and nested sub-filters.
 *
 * Properties under test (pure, no server):
 * 1. Every level `nestFilter` emits carries at most one of AND/OR/NOT and never an OR without
 *    criteria of its own (Stash reads that as `sub`, not `true OR sub`).
 * 2. Read with Stash's level semantics — `(criteria) AND sub`, `(criteria) OR sub`,
 *    `(criteria) AND NOT sub` — the output is true exactly when the IR is, for every assignment
 *    of truth values to the criteria.
 * 3. When the nesting cannot express a filter the compiler throws a StashValidationError, and
 *    it never does for the shapes the DSL documents as supported.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileFilter, nestFilter, type FilterExpr } from '../src/filter';
import { and, atom, not, or } from '../src/filter/filterExpr';
import { StashValidationError } from '../src/errors';

const OPS = ['AND', 'OR', 'NOT'] as const;

/** Truth of one criterion under an assignment (criteria are identified by key + value). */
type Env = (key: string, value: unknown) => boolean;

function evalExpr(e: FilterExpr, env: Env): boolean {
  switch (e.kind) {
    case 'atom':
      return env(e.key, e.value);
    case 'and':
      return e.items.every((i) => evalExpr(i, env));
    case 'or':
      return e.items.some((i) => evalExpr(i, env));
    case 'not':
      return !evalExpr(e.item, env);
  }
}

/** Stash's reading of a nested filter (pkg/sqlite/filter.go), checking the level invariants. */
function evalStash(level: Record<string, unknown>, env: Env): boolean {
  const ops = OPS.filter((op) => op in level);
  expect(ops.length).toBeLessThanOrEqual(1);
  const criteria = Object.entries(level).filter(([k]) => !OPS.includes(k as never));
  const base = criteria.every(([k, v]) => env(k, v));
  if (ops.length === 0) return base;
  const sub = evalStash(level[ops[0]] as Record<string, unknown>, env);
  if (ops[0] === 'AND') return base && sub;
  if (ops[0] === 'NOT') return base && !sub;
  expect(criteria.length).toBeGreaterThan(0);
  return base || sub;
}

const KEYS = ['a', 'b', 'c', 'd'];

const atomArb = fc
  .record({ key: fc.constantFrom(...KEYS), value: fc.integer({ min: 1, max: 2 }) })
  .map((a) => atom(a.key, a.value));

const exprArb = fc.letrec<{ expr: FilterExpr }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    atomArb,
    fc.array(tie('expr'), { minLength: 0, maxLength: 3 }).map((items) => and(...items)),
    fc.array(tie('expr'), { minLength: 1, maxLength: 3 }).map((items) => or(...items)),
    tie('expr').map((e) => not(e)),
  ),
})).expr;

/** An assignment: each (key, value) criterion is true or false. */
const envArb = fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }).map((bits): Env => {
  return (key, value) => bits[KEYS.indexOf(key) * 2 + (value as number) - 1];
});

const isTrue = (e: FilterExpr): boolean =>
  (e.kind === 'and' && e.items.every(isTrue)) || (e.kind === 'or' && e.items.some(isTrue));

describe('nestFilter', () => {
  it('emits valid Stash nesting equivalent to the IR, or a StashValidationError', () => {
    let compiled = 0;
    let refused = 0;
    fc.assert(
      fc.property(exprArb, fc.array(envArb, { minLength: 4, maxLength: 4 }), (expr, envs) => {
        let out: Record<string, unknown>;
        try {
          out = nestFilter(expr);
        } catch (err) {
          expect(err).toBeInstanceOf(StashValidationError);
          refused++;
          return;
        }
        compiled++;
        for (const env of envs) expect(evalStash(out, env)).toBe(evalExpr(expr, env));
      }),
      { numRuns: 400 },
    );
    // Most random expressions are expressible; refusals are the exception.
    expect(compiled).toBeGreaterThan(refused * 3);
  });

  it('never refuses a conjunction with one OR group and one NOT group (the documented shape)', () => {
    // Within an OR alternative or the NOT group each field appears once: Stash cannot nest more.
    const plain = fc
      .uniqueArray(atomArb, { minLength: 1, maxLength: 3, selector: (a) => a.key })
      .map((items) => and(...items));
    fc.assert(
      fc.property(
        fc.array(atomArb, { maxLength: 3 }),
        fc.array(plain, { minLength: 1, maxLength: 3 }),
        fc.option(plain),
        fc.array(envArb, { minLength: 4, maxLength: 4 }),
        (base, alternatives, negated, envs) => {
          const expr = and(...base, or(...alternatives), ...(negated ? [not(negated)] : []));
          if (negated && isTrue(negated)) return;
          const out = nestFilter(expr);
          for (const env of envs) expect(evalStash(out, env)).toBe(evalExpr(expr, env));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('compiles "match everything" to {} and refuses NOT of it', () => {
    expect(nestFilter(and())).toEqual({});
    expect(nestFilter(or(atom('a', 1), and()))).toEqual({});
    expect(() => nestFilter(not(and()))).toThrow('NOT of an empty filter would match nothing');
  });
});

describe('compileFilter: AND / OR / NOT', () => {
  const t = (v: string) => ({ value: v, modifier: 'EQUALS' });

  it('treats an object as a conjunction: { a, OR: [b, c] } is a AND (b OR c)', () => {
    expect(compileFilter('Scene', { organized: true, OR: [{ title: 'x' }, { details: 'y' }] })).toEqual({
      organized: true,
      AND: { title: t('x'), OR: { details: t('y') } },
    });
  });

  it('chains an OR list into Stash binary form', () => {
    expect(compileFilter('Scene', { OR: [{ title: 'a' }, { title: 'b' }, { title: 'c' }] })).toEqual({
      title: t('a'),
      OR: { title: t('b'), OR: { title: t('c') } },
    });
  });

  it('accepts AND as an object or a list, and merges it into the level', () => {
    expect(compileFilter('Scene', { AND: { title: 'a' } })).toEqual({ title: t('a') });
    expect(compileFilter('Scene', { AND: [{ title: 'a' }, { details: 'b' }] })).toEqual({
      title: t('a'),
      details: t('b'),
    });
  });

  it('puts a field used twice on a second level', () => {
    expect(compileFilter('Scene', { rating100__gte: 20, AND: { rating100__lte: 80 } })).toEqual({
      rating100: { value: 19, modifier: 'GREATER_THAN' },
      AND: { rating100: { value: 81, modifier: 'LESS_THAN' } },
    });
  });

  it('compiles NOT, folding several negations into one', () => {
    expect(compileFilter('Scene', { organized: true, NOT: { title: 'x' } })).toEqual({
      organized: true,
      NOT: { title: t('x') },
    });
    expect(compileFilter('Scene', { AND: [{ NOT: { title: 'x' } }, { NOT: { details: 'y' } }] })).toEqual({
      NOT: { title: t('x'), OR: { details: t('y') } },
    });
  });

  it('rewrites OR together with NOT as a double negation', () => {
    expect(
      compileFilter('Scene', {
        organized: true,
        OR: [{ title: 'a' }, { title: 'b' }],
        NOT: { details: 'x' },
      }),
    ).toEqual({
      organized: true,
      NOT: { details: t('x'), OR: { NOT: { title: t('a'), OR: { title: t('b') } } } },
    });
  });

  it('refuses what the nesting cannot express, with a clear error', () => {
    const run = () =>
      compileFilter('Scene', {
        OR: [
          { title: 'a', NOT: { details: 'x' } },
          { title: 'b', NOT: { details: 'y' } },
        ],
      });
    expect(run).toThrow(StashValidationError);
    expect(run).toThrow("cannot express this combination of AND/OR/NOT in Stash's filter nesting");
  });

  it('expands an AND of ORs into alternatives', () => {
    const eq = (value: string) => ({ value, modifier: 'EQUALS' });
    expect(
      compileFilter('Scene', {
        AND: [{ OR: [{ title: 'a' }, { code: 'b' }] }, { OR: [{ details: 'c' }, { director: 'd' }] }],
      }),
    ).toEqual({
      title: eq('a'),
      details: eq('c'),
      OR: {
        code: eq('b'),
        details: eq('c'),
        OR: { title: eq('a'), director: eq('d'), OR: { code: eq('b'), director: eq('d') } },
      },
    });
  });

  it('refuses an AND of ORs that expands past the limit', () => {
    const text = [
      'title',
      'code',
      'details',
      'director',
      'path',
      'video_codec',
      'audio_codec',
      'url',
      'captions',
    ];
    const ints = [
      'rating100',
      'o_counter',
      'play_count',
      'file_count',
      'framerate',
      'bitrate',
      'duration',
      'tag_count',
      'performer_count',
    ];
    const ors = text.map((t, i) => ({ OR: [{ [t]: 'x' }, { [ints[i]]: i }] }));
    expect(() => compileFilter('Scene', { AND: ors })).toThrow('expands to more than 256 alternatives');
  });

  it('rejects malformed operators', () => {
    expect(() => compileFilter('Scene', { OR: [] })).toThrow('OR needs at least one filter');
    expect(() => compileFilter('Scene', { NOT: [{ title: 'a' }] } as never)).toThrow(
      'NOT takes one filter object; for "none of" write NOT: { OR: [...] }',
    );
    expect(() => compileFilter('Scene', { OR: ['a'] } as never)).toThrow(
      'OR[0] expects a Scene filter object, got "a"',
    );
    expect(() => compileFilter('Scene', { OR: [{ title: 'a' }, { titel: 'b' }] } as never)).toThrow(
      'unknown filter key "OR[1].titel" for Scene (did you mean "title"?)',
    );
    expect(() => compileFilter('SceneMarker', { NOT: {} } as never)).toThrow(
      'SceneMarker filters have no AND/OR/NOT',
    );
  });
});

describe('compileFilter: nested sub-filters and keys', () => {
  it('compiles *_filter values with the related entity filter type', () => {
    expect(
      compileFilter('Scene', {
        performers_filter: { name__icontains: 'jane', OR: [{ gender: 'FEMALE' }, { gender__null: true }] },
        studios_filter: { favorite: true },
      }),
    ).toEqual({
      performers_filter: {
        name: { value: '(?i)jane', modifier: 'MATCHES_REGEX' },
        AND: { gender: { value: 'FEMALE', modifier: 'EQUALS' }, OR: { gender: { modifier: 'IS_NULL' } } },
      },
      studios_filter: { favorite: true },
    });
    expect(compileFilter('SceneMarker', { scene_filter: { organized: true } })).toEqual({
      scene_filter: { organized: true },
    });
  });

  it('names the path of a bad key inside a nested filter', () => {
    expect(() => compileFilter('Scene', { performers_filter: { nme: 'x' } } as never)).toThrow(
      'unknown filter key "performers_filter.nme" for Performer (did you mean "name"?)',
    );
    expect(() => compileFilter('Scene', { performers_filter: { rating100__gte: 'x' } } as never)).toThrow(
      'performers_filter.rating100__gte expects an integer, got "x"',
    );
    expect(() => compileFilter('Scene', { performers_filter: 'jane' } as never)).toThrow(
      'performers_filter expects a Performer filter object, got "jane"',
    );
  });

  it('accepts only schema keys: no relation lookups, no invented aliases', () => {
    expect(() => compileFilter('Scene', { studio__null: true } as never)).toThrow(
      'unknown filter key "studio__null" for Scene (did you mean "studios"?)',
    );
    expect(() => compileFilter('Scene', { studios__parent__name: 'x' } as never)).toThrow(
      'lookups through relations are not supported; use a nested filter such as studios_filter',
    );
    expect(() => compileFilter('Scene', { title__: 'x' } as never)).toThrow('title__: empty suffix');
  });

  it('resolves entity names and filter type names, and rejects unknown types', () => {
    expect(compileFilter('SceneFilterType', { organized: true })).toEqual({ organized: true });
    expect(compileFilter('Scene', undefined)).toEqual({});
    expect(compileFilter('Scene', { title: undefined })).toEqual({});
    expect(() => compileFilter('Scen', {})).toThrow(
      'StashFilter: unknown entity type "Scen" (did you mean "Scene"?)',
    );
    expect(() => compileFilter('GalleryChapter', {})).toThrow('GalleryChapter has no filter input');
    expect(() => compileFilter('Scene', [] as never)).toThrow(
      'filters expects a Scene filter object, got []',
    );
  });
});
