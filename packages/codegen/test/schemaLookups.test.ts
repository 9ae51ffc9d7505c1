/** The lookups the store calls, and their errors for unknown names. */
import { describe, expect, it } from 'vitest';
import { StashValidationError } from '../../core/src/errors.ts';
import {
  getAbstractModel,
  getEntityFilterModel,
  getEntityModel,
  getEnumValues,
  getFieldModel,
  getFilterModel,
  getInputModel,
  getObjectModel,
  getSchemaModel,
  isEntityType,
  possibleEntityTypes,
} from '../../core/src/schema/index.ts';

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected a throw');
}

describe('schema lookups', () => {
  it('decodes once and returns the same model', () => {
    expect(getSchemaModel()).toBe(getSchemaModel());
  });

  it('answers for known names', () => {
    expect(isEntityType('Scene')).toBe(true);
    expect(isEntityType('BaseFile')).toBe(false);
    expect(isEntityType('Movie')).toBe(false);
    expect(isEntityType('toString')).toBe(false);
    expect(isEntityType(undefined)).toBe(false);
    expect(getEntityModel('Tag').update?.field).toBe('tagUpdate');
    expect(getObjectModel('ScenePathsType').entity).toBe(false);
    expect(getAbstractModel('VisualFile').possibleTypes).toEqual(['VideoFile', 'ImageFile']);
    expect(getFieldModel('Studio', 'scene_count').args).toEqual([{ name: 'depth', type: 'Int' }]);
    expect(getFieldModel('BaseFile', 'path').type).toBe('String');
    expect(getFilterModel('TagFilterType').fields.parents.kind).toBe('criterion');
    expect(getEntityFilterModel('Scene').name).toBe('SceneFilterType');
    expect(getInputModel('FindFilterType').fields.per_page.type).toBe('Int');
    expect(getEnumValues('GenderEnum')).toContain('NON_BINARY');
    expect(possibleEntityTypes('Scene')).toEqual(['Scene']);
    expect(possibleEntityTypes('BaseFile')).toEqual(['VideoFile', 'ImageFile', 'GalleryFile', 'BasicFile']);
  });

  it.each([
    [() => getEntityModel('Scen'), 'StashSchema: unknown entity type "Scen"'],
    [() => getEntityModel('ScenePathsType'), 'StashSchema: unknown entity type "ScenePathsType"'],
    [() => getEntityModel('hasOwnProperty'), 'StashSchema: unknown entity type "hasOwnProperty"'],
    [() => getObjectModel('Movie'), 'StashSchema: unknown object type "Movie"'],
    [() => getAbstractModel('Scene'), 'StashSchema: unknown interface or union "Scene"'],
    [() => getFieldModel('Scene', 'titel'), 'StashSchema: unknown field "titel" on Scene'],
    [() => getFieldModel('Scene', 'movies'), 'StashSchema: unknown field "movies" on Scene'],
    [() => getFieldModel('Nope', 'id'), 'StashSchema: unknown object type "Nope"'],
    [() => getFilterModel('MovieFilterType'), 'StashSchema: unknown filter type "MovieFilterType"'],
    [() => getEntityFilterModel('GalleryChapter'), 'StashSchema: GalleryChapter has no filter input'],
    [() => getInputModel('ConfigGeneralInput'), 'StashSchema: unknown input type "ConfigGeneralInput"'],
    [() => getEnumValues('Gender'), 'StashSchema: unknown enum "Gender"'],
    [() => possibleEntityTypes('String'), 'StashSchema: unknown interface or union "String"'],
  ])('throws StashValidationError %#', (fn, message) => {
    const err = thrown(fn);
    expect(err).toBeInstanceOf(StashValidationError);
    expect((err as Error).message).toBe(message);
  });
});
