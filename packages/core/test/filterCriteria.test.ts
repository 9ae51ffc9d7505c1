import { describe, expect, it } from 'vitest';
import { compileFilter } from '../src/filter';
import { StashValidationError } from '../src/errors';

/** Compiles a one-key Scene filter and returns the criterion sent for `field`. */
function scene(filters: Record<string, unknown>): Record<string, unknown> {
  return compileFilter('Scene', filters as never);
}

function performer(filters: Record<string, unknown>): Record<string, unknown> {
  return compileFilter('Performer', filters as never);
}

function rejects(type: string, filters: Record<string, unknown>, message: string | RegExp) {
  const run = () => compileFilter(type, filters as never);
  expect(run).toThrow(StashValidationError);
  expect(run).toThrow(message);
}

describe('compileFilter: String criteria', () => {
  const cases: Array<[string, unknown, unknown]> = [
    ['title', 'Sun', { value: 'Sun', modifier: 'EQUALS' }],
    ['title__ne', 'Sun', { value: 'Sun', modifier: 'NOT_EQUALS' }],
    ['title__exact', 'a.b', { value: '^a\\.b$', modifier: 'MATCHES_REGEX' }],
    ['title__iexact', 'a.b', { value: '(?i)^a\\.b$', modifier: 'MATCHES_REGEX' }],
    ['title__contains', 'x(y)', { value: 'x\\(y\\)', modifier: 'MATCHES_REGEX' }],
    ['title__icontains', '50%', { value: '(?i)50%', modifier: 'MATCHES_REGEX' }],
    ['title__startswith', 'The', { value: '^The', modifier: 'MATCHES_REGEX' }],
    ['title__istartswith', 'the', { value: '(?i)^the', modifier: 'MATCHES_REGEX' }],
    ['title__endswith', '$1', { value: '\\$1$', modifier: 'MATCHES_REGEX' }],
    ['title__iendswith', 'END', { value: '(?i)END$', modifier: 'MATCHES_REGEX' }],
    ['title__in', ['a', 'b|c'], { value: '^(?:a|b\\|c)$', modifier: 'MATCHES_REGEX' }],
    ['title__includes', 'sun sea', { value: 'sun sea', modifier: 'INCLUDES' }],
    ['title__excludes', 'rain', { value: 'rain', modifier: 'EXCLUDES' }],
    ['title__regex', '^S.*n$', { value: '^S.*n$', modifier: 'MATCHES_REGEX' }],
    ['title__iregex', '^s', { value: '(?i)^s', modifier: 'MATCHES_REGEX' }],
    ['title__not_regex', 'x+', { value: 'x+', modifier: 'NOT_MATCHES_REGEX' }],
    ['title__not_iregex', 'x+', { value: '(?i)x+', modifier: 'NOT_MATCHES_REGEX' }],
    ['title__null', true, { value: '', modifier: 'IS_NULL' }],
    ['title__null', false, { value: '', modifier: 'NOT_NULL' }],
    ['title__notnull', true, { value: '', modifier: 'NOT_NULL' }],
    ['title__notnull', false, { value: '', modifier: 'IS_NULL' }],
  ];
  it.each(cases)('%s: %j', (key, value, criterion) => {
    expect(scene({ [key]: value })).toEqual({ title: criterion });
  });

  it('quotes every Go regexp metacharacter for the literal lookups', () => {
    const meta = '\\.+*?()|[]{}^$';
    const { title } = scene({ title__exact: meta }) as { title: { value: string } };
    expect(title.value).toBe('^\\\\\\.\\+\\*\\?\\(\\)\\|\\[\\]\\{\\}\\^\\$$');
    expect(new RegExp(title.value).test(meta)).toBe(true);
    expect(new RegExp(title.value).test(`${meta}x`)).toBe(false);
  });

  it('rejects wrongly typed values and suffixes that do not apply', () => {
    rejects('Scene', { title__icontains: 5 }, 'StashFilter: title__icontains expects a string, got 5');
    rejects('Scene', { title__in: [] }, 'title__in expects a non-empty list of strings');
    rejects('Scene', { title__in: ['a', 3] }, 'title__in[1] expects a string, got 3');
    rejects('Scene', { title__null: 'yes' }, 'title__null expects true or false, got "yes"');
    rejects(
      'Scene',
      { title__gte: 'a' },
      /unknown suffix "gte" in title__gte for title \(StringCriterionInput\); valid suffixes: exact/,
    );
    rejects('Scene', { title__startwith: 'a' }, 'unknown suffix "startwith"');
    rejects(
      'Scene',
      { title: null },
      'title expects a value (use __null: true to match missing values), got null',
    );
  });
});

describe('compileFilter: Int, Float, Date and Timestamp criteria', () => {
  const cases: Array<[string, unknown, unknown]> = [
    ['rating100', 80, { value: 80, modifier: 'EQUALS' }],
    ['rating100__exact', 80, { value: 80, modifier: 'EQUALS' }],
    ['rating100__ne', 80, { value: 80, modifier: 'NOT_EQUALS' }],
    ['rating100__gt', 80, { value: 80, modifier: 'GREATER_THAN' }],
    ['rating100__gte', 80, { value: 79, modifier: 'GREATER_THAN' }],
    ['rating100__lt', 80, { value: 80, modifier: 'LESS_THAN' }],
    ['rating100__lte', 80, { value: 81, modifier: 'LESS_THAN' }],
    ['rating100__between', [60, 90], { value: 60, value2: 90, modifier: 'BETWEEN' }],
    ['rating100__between', [60, 60], { value: 60, value2: 60, modifier: 'BETWEEN' }],
    ['rating100__not_between', [60, 90], { value: 60, value2: 90, modifier: 'NOT_BETWEEN' }],
    ['rating100__null', true, { value: 0, modifier: 'IS_NULL' }],
    ['rating100__notnull', true, { value: 0, modifier: 'NOT_NULL' }],
    ['rating100__gte', -2147483648, { value: 0, modifier: 'NOT_NULL' }],
    ['rating100__lte', 2147483647, { value: 0, modifier: 'NOT_NULL' }],
  ];
  it.each(cases)('%s: %j', (key, value, criterion) => {
    expect(scene({ [key]: value })).toEqual({ rating100: criterion });
  });

  it('encodes inclusive Float bounds as BETWEEN with the largest double', () => {
    expect(performer({ penis_length__gte: 12.5 })).toEqual({
      penis_length: { value: 12.5, value2: Number.MAX_VALUE, modifier: 'BETWEEN' },
    });
    expect(performer({ penis_length__lte: 12.5 })).toEqual({
      penis_length: { value: -Number.MAX_VALUE, value2: 12.5, modifier: 'BETWEEN' },
    });
    expect(performer({ penis_length__gt: 12.5 })).toEqual({
      penis_length: { value: 12.5, modifier: 'GREATER_THAN' },
    });
    expect(performer({ penis_length__null: true })).toEqual({
      penis_length: { value: 0, modifier: 'IS_NULL' },
    });
  });

  it('encodes Date criteria, accepting Date objects (UTC day)', () => {
    expect(scene({ date: '2020-05-01' })).toEqual({ date: { value: '2020-05-01', modifier: 'EQUALS' } });
    expect(scene({ date__gt: new Date(Date.UTC(2020, 4, 1, 23)) })).toEqual({
      date: { value: '2020-05-01', modifier: 'GREATER_THAN' },
    });
    expect(scene({ date__gte: '2020-05-01' })).toEqual({
      date: { value: '2020-05-01', value2: '9999-12-31', modifier: 'BETWEEN' },
    });
    expect(scene({ date__lte: '2020-05-01' })).toEqual({
      date: { value: '0001-01-01', value2: '2020-05-01', modifier: 'BETWEEN' },
    });
    expect(scene({ date__between: ['2020-01-01', '2020-12-31'] })).toEqual({
      date: { value: '2020-01-01', value2: '2020-12-31', modifier: 'BETWEEN' },
    });
    expect(scene({ date__null: true })).toEqual({ date: { value: '', modifier: 'IS_NULL' } });
  });

  it('encodes Timestamp criteria, Date objects as RFC 3339 UTC', () => {
    expect(scene({ created_at__gte: new Date(Date.UTC(2024, 0, 31, 12)) })).toEqual({
      created_at: { value: '2024-01-31T12:00:00Z', value2: '9999-12-31T23:59:59Z', modifier: 'BETWEEN' },
    });
    expect(scene({ updated_at__lt: '2024-01-31T12:00:00+02:00' })).toEqual({
      updated_at: { value: '2024-01-31T12:00:00+02:00', modifier: 'LESS_THAN' },
    });
    expect(scene({ created_at__lte: '2024-01-31' })).toEqual({
      created_at: { value: '0001-01-01T00:00:00Z', value2: '2024-01-31', modifier: 'BETWEEN' },
    });
  });

  it('rejects wrongly typed values and bad ranges', () => {
    rejects(
      'Scene',
      { rating100__gte: 'high' },
      'StashFilter: rating100__gte expects an integer, got "high"',
    );
    rejects('Scene', { rating100__gte: 4.5 }, 'rating100__gte expects an integer, got 4.5');
    rejects(
      'Scene',
      { rating100: 2 ** 31 },
      'rating100 expects a 32-bit integer (GraphQL Int), got 2147483648',
    );
    rejects(
      'Scene',
      { rating100__between: [90, 60] },
      'rating100__between expects a [low, high] pair with low <= high',
    );
    rejects('Scene', { rating100__between: [60] }, 'rating100__between expects a [low, high] pair, got [60]');
    rejects(
      'Scene',
      { rating100__between: [60, '90'] },
      'rating100__between[1] expects an integer, got "90"',
    );
    rejects('Performer', { penis_length__gt: Number.NaN }, 'penis_length__gt expects a finite number');
    rejects(
      'Scene',
      { date__gt: '2020-13-01' },
      'date__gt expects a date "YYYY-MM-DD" (a real day) or a Date, got "2020-13-01"',
    );
    rejects('Scene', { date__gt: new Date(Number.NaN) }, 'date__gt expects a date');
    rejects('Scene', { created_at__gt: 'yesterday' }, 'created_at__gt expects a timestamp');
    rejects('Scene', { rating100__contains: 5 }, 'unknown suffix "contains" in rating100__contains');
  });
});

describe('compileFilter: Multi and HierarchicalMulti criteria', () => {
  it('maps each suffix to its modifier and normalizes ids to strings', () => {
    expect(scene({ tags: ['1', 2] })).toEqual({ tags: { value: ['1', '2'], modifier: 'EQUALS' } });
    expect(scene({ tags__exact: '1' })).toEqual({ tags: { value: ['1'], modifier: 'EQUALS' } });
    expect(scene({ tags__in: ['1', '2'] })).toEqual({ tags: { value: ['1', '2'], modifier: 'INCLUDES' } });
    expect(scene({ tags__includes: 7 })).toEqual({ tags: { value: ['7'], modifier: 'INCLUDES' } });
    expect(scene({ tags__includes_all: ['1', '2'] })).toEqual({
      tags: { value: ['1', '2'], modifier: 'INCLUDES_ALL' },
    });
    expect(scene({ performers__excludes: ['3'] })).toEqual({
      performers: { value: ['3'], modifier: 'EXCLUDES' },
    });
    expect(scene({ studios__null: true })).toEqual({ studios: { modifier: 'IS_NULL' } });
    expect(scene({ galleries__notnull: true })).toEqual({ galleries: { modifier: 'NOT_NULL' } });
  });

  it('takes depth and excludes through the object form', () => {
    expect(scene({ tags__includes: { value: ['5'], depth: -1 } })).toEqual({
      tags: { value: ['5'], depth: -1, modifier: 'INCLUDES' },
    });
    expect(scene({ studios__includes: { value: '2', depth: 1, excludes: ['9'] } })).toEqual({
      studios: { value: ['2'], depth: 1, excludes: ['9'], modifier: 'INCLUDES' },
    });
    expect(compileFilter('Tag', { parents__includes_all: { value: ['1'], depth: 2 } })).toEqual({
      parents: { value: ['1'], depth: 2, modifier: 'INCLUDES_ALL' },
    });
  });

  it('rejects depth on non-hierarchical criteria, depth with EQUALS, NOT_EQUALS and empty lists', () => {
    rejects(
      'Scene',
      { performers__includes: { value: ['1'], depth: 1 } },
      'unknown field "depth" in performers__includes (accepted: value, excludes)',
    );
    rejects(
      'Scene',
      { tags__exact: { value: ['1'], depth: 1 } },
      'Stash does not accept a depth with an exact (EQUALS) match',
    );
    rejects(
      'Scene',
      { tags__includes: { value: ['1'], depth: -2 } },
      'tags__includes.depth expects -1 (all levels) or a depth >= 0',
    );
    rejects(
      'Scene',
      { tags__ne: ['1'] },
      'unknown suffix "ne" in tags__ne for tags (HierarchicalMultiCriterionInput)',
    );
    rejects('Scene', { tags__includes: [] }, 'tags__includes expects at least one id, got []');
    rejects('Scene', { tags__includes: { depth: 1 } }, 'tags__includes is missing "value"');
    rejects('Scene', { tags__includes: [true] }, 'tags__includes[0] expects an id');
    rejects('Scene', { tags__includes: [' 1'] }, 'tags__includes[0] expects an id');
  });
});

describe('compileFilter: enum, resolution, orientation and small criteria', () => {
  it('compiles Resolution, with gte/lte as the neighbouring member', () => {
    expect(scene({ resolution: 'FULL_HD' })).toEqual({
      resolution: { value: 'FULL_HD', modifier: 'EQUALS' },
    });
    expect(scene({ resolution__ne: 'FULL_HD' })).toEqual({
      resolution: { value: 'FULL_HD', modifier: 'NOT_EQUALS' },
    });
    expect(scene({ resolution__gt: 'FULL_HD' })).toEqual({
      resolution: { value: 'FULL_HD', modifier: 'GREATER_THAN' },
    });
    expect(scene({ resolution__gte: 'FULL_HD' })).toEqual({
      resolution: { value: 'STANDARD_HD', modifier: 'GREATER_THAN' },
    });
    expect(scene({ resolution__lte: 'FULL_HD' })).toEqual({
      resolution: { value: 'QUAD_HD', modifier: 'LESS_THAN' },
    });
    // QUAD_HD ends at 1919; FOUR_K starts at 1920 (VR_HD too, but it is deprecated).
    expect(scene({ resolution__lte: 'QUAD_HD' })).toEqual({
      resolution: { value: 'FOUR_K', modifier: 'LESS_THAN' },
    });
    expect(scene({ resolution__gte: 'FOUR_K' })).toEqual({
      resolution: { value: 'QUAD_HD', modifier: 'GREATER_THAN' },
    });
    rejects('Scene', { resolution__gte: 'VERY_LOW' }, 'cannot be expressed');
    rejects('Scene', { resolution__lte: 'HUGE' }, 'cannot be expressed');
    rejects(
      'Scene',
      { resolution: '1080p' },
      /resolution expects a ResolutionEnum \(VERY_LOW, .*\), got "1080p"/,
    );
  });

  it('compiles Orientation (a set, no modifier)', () => {
    expect(scene({ orientation: 'LANDSCAPE' })).toEqual({ orientation: { value: ['LANDSCAPE'] } });
    expect(scene({ orientation__in: ['LANDSCAPE', 'SQUARE'] })).toEqual({
      orientation: { value: ['LANDSCAPE', 'SQUARE'] },
    });
    rejects('Scene', { orientation__ne: 'LANDSCAPE' }, 'unknown suffix "ne"');
  });

  it('compiles Gender with value for one member and value_list for a list', () => {
    expect(performer({ gender: 'FEMALE' })).toEqual({ gender: { value: 'FEMALE', modifier: 'EQUALS' } });
    expect(performer({ gender__in: ['FEMALE', 'MALE'] })).toEqual({
      gender: { value_list: ['FEMALE', 'MALE'], modifier: 'INCLUDES' },
    });
    expect(performer({ gender__excludes: ['MALE'] })).toEqual({
      gender: { value_list: ['MALE'], modifier: 'EXCLUDES' },
    });
    expect(performer({ gender__ne: 'MALE' })).toEqual({ gender: { value: 'MALE', modifier: 'NOT_EQUALS' } });
    expect(performer({ gender__null: true })).toEqual({ gender: { modifier: 'IS_NULL' } });
    rejects('Performer', { gender: 'female' }, 'gender expects a GenderEnum');
  });

  it('compiles Circumcision as a list', () => {
    expect(performer({ circumcised: 'CUT' })).toEqual({
      circumcised: { value: ['CUT'], modifier: 'EQUALS' },
    });
    expect(performer({ circumcised__in: ['CUT', 'UNCUT'] })).toEqual({
      circumcised: { value: ['CUT', 'UNCUT'], modifier: 'INCLUDES' },
    });
  });

  it('compiles StashID, phash distance and duplication shorthands', () => {
    expect(scene({ stash_id_endpoint: 'abc' })).toEqual({
      stash_id_endpoint: { stash_id: 'abc', modifier: 'EQUALS' },
    });
    expect(scene({ stash_id_endpoint__null: true })).toEqual({ stash_id_endpoint: { modifier: 'IS_NULL' } });
    expect(
      scene({ stash_id_endpoint: { endpoint: 'https://stashdb.org/graphql', modifier: 'NOT_NULL' } }),
    ).toEqual({
      stash_id_endpoint: { endpoint: 'https://stashdb.org/graphql', modifier: 'NOT_NULL' },
    });
    expect(scene({ phash_distance: 'ff00' })).toEqual({
      phash_distance: { value: 'ff00', modifier: 'EQUALS' },
    });
    expect(scene({ phash_distance: { value: 'ff00', distance: 4, modifier: 'EQUALS' } })).toEqual({
      phash_distance: { value: 'ff00', distance: 4, modifier: 'EQUALS' },
    });
    expect(scene({ duplicated: true })).toEqual({ duplicated: { duplicated: true } });
    expect(scene({ duplicated: { duplicated: true, distance: 2 } })).toEqual({
      duplicated: { duplicated: true, distance: 2 },
    });
  });
});

describe('compileFilter: raw criterion objects', () => {
  it('passes a valid raw criterion through (as a copy)', () => {
    const raw = { value: 'x', modifier: 'NOT_EQUALS' };
    const out = scene({ title: raw });
    expect(out).toEqual({ title: { value: 'x', modifier: 'NOT_EQUALS' } });
    expect(out.title).not.toBe(raw);
    expect(scene({ rating100: { value: 1, value2: 5, modifier: 'NOT_BETWEEN' } })).toEqual({
      rating100: { value: 1, value2: 5, modifier: 'NOT_BETWEEN' },
    });
    expect(scene({ tags: { value: ['1'], modifier: 'INCLUDES', depth: -1, excludes: ['2'] } })).toEqual({
      tags: { value: ['1'], modifier: 'INCLUDES', depth: -1, excludes: ['2'] },
    });
  });

  it('rejects unknown keys, missing required fields, bad enum values and bad scalars', () => {
    rejects(
      'Scene',
      { title: { valu: 'x', modifier: 'EQUALS' } },
      'unknown field "valu" in title (StringCriterionInput: value, modifier) (did you mean "value"?)',
    );
    rejects(
      'Scene',
      { title: { value: 'x' } },
      'title is missing the required field "modifier" (CriterionModifier!) of StringCriterionInput',
    );
    rejects(
      'Scene',
      { title: { value: 'x', modifier: 'LIKE' } },
      'title.modifier expects a CriterionModifier',
    );
    rejects(
      'Scene',
      { rating100: { value: '5', modifier: 'EQUALS' } },
      'rating100.value expects an integer, got "5"',
    );
    rejects('Scene', { tags: { value: '1', modifier: 'INCLUDES' } }, 'tags.value expects a list ([ID!])');
    rejects(
      'Scene',
      { tags: { value: ['1'], modifier: 'NOT_EQUALS' } },
      'Stash does not support NOT_EQUALS on HierarchicalMultiCriterionInput',
    );
    rejects('Scene', { rating100: { value: 1, modifier: 'BETWEEN' } }, 'BETWEEN needs value2');
    rejects(
      'Scene',
      { title__contains: { value: 'x', modifier: 'EQUALS' } },
      'title__contains expects a string',
    );
  });

  it('validates criterion lists and other input objects', () => {
    expect(
      performer({ custom_fields: [{ field: 'eyes', value: ['green', 2], modifier: 'INCLUDES' }] }),
    ).toEqual({
      custom_fields: [{ field: 'eyes', value: ['green', 2], modifier: 'INCLUDES' }],
    });
    rejects(
      'Performer',
      { custom_fields: { field: 'eyes', modifier: 'IS_NULL' } },
      'custom_fields expects a list of CustomFieldCriterionInput objects',
    );
    rejects(
      'Performer',
      { custom_fields: [{ modifier: 'IS_NULL' }] },
      'custom_fields[0] is missing the required field "field"',
    );
    expect(compileFilter('VideoFile', { video_file_filter: { interactive: true } })).toEqual({
      video_file_filter: { interactive: true },
    });
    expect(compileFilter('VideoFile', { hashes: [{ type: 'phash', value: 'ff', distance: 2 }] })).toEqual({
      hashes: [{ type: 'phash', value: 'ff', distance: 2 }],
    });
    rejects('VideoFile', { hashes: [{ type: 'phash' }] }, 'hashes[0] is missing the required field "value"');
  });
});

describe('compileFilter: plain inputs', () => {
  it('type-checks Boolean and String inputs; has_* flags accept booleans', () => {
    expect(scene({ organized: true, interactive: false, performer_favorite: true })).toEqual({
      organized: true,
      interactive: false,
      performer_favorite: true,
    });
    expect(scene({ is_missing: 'studio' })).toEqual({ is_missing: 'studio' });
    expect(scene({ has_markers: true })).toEqual({ has_markers: 'true' });
    expect(scene({ has_markers: 'false' })).toEqual({ has_markers: 'false' });
    expect(compileFilter('Gallery', { has_chapters: false })).toEqual({ has_chapters: 'false' });
    rejects('Scene', { organized: 'yes' }, 'organized expects true or false, got "yes"');
    rejects('Scene', { is_missing: true }, 'is_missing expects a string, got true');
    rejects('Scene', { organized__ne: true }, 'organized is a plain Boolean input and takes no suffix');
  });
});
