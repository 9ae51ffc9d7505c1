/**
 * The DSL's TypeScript types: valid filters type-check, mistakes are compile errors
 * (`@ts-expect-error` lines fail `tsc -b` if they ever stop being errors), and the same
 * mistakes are also rejected at run time.
 */
import { describe, expect, it } from 'vitest';
import { compileFilter, type StashFilter } from '../src/filter';

describe('StashFilter types', () => {
  it('accepts every documented form for Scene and Performer', () => {
    const scene: StashFilter<'Scene'> = {
      title: 'x',
      title__icontains: 'x',
      title__in: ['a', 'b'],
      title__null: true,
      details: { value: 'x', modifier: 'NOT_EQUALS' },
      rating100__gte: 60,
      rating100__between: [60, 90],
      date__lte: new Date(0),
      created_at__gt: '2024-01-01T00:00:00Z',
      tags__includes: { value: ['1', 2], depth: -1 },
      performers__includes_all: ['1'],
      studios__null: true,
      resolution__gte: 'FULL_HD',
      orientation: ['LANDSCAPE'],
      organized: true,
      has_markers: true,
      is_missing: 'studio',
      duplicated: true,
      stash_id_endpoint__null: false,
      performers_filter: { name__icontains: 'jane', gender__in: ['FEMALE'], circumcised: 'CUT' },
      OR: [{ title: 'a' }, { details__regex: '^b' }],
      NOT: { interactive: true },
    };
    expect(Object.keys(compileFilter('Scene', scene))).toContain('performers_filter');
    const performer: StashFilter<'Performer'> = {
      gender: 'FEMALE',
      penis_length__lte: 12.5,
      custom_fields: [{ field: 'x', modifier: 'IS_NULL' }],
      AND: [{ age__gt: 20 }, { age__lt: 40 }],
    };
    expect(compileFilter('Performer', performer)).toHaveProperty('custom_fields');
  });

  it('makes unknown keys, suffixes and wrongly typed values compile errors', () => {
    // @ts-expect-error unknown field
    expect(() => compileFilter('Scene', { titel: 'x' })).toThrow('unknown filter key "titel"');
    // @ts-expect-error suffix not valid for a String criterion
    expect(() => compileFilter('Scene', { title__gte: 'x' })).toThrow('unknown suffix "gte"');
    // @ts-expect-error rating100 is an Int criterion
    expect(() => compileFilter('Scene', { rating100__gte: 'high' })).toThrow('expects an integer');
    // @ts-expect-error depth only exists on hierarchical criteria
    expect(() => compileFilter('Scene', { performers__includes: { value: ['1'], depth: 1 } })).toThrow(
      'depth',
    );
    // @ts-expect-error not a GenderEnum member
    expect(() => compileFilter('Performer', { gender: 'female' })).toThrow('GenderEnum');
    // @ts-expect-error SceneMarker filters have no AND/OR/NOT
    expect(() => compileFilter('SceneMarker', { NOT: {} })).toThrow('no AND/OR/NOT');
  });

  it('falls back to untyped filters for type names known only at run time', () => {
    const type: string = 'Scene';
    expect(compileFilter(type, { title: 'x', OR: [{}] })).toEqual({
      title: { value: 'x', modifier: 'EQUALS' },
    });
    // Still checked at run time.
    expect(() => compileFilter(type, { anything: 1 })).toThrow('unknown filter key "anything" for Scene');
  });
});
