import { describe, expect, it } from 'vitest';
import { MockStashError } from '../src/errors';
import { filterRows } from '../src/filter/filterRows';
import type { FilterEntity, FilterInput } from '../src/filter/types';
import { library } from './filterFixture';

const db = library();
const NOW = new Date('2024-06-01T00:00:00Z');

function ids(entity: FilterEntity, filter: FilterInput): string[] {
  return filterRows(entity, [...db.table(entity).values()], filter, db, { now: NOW }).map((r) => r.id);
}

// scene titles: 1 'Sunset Beach', 2 'kitchen talk', 3 null, 4 'Square one'
describe('StringCriterionInput', () => {
  it.each([
    ['EQUALS', 'sunset beach', ['1']],
    ['EQUALS', 'sun%', ['1']],
    ['EQUALS', 'kitchen_talk', ['2']],
    ['NOT_EQUALS', 'sunset beach', ['2', '4']],
    ['INCLUDES', 'beach talk', ['1', '2']],
    ['INCLUDES', '"beach talk"', []],
    ['INCLUDES', '"set Bea"', ['1']],
    ['EXCLUDES', 'beach talk', ['4']],
    ['EXCLUDES', '"one"', ['1', '2']],
    ['MATCHES_REGEX', '^S', ['1', '4']],
    ['MATCHES_REGEX', '(?i)^s', ['1', '4']],
    ['NOT_MATCHES_REGEX', '^S', ['2', '3']],
    ['IS_NULL', '', ['3']],
    ['NOT_NULL', '', ['1', '2', '4']],
  ])('%s %j', (modifier, value, expected) => {
    expect(ids('Scene', { title: { value, modifier } })).toEqual(expected);
  });

  it('treats a blank string as null for IS_NULL / NOT_NULL', () => {
    // scene 4 has details '   '
    expect(ids('Scene', { details: { value: '', modifier: 'IS_NULL' } })).toEqual(['2', '3', '4']);
    expect(ids('Scene', { details: { value: '', modifier: 'NOT_NULL' } })).toEqual(['1']);
  });

  it('folds ASCII case only, as SQLite LIKE', () => {
    expect(ids('Studio', { name: { value: 'ALPHA STUDIOS', modifier: 'EQUALS' } })).toEqual(['1']);
  });

  it('rejects an invalid regex before evaluating', () => {
    expect(() => ids('Scene', { title: { value: '(', modifier: 'MATCHES_REGEX' } })).toThrow(
      /error parsing regexp/,
    );
  });

  it.each(['GREATER_THAN', 'LESS_THAN', 'BETWEEN', 'NOT_BETWEEN', 'INCLUDES_ALL'])(
    'rejects %s',
    (modifier) => {
      expect(() => ids('Scene', { title: { value: 'x', modifier } })).toThrow(MockStashError);
      expect(() => ids('Scene', { title: { value: 'x', modifier } })).toThrow(
        /unsupported string filter modifier/,
      );
    },
  );

  it('matches any element of a string list, and EXCLUDES means no element contains it', () => {
    expect(ids('Scene', { url: { value: 'example.com', modifier: 'INCLUDES' } })).toEqual(['1']);
    expect(ids('Scene', { url: { value: 'example', modifier: 'EXCLUDES' } })).toEqual(['3', '4']);
    expect(ids('Scene', { url: { value: '', modifier: 'IS_NULL' } })).toEqual(['3', '4']);
    expect(ids('Performer', { aliases: { value: 'al', modifier: 'EQUALS' } })).toEqual(['1']);
  });

  it('matches any file for joined file columns', () => {
    expect(ids('Scene', { path: { value: 'videos/k', modifier: 'INCLUDES' } })).toEqual(['2']);
    expect(ids('Scene', { path: { value: '/media/videos/%.mp4', modifier: 'EQUALS' } })).toEqual([
      '1',
      '2',
      '3',
      '4',
    ]);
    expect(ids('Scene', { video_codec: { value: 'hevc', modifier: 'EQUALS' } })).toEqual(['2']);
    expect(ids('Scene', { oshash: { value: 'o1', modifier: 'EQUALS' } })).toEqual(['1']);
    expect(ids('Scene', { checksum: { value: '', modifier: 'IS_NULL' } })).toEqual(['3', '4']);
  });
});

// ratings: s1 80, s2 null, s3 null, s4 20
describe('IntCriterionInput / FloatCriterionInput', () => {
  it.each([
    ['EQUALS', 80, undefined, ['1']],
    ['NOT_EQUALS', 80, undefined, ['4']],
    ['GREATER_THAN', 20, undefined, ['1']],
    ['LESS_THAN', 80, undefined, ['4']],
    ['BETWEEN', 20, 80, ['1', '4']],
    ['BETWEEN', 21, 80, ['1']],
    ['NOT_BETWEEN', 21, 79, ['1', '4']],
    ['IS_NULL', 0, undefined, ['2', '3']],
    ['NOT_NULL', 0, undefined, ['1', '4']],
  ])('%s %d..%s', (modifier, value, value2, expected) => {
    expect(ids('Scene', { rating100: { value, value2, modifier } })).toEqual(expected);
  });

  it('defaults value2 to 0', () => {
    expect(ids('Scene', { rating100: { value: -5, modifier: 'BETWEEN' } })).toEqual([]);
  });

  it('truncates float columns compared as ints (duration, resume_time)', () => {
    // file durations: 600.4, 1200, 30, 90
    expect(ids('Scene', { duration: { value: 600, modifier: 'EQUALS' } })).toEqual(['1']);
    expect(ids('Scene', { resume_time: { value: 10, modifier: 'EQUALS' } })).toEqual(['1']);
    expect(ids('Scene', { framerate: { value: 30, modifier: 'EQUALS' } })).toEqual(['1']);
  });

  it('compares floats', () => {
    expect(ids('Performer', { penis_length: { value: 15.5, modifier: 'EQUALS' } })).toEqual(['2']);
    expect(ids('Performer', { penis_length: { value: 0, modifier: 'IS_NULL' } })).toEqual(['1', '3']);
    expect(ids('SceneMarker', { duration: { value: 10, value2: 60, modifier: 'BETWEEN' } })).toEqual([
      '1',
      '3',
    ]);
    expect(ids('SceneMarker', { duration: { value: 0, modifier: 'IS_NULL' } })).toEqual(['2']);
  });

  it('counts derived values', () => {
    expect(ids('Scene', { o_counter: { value: 3, modifier: 'EQUALS' } })).toEqual(['1']);
    expect(ids('Scene', { play_count: { value: 0, modifier: 'GREATER_THAN' } })).toEqual(['1']);
    expect(ids('Scene', { performer_count: { value: 1, modifier: 'EQUALS' } })).toEqual(['2', '4']);
    expect(ids('Scene', { tag_count: { value: 2, modifier: 'EQUALS' } })).toEqual(['2']);
    expect(ids('Scene', { file_count: { value: 1, modifier: 'EQUALS' } })).toEqual(['1', '2', '3', '4']);
    expect(ids('Scene', { id: { value: 2, value2: 3, modifier: 'BETWEEN' } })).toEqual(['2', '3']);
  });

  it.each(['INCLUDES', 'EXCLUDES', 'MATCHES_REGEX', 'INCLUDES_ALL'])('rejects %s', (modifier) => {
    expect(() => ids('Scene', { rating100: { value: 1, modifier } })).toThrow(
      /unsupported numeric modifier type/,
    );
  });
});

describe('DateCriterionInput', () => {
  // dates: s1 2020-06-15, s2 2021-01-01, s3 null, s4 '2019' (partial)
  it.each([
    ['EQUALS', '2020-06-15', undefined, ['1']],
    ['NOT_EQUALS', '2020-06-15', undefined, ['2', '4']],
    ['GREATER_THAN', '2020-06-15', undefined, ['2']],
    ['LESS_THAN', '2020-06-15', undefined, ['4']],
    ['BETWEEN', '2020-01-01', '2020-12-31', ['1']],
    ['BETWEEN', '2020-01-01', undefined, ['1', '2']],
    ['NOT_BETWEEN', '2020-01-01', '2020-12-31', ['2', '4']],
    ['IS_NULL', '', undefined, ['3']],
    ['NOT_NULL', '', undefined, ['1', '2', '4']],
  ])('%s %s..%s', (modifier, value, value2, expected) => {
    expect(ids('Scene', { date: { value, value2, modifier } })).toEqual(expected);
  });

  it('rejects unsupported modifiers', () => {
    expect(() => ids('Scene', { date: { value: '2020', modifier: 'INCLUDES' } })).toThrow(
      /unsupported date modifier type/,
    );
  });
});

describe('TimestampCriterionInput', () => {
  // created_at: s1 01-10 12:00, s2 01-11 12:00, s3 01-12 12:00, s4 01-13 12:00 (2024, UTC)
  it.each([
    ['EQUALS', '2024-01-11', undefined, ['2']],
    ['EQUALS', '2024-01-11 12:00', undefined, ['2']],
    ['NOT_EQUALS', '2024-01-11', undefined, ['1', '3', '4']],
    ['GREATER_THAN', '2024-01-11', undefined, ['3', '4']],
    ['LESS_THAN', '2024-01-11T12:00:00Z', undefined, ['1']],
    ['BETWEEN', '2024-01-11', '2024-01-12', ['2', '3']],
    ['NOT_BETWEEN', '2024-01-11', '2024-01-12', ['1', '4']],
    ['NOT_NULL', '', undefined, ['1', '2', '3', '4']],
    ['IS_NULL', '', undefined, []],
  ])('%s %s..%s', (modifier, value, value2, expected) => {
    expect(ids('Scene', { created_at: { value, value2, modifier } })).toEqual(expected);
  });

  it('accepts relative values (<duration ago, >duration ahead)', () => {
    // NOW is 2024-06-01; s1 updated 2024-05-01 (exactly 744h before), the others 2024-01-01
    expect(ids('Scene', { updated_at: { value: '<744h', modifier: 'GREATER_THAN' } })).toEqual([]);
    expect(ids('Scene', { updated_at: { value: '<1000h', modifier: 'GREATER_THAN' } })).toEqual(['1']);
    expect(ids('Scene', { updated_at: { value: '<5000h', modifier: 'GREATER_THAN' } })).toEqual([
      '1',
      '2',
      '3',
      '4',
    ]);
    expect(ids('Scene', { updated_at: { value: '>1h30m', modifier: 'LESS_THAN' } })).toEqual([
      '1',
      '2',
      '3',
      '4',
    ]);
  });

  it('treats never-played scenes as played at the epoch start, as Stash does', () => {
    expect(ids('Scene', { last_played_at: { value: '2024-03-02', modifier: 'GREATER_THAN' } })).toEqual([
      '1',
    ]);
    expect(ids('Scene', { last_played_at: { value: '2000-01-01', modifier: 'LESS_THAN' } })).toEqual([
      '2',
      '3',
      '4',
    ]);
  });

  it('rejects unparsable timestamps', () => {
    expect(() => ids('Scene', { created_at: { value: 'yesterday', modifier: 'EQUALS' } })).toThrow(
      /invalid timestamp/,
    );
    expect(() => ids('Scene', { created_at: { value: '<4d', modifier: 'EQUALS' } })).toThrow(
      /invalid duration/,
    );
  });
});
