import { describe, expect, it } from 'vitest';
import { filterRows } from '../src/filter/filterRows';
import type { FilterEntity, FilterInput } from '../src/filter/types';
import { library } from './filterFixture';

const db = library();
const NOW = new Date('2024-06-01T00:00:00Z');

function ids(entity: FilterEntity, filter: FilterInput): string[] {
  return filterRows(entity, [...db.table(entity).values()], filter, db, { now: NOW }).map((r) => r.id);
}

// scene performers: s1 [1,2], s2 [2], s3 [], s4 [3]
describe('MultiCriterionInput', () => {
  it.each([
    ['INCLUDES', ['1'], undefined, ['1']],
    ['INCLUDES', ['1', '3'], undefined, ['1', '4']],
    ['INCLUDES_ALL', ['1', '2'], undefined, ['1']],
    ['EQUALS', ['2'], undefined, ['2']],
    ['EQUALS', ['2', '1'], undefined, ['1']],
    ['EXCLUDES', ['2'], undefined, ['3', '4']],
    ['IS_NULL', undefined, undefined, ['3']],
    ['NOT_NULL', undefined, undefined, ['1', '2', '4']],
    ['INCLUDES', ['2'], ['1'], ['2']],
    ['INCLUDES', [], ['1'], ['2', '3', '4']],
    ['INCLUDES', [], undefined, ['1', '2', '3', '4']],
  ])('%s %j excludes %j', (modifier, value, excludes, expected) => {
    expect(ids('Scene', { performers: { value, excludes, modifier } })).toEqual(expected);
  });

  it('rejects NOT_EQUALS with Stash message, and non-list modifiers', () => {
    expect(() => ids('Scene', { performers: { value: ['1'], modifier: 'NOT_EQUALS' } })).toThrow(
      'not equals modifier is not supported for multi criterion input',
    );
    expect(() => ids('Scene', { performers: { value: ['1'], modifier: 'GREATER_THAN' } })).toThrow(
      /invalid modifier GREATER_THAN/,
    );
  });

  it('covers galleries, movies and marker scenes', () => {
    expect(ids('Scene', { galleries: { value: ['1'], modifier: 'INCLUDES' } })).toEqual(['1']);
    expect(ids('Scene', { movies: { value: ['2'], modifier: 'INCLUDES' } })).toEqual(['2']);
    expect(ids('SceneMarker', { scenes: { value: ['2'], modifier: 'INCLUDES' } })).toEqual(['3']);
    expect(ids('SceneMarker', { performers: { value: ['1'], modifier: 'INCLUDES' } })).toEqual(['1', '2']);
    expect(ids('Gallery', { scenes: { value: ['1'], modifier: 'INCLUDES' } })).toEqual(['1']);
    expect(ids('Image', { galleries: { value: ['2'], modifier: 'INCLUDES' } })).toEqual(['2']);
    expect(ids('Studio', { parents: { value: ['1'], modifier: 'INCLUDES' } })).toEqual(['2']);
    expect(ids('Group', { performers: { value: ['1'], modifier: 'INCLUDES' } })).toEqual(['1']);
  });
});

// tag tree: 1 Outdoor > 2 Beach > 3 Sunset; 4 Indoor > 5 Kitchen. Scene tags: s1 [3], s2 [5,2], s3 [], s4 [4]
describe('HierarchicalMultiCriterionInput (tags)', () => {
  it.each([
    ['INCLUDES', ['1'], undefined, undefined, []],
    ['INCLUDES', ['1'], 1, undefined, ['2']],
    ['INCLUDES', ['1'], 2, undefined, ['1', '2']],
    ['INCLUDES', ['1'], -1, undefined, ['1', '2']],
    ['INCLUDES_ALL', ['2', '4'], -1, undefined, ['2']],
    ['INCLUDES_ALL', ['3', '4'], -1, undefined, []],
    ['EQUALS', ['3'], undefined, undefined, ['1']],
    ['EQUALS', ['5', '2'], 0, undefined, ['2']],
    ['EQUALS', ['5'], undefined, undefined, []],
    ['EXCLUDES', ['2'], -1, undefined, ['3', '4']],
    ['EXCLUDES', ['2'], 0, undefined, ['1', '3', '4']],
    ['IS_NULL', undefined, undefined, undefined, ['3']],
    ['NOT_NULL', undefined, undefined, undefined, ['1', '2', '4']],
    ['INCLUDES', ['4'], -1, ['5'], ['4']],
  ])('%s %j depth %s excludes %j', (modifier, value, depth, excludes, expected) => {
    expect(ids('Scene', { tags: { value, depth, excludes, modifier } })).toEqual(expected);
  });

  it('rejects NOT_EQUALS and EQUALS with depth, with Stash messages', () => {
    expect(() => ids('Scene', { tags: { value: ['1'], modifier: 'NOT_EQUALS' } })).toThrow(
      'not equals modifier is not supported for hierarchical multi criterion input',
    );
    expect(() => ids('Scene', { tags: { value: ['1'], depth: 1, modifier: 'EQUALS' } })).toThrow(
      'depth is not supported for equals modifier in hierarchical multi criterion input',
    );
  });

  it('applies to other entities tags', () => {
    expect(ids('Performer', { tags: { value: ['4'], modifier: 'INCLUDES' } })).toEqual(['2']);
    expect(ids('Studio', { tags: { value: ['1'], modifier: 'INCLUDES' } })).toEqual(['2']);
    expect(ids('Gallery', { tags: { value: ['1'], depth: -1, modifier: 'INCLUDES' } })).toEqual(['1']);
    expect(ids('Image', { tags: { value: ['1'], modifier: 'INCLUDES' } })).toEqual(['2']);
    expect(ids('Group', { tags: { value: ['1'], modifier: 'EXCLUDES' } })).toEqual(['2', '3']);
  });
});

// studio tree: 1 Alpha > 2 Beta > 3 Gamma; 4 Delta. Scene studios: s1 2, s2 4, s3 none, s4 3
describe('studios (hierarchical, one per row)', () => {
  it.each([
    ['INCLUDES', ['1'], 0, []],
    ['INCLUDES', ['1'], 1, ['1']],
    ['INCLUDES', ['1'], -1, ['1', '4']],
    ['EQUALS', ['2'], 0, ['1']],
    ['NOT_EQUALS', ['2'], 0, ['2', '3', '4']],
    ['EXCLUDES', ['1'], -1, ['2', '3']],
    ['IS_NULL', undefined, 0, ['3']],
    ['NOT_NULL', undefined, 0, ['1', '2', '4']],
    ['INCLUDES_ALL', ['1', '2'], -1, []],
    ['INCLUDES_ALL', ['2'], -1, ['1', '4']],
  ])('%s %j depth %d', (modifier, value, depth, expected) => {
    expect(ids('Scene', { studios: { value, depth, modifier } })).toEqual(expected);
  });

  it('filters galleries, images and groups by studio', () => {
    expect(ids('Gallery', { studios: { value: ['1'], modifier: 'INCLUDES' } })).toEqual(['1']);
    expect(ids('Image', { studios: { value: ['1'], depth: -1, modifier: 'INCLUDES' } })).toEqual(['1']);
    expect(ids('Group', { studios: { value: ['1'], modifier: 'EQUALS' } })).toEqual(['1']);
  });

  it('filters performers by the studios of their content', () => {
    // Alice: scene 1 (Beta), gallery 1 (Alpha), image 1 (Beta); Bob: scenes 1, 2 (Delta); Cara: scene 4 (Gamma)
    expect(ids('Performer', { studios: { value: ['4'], modifier: 'INCLUDES' } })).toEqual(['2']);
    expect(ids('Performer', { studios: { value: ['2'], depth: -1, modifier: 'INCLUDES' } })).toEqual([
      '1',
      '2',
      '3',
    ]);
    expect(ids('Performer', { studios: { value: ['4'], modifier: 'EXCLUDES' } })).toEqual(['1', '3']);
    expect(ids('Performer', { studios: { modifier: 'IS_NULL' } })).toEqual([]);
  });
});

describe('groups (sub-group hierarchy)', () => {
  it('expands sub-groups by depth', () => {
    expect(ids('Scene', { groups: { value: ['1'], modifier: 'INCLUDES' } })).toEqual(['1']);
    expect(ids('Scene', { groups: { value: ['1'], depth: -1, modifier: 'INCLUDES' } })).toEqual(['1', '2']);
    expect(ids('Performer', { groups: { value: ['2'], modifier: 'INCLUDES' } })).toEqual(['2']);
    expect(ids('Performer', { groups: { value: ['1'], depth: -1, modifier: 'EXCLUDES' } })).toEqual(['3']);
  });

  it('filters groups by containing groups and sub-groups', () => {
    expect(ids('Group', { containing_groups: { value: ['1'], modifier: 'INCLUDES' } })).toEqual(['2']);
    expect(ids('Group', { containing_groups: { value: ['1'], depth: -1, modifier: 'INCLUDES' } })).toEqual([
      '2',
      '3',
    ]);
    expect(ids('Group', { sub_groups: { value: ['3'], modifier: 'INCLUDES' } })).toEqual(['2']);
    expect(ids('Group', { sub_groups: { value: ['3'], depth: -1, modifier: 'INCLUDES' } })).toEqual([
      '1',
      '2',
    ]);
    expect(ids('Group', { containing_groups: { modifier: 'IS_NULL' } })).toEqual(['1']);
    expect(ids('Group', { sub_group_count: { value: 0, modifier: 'EQUALS' } })).toEqual(['3']);
    expect(ids('Group', { containing_group_count: { value: 1, modifier: 'EQUALS' } })).toEqual(['2', '3']);
  });
});

describe('tag parents / children', () => {
  it.each([
    ['parents', 'INCLUDES', ['1'], 0, ['2']],
    ['parents', 'INCLUDES', ['1'], -1, ['2', '3']],
    ['parents', 'INCLUDES_ALL', ['1', '2'], -1, ['3']],
    ['parents', 'EXCLUDES', ['1'], -1, ['1', '4', '5']],
    ['parents', 'IS_NULL', undefined, 0, ['1', '4']],
    ['parents', 'NOT_NULL', undefined, 0, ['2', '3', '5']],
    ['children', 'INCLUDES', ['3'], 0, ['2']],
    ['children', 'INCLUDES', ['3'], -1, ['1', '2']],
    ['children', 'IS_NULL', undefined, 0, ['3', '5']],
  ])('%s %s %j depth %d', (field, modifier, value, depth, expected) => {
    expect(ids('Tag', { [field]: { value, depth, modifier } })).toEqual(expected);
  });

  it('rejects other modifiers', () => {
    expect(() => ids('Tag', { parents: { value: ['1'], modifier: 'EQUALS' } })).toThrow(
      'invalid modifier EQUALS',
    );
  });

  it('counts parents and children', () => {
    expect(ids('Tag', { parent_count: { value: 1, modifier: 'EQUALS' } })).toEqual(['2', '3', '5']);
    expect(ids('Tag', { child_count: { value: 0, modifier: 'EQUALS' } })).toEqual(['3', '5']);
  });
});

// performer tags: Alice [1], Bob [4], Cara []
describe('performer_tags', () => {
  it.each([
    ['INCLUDES', ['1'], 0, ['1']],
    ['INCLUDES', ['4'], 0, ['1', '2']],
    ['INCLUDES_ALL', ['1', '4'], 0, ['1']],
    ['EXCLUDES', ['4'], 0, ['3', '4']],
    ['IS_NULL', undefined, 0, ['3', '4']],
    ['NOT_NULL', undefined, 0, ['1', '2']],
  ])('%s %j', (modifier, value, depth, expected) => {
    expect(ids('Scene', { performer_tags: { value, depth, modifier } })).toEqual(expected);
  });

  it('rejects EQUALS like Stash', () => {
    expect(() => ids('Scene', { performer_tags: { value: ['1'], modifier: 'EQUALS' } })).toThrow(
      'invalid modifier EQUALS for performer tags',
    );
  });

  it('works on galleries and images', () => {
    expect(ids('Gallery', { performer_tags: { value: ['1'], modifier: 'INCLUDES' } })).toEqual(['1']);
    expect(ids('Image', { performer_tags: { modifier: 'IS_NULL' } })).toEqual(['2']);
  });
});

// markers: m1 primary 3; m2 primary 1 + tags [4]; m3 primary 5
describe('scene marker tags', () => {
  it.each([
    ['INCLUDES', ['4'], 0, ['2']],
    ['INCLUDES', ['4'], -1, ['2', '3']],
    ['EQUALS', ['1', '4'], 0, ['2']],
    ['EQUALS', ['3'], 0, ['1']],
    ['EXCLUDES', ['1'], -1, ['3']],
    ['IS_NULL', undefined, 0, ['1', '3']],
    ['NOT_NULL', undefined, 0, ['2']],
  ])('%s %j depth %d', (modifier, value, depth, expected) => {
    expect(ids('SceneMarker', { tags: { value, depth, modifier } })).toEqual(expected);
  });

  it('rejects NOT_EQUALS and EQUALS with depth', () => {
    expect(() => ids('SceneMarker', { tags: { value: ['1'], modifier: 'NOT_EQUALS' } })).toThrow(
      'not equals modifier is not supported for scene marker tags',
    );
    expect(() => ids('SceneMarker', { tags: { value: ['1'], depth: -1, modifier: 'EQUALS' } })).toThrow(
      'depth is not supported for equals modifier for marker tag filtering',
    );
  });

  it('filters by the scene', () => {
    expect(ids('SceneMarker', { scene_tags: { value: ['2'], modifier: 'INCLUDES' } })).toEqual(['3']);
    expect(ids('SceneMarker', { scene_date: { value: '2020-06-15', modifier: 'EQUALS' } })).toEqual([
      '1',
      '2',
    ]);
    expect(ids('SceneMarker', { scene_created_at: { value: '2024-01-11', modifier: 'EQUALS' } })).toEqual([
      '3',
    ]);
    expect(ids('SceneMarker', { scene_filter: { organized: true } })).toEqual(['1', '2']);
  });
});

describe('performer-derived scene criteria', () => {
  it('performer_favorite', () => {
    expect(ids('Scene', { performer_favorite: true })).toEqual(['1']);
    expect(ids('Scene', { performer_favorite: false })).toEqual(['2', '3', '4']);
  });

  it('performer_age: some performer aged N at the scene date', () => {
    // s1 (2020-06-15): Alice 29, Bob 35; s2 (2021-01-01): Bob 36
    expect(ids('Scene', { performer_age: { value: 29, modifier: 'EQUALS' } })).toEqual(['1']);
    expect(ids('Scene', { performer_age: { value: 35, modifier: 'GREATER_THAN' } })).toEqual(['2']);
    expect(ids('Scene', { performer_age: { value: 30, value2: 40, modifier: 'BETWEEN' } })).toEqual([
      '1',
      '2',
    ]);
  });

  it('performers appearing together', () => {
    expect(ids('Performer', { performers: { value: ['2'], modifier: 'INCLUDES' } })).toEqual(['1']);
    expect(ids('Performer', { performers: { value: ['1'], modifier: 'EXCLUDES' } })).toEqual(['1', '3']);
    expect(ids('Performer', { performers: { modifier: 'IS_NULL' } })).toEqual(['3']);
  });
});
