import { buildSchema, isInputObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { MockStashError } from '../src/errors';
import { compileFilter } from '../src/filter/compileFilter';
import { FilterContext } from '../src/filter/filterContext';
import { filterFields, filterRows } from '../src/filter/filterRows';
import { FILTER_ENTITIES, FILTER_TYPE_NAME, type FilterEntity, type FilterInput } from '../src/filter/types';
import { STASH_SDL } from '../src/generated/schema';
import { library } from './filterFixture';

const db = library();
const NOW = new Date('2024-06-01T00:00:00Z');

function ids(entity: FilterEntity, filter: FilterInput): string[] {
  return filterRows(entity, [...db.table(entity).values()], filter, db, { now: NOW }).map((r) => r.id);
}

const sunset = { title: { value: 'sunset beach', modifier: 'EQUALS' } };
const rated20 = { rating100: { value: 20, modifier: 'EQUALS' } };

describe('AND / OR / NOT', () => {
  it('ANDs the criteria of one level', () => {
    expect(ids('Scene', { ...sunset, organized: true })).toEqual(['1']);
    expect(ids('Scene', { ...sunset, organized: false })).toEqual([]);
  });

  it('combines a level with its sub-filter', () => {
    expect(ids('Scene', { ...sunset, OR: rated20 })).toEqual(['1', '4']);
    expect(
      ids('Scene', {
        rating100: { value: 0, modifier: 'NOT_NULL' },
        AND: { title: { value: 'one', modifier: 'INCLUDES' } },
      }),
    ).toEqual(['4']);
    expect(
      ids('Scene', {
        performers: { modifier: 'NOT_NULL' },
        NOT: { performers: { value: ['2'], modifier: 'INCLUDES' } },
      }),
    ).toEqual(['4']);
  });

  it('uses only the sub-filter when the level is empty', () => {
    expect(ids('Scene', { OR: rated20 })).toEqual(['4']);
    expect(ids('Scene', { AND: rated20 })).toEqual(['4']);
    expect(ids('Scene', { NOT: { tags: { value: ['3'], modifier: 'INCLUDES' } } })).toEqual(['2', '3', '4']);
  });

  it('nests', () => {
    const filter = {
      ...sunset,
      OR: { ...rated20, OR: { title: { value: 'kitchen', modifier: 'INCLUDES' } } },
    };
    expect(ids('Scene', filter)).toEqual(['1', '2', '4']);
    expect(ids('Scene', { NOT: { NOT: sunset } })).toEqual(['1']);
  });

  it.each([
    [{ AND: sunset, OR: rated20 }, 'cannot have AND and OR in the same filter'],
    [{ AND: sunset, NOT: rated20 }, 'cannot have AND and NOT in the same filter'],
    [{ OR: sunset, NOT: rated20 }, 'cannot have OR and NOT in the same filter'],
    [{ AND: { OR: sunset, NOT: rated20 } }, 'cannot have OR and NOT in the same filter'],
  ])('rejects more than one operator per level: %j', (filter, message) => {
    expect(() => ids('Scene', filter)).toThrow(MockStashError);
    expect(() => ids('Scene', filter)).toThrow(message);
  });

  it('has no operators on scene markers', () => {
    expect(() => ids('SceneMarker', { AND: {} })).toThrow(
      'MockStash: unknown filter field AND for SceneMarkerFilterType',
    );
  });

  it('ignores null fields and empty filters', () => {
    expect(ids('Scene', { title: null, OR: null })).toEqual(['1', '2', '3', '4']);
    expect(ids('Scene', {})).toEqual(['1', '2', '3', '4']);
  });
});

describe('related-entity sub-filters', () => {
  it.each([
    ['performers_filter', { gender: { value: 'FEMALE', modifier: 'EQUALS' } }, ['1']],
    ['studios_filter', { name: { value: 'Delta', modifier: 'EQUALS' } }, ['2']],
    ['tags_filter', { name: { value: 'kitchen', modifier: 'INCLUDES' } }, ['2']],
    ['markers_filter', { duration: { value: 30, modifier: 'GREATER_THAN' } }, ['2']],
    ['files_filter', { basename: { value: 'portrait.mp4', modifier: 'EQUALS' } }, ['3']],
    ['galleries_filter', { title: { value: 'beach', modifier: 'INCLUDES' } }, ['1']],
    ['groups_filter', { name: { value: 'Part 1', modifier: 'EQUALS' } }, ['2']],
    ['movies_filter', { name: { value: 'Series A', modifier: 'EQUALS' } }, ['1']],
  ] as [string, FilterInput, string[]][])('scene %s', (field, sub, expected) => {
    expect(ids('Scene', { [field]: sub })).toEqual(expected);
  });

  it('matches when some related row matches', () => {
    expect(
      ids('Performer', { scenes_filter: { title: { value: 'kitchen talk', modifier: 'EQUALS' } } }),
    ).toEqual(['2']);
    expect(
      ids('Performer', {
        scenes_filter: { studios_filter: { name: { value: 'Delta', modifier: 'EQUALS' } } },
      }),
    ).toEqual(['2']);
    expect(ids('Studio', { scenes_filter: { organized: true } })).toEqual(['2']);
    expect(ids('Tag', { scenes_filter: { performer_count: { value: 2, modifier: 'EQUALS' } } })).toEqual([
      '3',
    ]);
    expect(ids('Group', { scenes_filter: { tags: { value: ['5'], modifier: 'INCLUDES' } } })).toEqual(['2']);
    expect(ids('Gallery', { images_filter: { title: { value: '', modifier: 'IS_NULL' } } })).toEqual([
      '1',
      '2',
    ]);
    expect(
      ids('Gallery', { folders_filter: { path: { value: '/media/images', modifier: 'EQUALS' } } }),
    ).toEqual(['2']);
    expect(ids('Image', { galleries_filter: { title: { value: '', modifier: 'NOT_NULL' } } })).toEqual([
      '1',
      '2',
    ]);
  });

  it('adds nothing for an empty sub-filter, and rows without related rows fail a non-empty one', () => {
    expect(ids('Scene', { performers_filter: {} })).toEqual(['1', '2', '3', '4']);
    expect(ids('Scene', { performers_filter: { name: { value: '', modifier: 'NOT_NULL' } } })).toEqual([
      '1',
      '2',
      '4',
    ]);
  });

  it('validates sub-filters too', () => {
    expect(() => ids('Scene', { performers_filter: { AND: {}, OR: {} } })).toThrow(
      'cannot have AND and OR in the same filter',
    );
  });
});

describe('field coverage', () => {
  const schema = buildSchema(STASH_SDL);

  it.each(FILTER_ENTITIES)('implements every field of the %s filter type', (entity) => {
    const type = schema.getType(FILTER_TYPE_NAME[entity]);
    if (!isInputObjectType(type)) throw new Error(`no ${FILTER_TYPE_NAME[entity]}`);
    const schemaFields = Object.keys(type.getFields()).filter((f) => !['AND', 'OR', 'NOT'].includes(f));
    expect(filterFields(entity).sort()).toEqual(schemaFields.sort());
  });

  it('throws for an unknown field and for an unimplemented one', () => {
    expect(() => ids('Scene', { bogus: { value: 'x', modifier: 'EQUALS' } })).toThrow(
      'MockStash: unknown filter field bogus for SceneFilterType',
    );
    const ctx = new FilterContext(db, () => null, NOW);
    expect(() => compileFilter('Scene', { later: 'unimplemented' }, { later: true }, ctx)).toThrow(
      'MockStash: filter field later is not implemented',
    );
  });
});
