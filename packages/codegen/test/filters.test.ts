/** Entity filter inputs and the kinds of their fields. */
import { describe, expect, it } from 'vitest';
import { getSchemaModel } from '../../core/src/schema/schemaModel.ts';

const { filters, entities } = getSchemaModel();

describe('filter models', () => {
  it('has one filter input per listed entity type and no Movie filter', () => {
    expect(Object.keys(filters).sort()).toEqual([
      'FileFilterType',
      'FolderFilterType',
      'GalleryFilterType',
      'GroupFilterType',
      'ImageFilterType',
      'PerformerFilterType',
      'SceneFilterType',
      'SceneMarkerFilterType',
      'StudioFilterType',
      'TagFilterType',
    ]);
    for (const e of Object.values(entities))
      if (e.list?.filterType) expect(filters[e.list.filterType]).toBeDefined();
  });

  it('classifies SceneFilterType fields', () => {
    const f = filters.SceneFilterType.fields;
    expect(f.tags).toEqual({
      name: 'tags',
      kind: 'criterion',
      type: 'HierarchicalMultiCriterionInput',
      ref: 'HierarchicalMultiCriterionInput',
    });
    expect(f.title).toMatchObject({ kind: 'criterion', type: 'StringCriterionInput' });
    expect(f.organized).toEqual({ name: 'organized', kind: 'scalar', type: 'Boolean', ref: 'Boolean' });
    expect(f.has_markers).toMatchObject({ kind: 'scalar', type: 'String' });
    expect(f.performers_filter).toMatchObject({ kind: 'filter', type: 'PerformerFilterType' });
    expect(f.AND).toMatchObject({ kind: 'filter', type: 'SceneFilterType' });
    expect(f.OR).toMatchObject({ kind: 'filter' });
    expect(f.NOT).toMatchObject({ kind: 'filter' });
    expect(f.movies).toMatchObject({ kind: 'criterion', deprecated: true });
    expect(f.movies_filter).toBeUndefined();
  });

  it('classifies lists of criteria and other inputs', () => {
    expect(filters.PerformerFilterType.fields.custom_fields).toEqual({
      name: 'custom_fields',
      kind: 'criterionList',
      type: 'CustomFieldCriterionInput',
      ref: '[CustomFieldCriterionInput!]',
    });
    expect(filters.PerformerFilterType.fields.gender).toMatchObject({
      kind: 'criterion',
      type: 'GenderCriterionInput',
    });
    expect(filters.FileFilterType.fields.hashes).toMatchObject({
      kind: 'input',
      type: 'FingerprintFilterInput',
    });
    expect(filters.FileFilterType.fields.video_file_filter).toMatchObject({
      kind: 'input',
      type: 'VideoFileFilterInput',
    });
  });

  it('knows SceneMarkerFilterType has no AND/OR/NOT', () => {
    expect(filters.SceneMarkerFilterType.fields.AND).toBeUndefined();
    expect(filters.SceneMarkerFilterType.fields.scene_filter).toMatchObject({
      kind: 'filter',
      type: 'SceneFilterType',
    });
  });
});
