import { describe, expect, it } from 'vitest';
import { filterRows } from '../src/filter/filterRows';
import type { FilterEntity, FilterInput } from '../src/filter/types';
import { library } from './filterFixture';

const db = library();
const NOW = new Date('2024-06-01T00:00:00Z');
const STASHDB = 'https://stashdb.org/graphql';

function ids(entity: FilterEntity, filter: FilterInput): string[] {
  return filterRows(entity, [...db.table(entity).values()], filter, db, { now: NOW }).map((r) => r.id);
}

type Case = [FilterInput, string[]];

describe('Scene plain inputs and media criteria', () => {
  it.each<Case>([
    [{ organized: true }, ['1']],
    [{ organized: false }, ['2', '3', '4']],
    [{ interactive: true }, ['1']],
    [{ interactive_speed: { value: 50, modifier: 'EQUALS' } }, ['1']],
    [{ captions: { value: 'en', modifier: 'INCLUDES' } }, ['1']],
    [{ captions: { value: 'en', modifier: 'EXCLUDES' } }, ['2', '3', '4']],
    [{ captions: { value: '', modifier: 'IS_NULL' } }, ['2', '3', '4']],
    [{ has_markers: 'true' }, ['1', '2']],
    [{ has_markers: 'false' }, ['3', '4']],
    [{ director: { value: 'dee', modifier: 'EQUALS' } }, ['1']],
    [{ code: { value: 'ABC', modifier: 'INCLUDES' } }, ['1']],
    [{ bitrate: { value: 3_000_000, modifier: 'GREATER_THAN' } }, ['1']],
    [{ audio_codec: { value: 'opus', modifier: 'EQUALS' } }, ['2']],
    [{ play_duration: { value: 100, modifier: 'EQUALS' } }, ['1']],
  ])('%j', (filter, expected) => {
    expect(ids('Scene', filter)).toEqual(expected);
  });

  it.each<[string, string[]]>([
    ['studio', ['3']],
    ['performers', ['3']],
    ['date', ['3']],
    ['url', ['3', '4']],
    ['galleries', ['2', '3', '4']],
    ['tags', ['3']],
    ['stash_id', ['2', '3', '4']],
    ['phash', ['4']],
    ['group', ['3', '4']],
    ['title', ['3']],
    ['details', ['2', '3', '4']],
    ['cover', []],
    ['', ['1', '2', '3', '4']],
  ])('is_missing %s', (value, expected) => {
    expect(ids('Scene', { is_missing: value })).toEqual(expected);
  });

  it('rejects unknown is_missing values and bad has_markers', () => {
    expect(() => ids('Scene', { is_missing: 'bogus' })).toThrow(
      /is_missing value bogus is not supported for Scene/,
    );
    expect(() => ids('Scene', { has_markers: 'maybe' })).toThrow(/expected "true" or "false"/);
  });

  // min side: s1 1080 (FULL_HD), s2 720, s3 720 (portrait), s4 1000 (square) — the last three STANDARD_HD
  it.each<[string, string, string[]]>([
    ['EQUALS', 'FULL_HD', ['1']],
    ['EQUALS', 'STANDARD_HD', ['2', '3', '4']],
    ['NOT_EQUALS', 'STANDARD_HD', ['1']],
    ['LESS_THAN', 'FULL_HD', ['2', '3', '4']],
    ['GREATER_THAN', 'STANDARD_HD', ['1']],
  ])('resolution %s %s', (modifier, value, expected) => {
    expect(ids('Scene', { resolution: { value, modifier } })).toEqual(expected);
  });

  it('rejects other resolution modifiers and unknown values', () => {
    expect(() => ids('Scene', { resolution: { value: 'FULL_HD', modifier: 'BETWEEN' } })).toThrow(
      /invalid modifier BETWEEN/,
    );
    expect(() => ids('Scene', { resolution: { value: '8K', modifier: 'EQUALS' } })).toThrow(
      /not a valid ResolutionEnum/,
    );
  });

  it.each<[string[], string[]]>([
    [['LANDSCAPE'], ['1', '2']],
    [['PORTRAIT'], ['3']],
    [['SQUARE'], ['4']],
    [
      ['PORTRAIT', 'SQUARE'],
      ['3', '4'],
    ],
    [[], ['1', '2', '3', '4']],
  ])('orientation %j', (value, expected) => {
    expect(ids('Scene', { orientation: { value } })).toEqual(expected);
  });

  // phashes: f1 ffff000000000000, f2 …0001, f3 FFFF000000000000, f4 none
  it.each<[FilterInput, string[]]>([
    [{ value: 'ffff000000000000', modifier: 'EQUALS' }, ['1', '3']],
    [{ value: 'ffff000000000000', modifier: 'EQUALS', distance: 2 }, ['1', '2', '3']],
    [{ value: 'ffff000000000000', modifier: 'NOT_EQUALS' }, ['2']],
    [{ value: 'ffff000000000001', modifier: 'NOT_EQUALS', distance: 0 }, ['1', '3']],
    [{ value: '0000000000000001', modifier: 'NOT_EQUALS', distance: 16 }, ['1', '3']], // distances 17, 16, 17: strictly greater
    [{ value: 'ffff000000000000', modifier: 'IS_NULL' }, ['4']],
    [{ value: 'ffff000000000000', modifier: 'GREATER_THAN' }, ['2']],
  ])('phash_distance %j', (criterion, expected) => {
    expect(ids('Scene', { phash_distance: criterion })).toEqual(expected);
  });

  it('supports the deprecated phash field and rejects invalid hashes', () => {
    expect(ids('Scene', { phash: { value: 'ffff000000000000', modifier: 'EQUALS' } })).toEqual(['1', '3']);
    expect(() => ids('Scene', { phash_distance: { value: 'xyz', modifier: 'EQUALS' } })).toThrow(
      /invalid phash value/,
    );
  });

  it('duplicated: a phash shared with another file', () => {
    expect(ids('Scene', { duplicated: { duplicated: true } })).toEqual(['1', '3']);
    expect(ids('Scene', { duplicated: { duplicated: false } })).toEqual(['2']);
  });

  it.each<[FilterInput, string[]]>([
    [{ endpoint: STASHDB, stash_id: 'abc', modifier: 'EQUALS' }, ['1']],
    [{ stash_id: 'ab', modifier: 'INCLUDES' }, ['1']],
    [{ modifier: 'NOT_NULL' }, ['1']],
    [{ endpoint: 'https://other.example/graphql', modifier: 'NOT_NULL' }, []],
    [{ modifier: 'IS_NULL' }, ['2', '3', '4']],
  ])('stash_id_endpoint %j', (criterion, expected) => {
    expect(ids('Scene', { stash_id_endpoint: criterion })).toEqual(expected);
  });
});

describe('Performer inputs', () => {
  it.each<Case>([
    [{ gender: { value: 'FEMALE', modifier: 'EQUALS' } }, ['1']],
    [{ gender: { value_list: ['FEMALE', 'MALE'], modifier: 'INCLUDES' } }, ['1', '2']],
    [{ gender: { value: 'FEMALE', modifier: 'NOT_EQUALS' } }, ['2']],
    [{ gender: { value_list: ['MALE'], modifier: 'EXCLUDES' } }, ['1']],
    [{ gender: { modifier: 'IS_NULL' } }, ['3']],
    [{ gender: { modifier: 'NOT_NULL' } }, ['1', '2']],
    [{ circumcised: { value: ['CUT'], modifier: 'INCLUDES' } }, ['2']],
    [{ circumcised: { value: ['CUT'], modifier: 'EXCLUDES' } }, []],
    [{ circumcised: { modifier: 'IS_NULL' } }, ['1', '3']],
    [{ filter_favorites: true }, ['1']],
    [{ ignore_auto_tag: false }, ['1', '2', '3']],
    [{ birth_year: { value: 1990, modifier: 'EQUALS' } }, ['1']],
    [{ death_year: { value: 0, modifier: 'IS_NULL' } }, ['1', '2']],
    [{ age: { value: 33, modifier: 'EQUALS' } }, ['1']],
    [{ age: { value: 35, modifier: 'GREATER_THAN' } }, ['2']],
    [{ birthdate: { value: '1989-01-01', modifier: 'LESS_THAN' } }, ['2']],
    [{ scene_count: { value: 2, modifier: 'EQUALS' } }, ['2']],
    [{ image_count: { value: 1, modifier: 'EQUALS' } }, ['1']],
    [{ gallery_count: { value: 1, modifier: 'EQUALS' } }, ['1']],
    [{ o_counter: { value: 5, modifier: 'EQUALS' } }, ['1']],
    [{ play_count: { value: 0, modifier: 'GREATER_THAN' } }, ['1', '2']],
    [{ tag_count: { value: 0, modifier: 'EQUALS' } }, ['3']],
    [{ height_cm: { value: 175, modifier: 'GREATER_THAN' } }, ['2']],
    [{ country: { value: 'us', modifier: 'EQUALS' } }, ['1']],
    [{ rating100: { value: 90, modifier: 'EQUALS' } }, ['1']],
    [{ stash_id_endpoint: { stash_id: 'p-alice', modifier: 'EQUALS' } }, ['1']],
    [{ is_missing: 'image' }, ['1', '2', '3']],
    [{ is_missing: 'aliases' }, ['2', '3']],
    [{ is_missing: 'gender' }, ['3']],
    [{ is_missing: 'scenes' }, []],
  ])('%j', (filter, expected) => {
    expect(ids('Performer', filter)).toEqual(expected);
  });

  it('rejects unsupported gender modifiers', () => {
    expect(() => ids('Performer', { gender: { value: 'MALE', modifier: 'GREATER_THAN' } })).toThrow(
      /unsupported string filter modifier GREATER_THAN/,
    );
  });

  // custom fields: Alice { hair: 'red', score: 7 }, Bob { score: 3 }, Cara {}
  it.each<[FilterInput[], string[]]>([
    [[{ field: 'hair', value: ['red'], modifier: 'EQUALS' }], ['1']],
    [[{ field: 'score', value: [3], modifier: 'NOT_EQUALS' }], ['1']],
    [[{ field: 'score', value: [5], modifier: 'GREATER_THAN' }], ['1']],
    [[{ field: 'score', value: [5], modifier: 'LESS_THAN' }], ['2']],
    [[{ field: 'score', value: [1, 5], modifier: 'BETWEEN' }], ['2']],
    [[{ field: 'score', value: [1, 5], modifier: 'NOT_BETWEEN' }], ['1']],
    [[{ field: 'hair', value: ['re'], modifier: 'INCLUDES' }], ['1']],
    [[{ field: 'hair', value: ['bl'], modifier: 'EXCLUDES' }], ['1']],
    [[{ field: 'hair', value: ['^r'], modifier: 'MATCHES_REGEX' }], ['1']],
    [[{ field: 'hair', value: ['^r'], modifier: 'NOT_MATCHES_REGEX' }], ['2', '3']],
    [[{ field: 'hair', modifier: 'IS_NULL' }], ['2', '3']],
    [[{ field: 'hair', modifier: 'NOT_NULL' }], ['1']],
    [
      [
        { field: 'hair', value: ['red'], modifier: 'EQUALS' },
        { field: 'score', value: [5], modifier: 'LESS_THAN' },
      ],
      [],
    ],
  ])('custom_fields %j', (criteria, expected) => {
    expect(ids('Performer', { custom_fields: criteria })).toEqual(expected);
  });

  it('rejects malformed custom field criteria', () => {
    expect(() =>
      ids('Performer', { custom_fields: [{ field: 'score', value: [1], modifier: 'BETWEEN' }] }),
    ).toThrow('expected 2 values for custom field criterion modifier BETWEEN, got 1');
    expect(() =>
      ids('Performer', { custom_fields: [{ field: 'score', value: [1], modifier: 'INCLUDES_ALL' }] }),
    ).toThrow('unsupported custom field criterion modifier: INCLUDES_ALL');
  });
});

describe('Studio and Tag inputs', () => {
  it.each<Case>([
    [{ scene_count: { value: 1, modifier: 'EQUALS' } }, ['2', '3', '4']],
    [{ image_count: { value: 1, modifier: 'EQUALS' } }, ['2']],
    [{ gallery_count: { value: 1, modifier: 'EQUALS' } }, ['1']],
    [{ child_count: { value: 1, modifier: 'EQUALS' } }, ['1', '2']],
    [{ tag_count: { value: 1, modifier: 'EQUALS' } }, ['2']],
    [{ favorite: true }, ['1']],
    [{ aliases: { value: 'as', modifier: 'EQUALS' } }, ['1']],
    [{ url: { value: 'alpha', modifier: 'INCLUDES' } }, ['1']],
    [{ is_missing: 'details' }, ['1', '2', '4']],
    [{ details: { value: 'third', modifier: 'EQUALS' } }, ['3']],
  ])('studio %j', (filter, expected) => {
    expect(ids('Studio', filter)).toEqual(expected);
  });

  it.each<Case>([
    [{ scene_count: { value: 1, modifier: 'EQUALS' } }, ['2', '3', '4', '5']],
    [{ image_count: { value: 1, modifier: 'EQUALS' } }, ['1']],
    [{ gallery_count: { value: 1, modifier: 'EQUALS' } }, ['2']],
    [{ performer_count: { value: 1, modifier: 'EQUALS' } }, ['1', '4']],
    [{ studio_count: { value: 1, modifier: 'EQUALS' } }, ['1']],
    [{ group_count: { value: 1, modifier: 'EQUALS' } }, ['1']],
    [{ movie_count: { value: 0, modifier: 'GREATER_THAN' } }, ['1']],
    [{ marker_count: { value: 1, modifier: 'EQUALS' } }, ['1', '3', '4', '5']],
    [{ favorite: true }, ['1']],
    [{ aliases: { value: 'outside', modifier: 'EQUALS' } }, ['1']],
    [{ sort_name: { value: '', modifier: 'NOT_NULL' } }, ['2']],
    [{ description: { value: 'golden', modifier: 'INCLUDES' } }, ['3']],
    [{ is_missing: 'image' }, ['1', '2', '3', '5']],
  ])('tag %j', (filter, expected) => {
    expect(ids('Tag', filter)).toEqual(expected);
  });
});

describe('Gallery, Image and Group inputs', () => {
  it.each<Case>([
    [{ is_zip: true }, ['1']],
    [{ is_zip: false }, ['2']],
    [{ path: { value: 'set.zip', modifier: 'INCLUDES' } }, ['1']],
    [{ path: { value: '/media/images', modifier: 'EQUALS' } }, ['2']],
    [{ has_chapters: 'true' }, ['1']],
    [{ has_chapters: 'false' }, ['2']],
    [{ image_count: { value: 2, modifier: 'EQUALS' } }, ['1']],
    [{ average_resolution: { value: 'QUAD_HD', modifier: 'EQUALS' } }, ['1']],
    [{ average_resolution: { value: 'STANDARD', modifier: 'EQUALS' } }, ['2']],
    [{ average_resolution: { value: 'FULL_HD', modifier: 'GREATER_THAN' } }, ['1']],
    [{ performer_favorite: true }, ['1']],
    [{ performer_age: { value: 29, modifier: 'EQUALS' } }, ['1']],
    [{ checksum: { value: 'zip7', modifier: 'EQUALS' } }, ['1']],
    [{ is_missing: 'title' }, ['2']],
    [{ is_missing: 'scenes' }, ['2']],
    [{ id: { value: 2, modifier: 'EQUALS' } }, ['2']],
  ])('gallery %j', (filter, expected) => {
    expect(ids('Gallery', filter)).toEqual(expected);
  });

  it.each<Case>([
    [{ checksum: { value: '', modifier: 'IS_NULL' } }, []],
    [{ resolution: { value: 'SIX_K', modifier: 'EQUALS' } }, ['1']],
    [{ orientation: { value: ['LANDSCAPE'] } }, ['1', '2']],
    [{ o_counter: { value: 0, modifier: 'GREATER_THAN' } }, ['1']],
    [{ is_missing: 'galleries' }, []],
    [{ is_missing: 'title' }, ['2']],
    [{ path: { value: 'img2', modifier: 'INCLUDES' } }, ['2']],
    [{ performer_count: { value: 1, modifier: 'EQUALS' } }, ['1']],
    [{ file_count: { value: 1, modifier: 'EQUALS' } }, ['1', '2']],
  ])('image %j', (filter, expected) => {
    expect(ids('Image', filter)).toEqual(expected);
  });

  it.each<Case>([
    [{ o_counter: { value: 3, modifier: 'EQUALS' } }, ['1']],
    [{ duration: { value: 3600, modifier: 'EQUALS' } }, ['1']],
    [{ is_missing: 'scenes' }, ['3']],
    [{ performers: { modifier: 'IS_NULL' } }, ['3']],
    [{ name: { value: 'part', modifier: 'INCLUDES' } }, ['2', '3']],
    [{ studios_filter: { favorite: true } }, ['1']],
  ])('group %j', (filter, expected) => {
    expect(ids('Group', filter)).toEqual(expected);
  });
});

describe('File and Folder inputs', () => {
  it.each<Case>([
    [{ basename: { value: 'portrait.mp4', modifier: 'EQUALS' } }, ['3']],
    [{ dir: { value: '/media/images', modifier: 'EQUALS' } }, ['5', '6', '7']],
    [{ path: { value: '.mp4', modifier: 'INCLUDES' } }, ['1', '2', '3', '4']],
    [
      { parent_folder: { value: ['1'], depth: -1, modifier: 'INCLUDES' } },
      ['1', '2', '3', '4', '5', '6', '7'],
    ],
    [{ parent_folder: { value: ['2'], modifier: 'EQUALS' } }, ['1', '2', '3', '4']],
    [{ video_file_filter: { resolution: { value: 'FULL_HD', modifier: 'EQUALS' } } }, ['1']],
    [{ video_file_filter: { duration: { value: 100, modifier: 'LESS_THAN' } } }, ['3', '4']],
    [{ video_file_filter: { captions: { value: 'en', modifier: 'EQUALS' } } }, ['1']],
    [{ image_file_filter: { format: { value: 'png', modifier: 'EQUALS' } } }, ['6']],
    [{ hashes: [{ type: 'md5', value: 'AAA1' }] }, ['1']],
    [{ hashes: [{ type: 'phash', value: 'ffff000000000000', distance: 2 }] }, ['1', '2', '3']],
    [{ duplicated: { duplicated: true } }, ['1', '3']],
    [{ scene_count: { value: 1, modifier: 'EQUALS' } }, ['1', '2', '3', '4']],
    [{ image_count: { value: 1, modifier: 'EQUALS' } }, ['5', '6']],
    [{ gallery_count: { value: 1, modifier: 'EQUALS' } }, ['7']],
    [{ scenes_filter: { title: { value: 'kitchen', modifier: 'INCLUDES' } } }, ['2']],
    [{ zip_file: { modifier: 'NOT_NULL' } }, []],
  ])('file %j', (filter, expected) => {
    expect(ids('File', filter)).toEqual(expected);
  });

  it.each<Case>([
    [{ path: { value: 'images', modifier: 'INCLUDES' } }, ['3']],
    [{ parent_folder: { value: ['1'], modifier: 'INCLUDES' } }, ['2', '3']],
    [{ gallery_count: { value: 1, modifier: 'EQUALS' } }, ['3']],
    [{ files_filter: { basename: { value: 'img1.jpg', modifier: 'EQUALS' } } }, ['3']],
    [
      {
        OR: { path: { value: '/media', modifier: 'EQUALS' } },
        path: { value: 'videos', modifier: 'INCLUDES' },
      },
      ['1', '2'],
    ],
  ])('folder %j', (filter, expected) => {
    expect(ids('Folder', filter)).toEqual(expected);
  });
});
