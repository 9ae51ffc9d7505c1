/** How entity fields are written through update (or create) inputs. */
import { buildSchema, type GraphQLInputObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { getWriteSchemaModel } from '../../core/src/schema/writeModel.ts';
import type { ObjectModel } from '../../core/src/schema/modelTypes.ts';
import { deriveWrites } from '../src/deriveWrites.ts';

const { entities, inputs } = getWriteSchemaModel();
const w = (type: string, field: string) => entities[type].writes[field];

describe('write mappings', () => {
  it('maps Scene scalars, references, lists and join objects', () => {
    expect(w('Scene', 'title')).toEqual({
      field: 'title',
      input: 'title',
      mode: 'value',
      inputType: 'String',
    });
    expect(w('Scene', 'studio')).toEqual({
      field: 'studio',
      input: 'studio_id',
      mode: 'id',
      inputType: 'ID',
    });
    expect(w('Scene', 'tags')).toEqual({ field: 'tags', input: 'tag_ids', mode: 'ids', inputType: 'ID' });
    expect(w('Scene', 'performers')).toMatchObject({ input: 'performer_ids', mode: 'ids' });
    expect(w('Scene', 'galleries')).toMatchObject({ input: 'gallery_ids', mode: 'ids' });
    expect(w('Scene', 'groups')).toEqual({
      field: 'groups',
      input: 'groups',
      mode: 'objects',
      inputType: 'SceneGroupInput',
    });
    expect(w('Scene', 'stash_ids')).toEqual({
      field: 'stash_ids',
      input: 'stash_ids',
      mode: 'objects',
      inputType: 'StashIDInput',
    });
    expect(w('Scene', 'urls')).toMatchObject({ input: 'urls', mode: 'value', inputType: 'String' });
  });

  it('maps the activity fields SceneUpdateInput carries, flagging the deprecated ones', () => {
    expect(w('Scene', 'resume_time')).toEqual({
      field: 'resume_time',
      input: 'resume_time',
      mode: 'value',
      inputType: 'Float',
    });
    expect(w('Scene', 'play_duration')?.deprecated).toBeUndefined();
    expect(w('Scene', 'o_counter')).toMatchObject({ input: 'o_counter', deprecated: true });
    expect(w('Scene', 'play_count')).toMatchObject({ input: 'play_count', deprecated: true });
  });

  it('leaves out what the update input cannot write', () => {
    for (const f of [
      'id',
      'files',
      'paths',
      'scene_markers',
      'captions',
      'created_at',
      'play_history',
      'sceneStreams',
    ]) {
      expect(w('Scene', f), f).toBeUndefined();
    }
    expect(w('Gallery', 'cover')).toBeUndefined();
    expect(w('Gallery', 'chapters')).toBeUndefined();
    expect(w('Studio', 'child_studios')).toBeUndefined();
    expect(w('Performer', 'custom_fields')).toBeUndefined();
    expect(w('Performer', 'image_path')).toBeUndefined();
    expect(entities.VideoFile.writes).toEqual({});
    expect(entities.Folder.writes).toEqual({});
  });

  it('maps single references with the type name dropped or kept', () => {
    expect(w('Studio', 'parent_studio')).toMatchObject({ input: 'parent_id', mode: 'id' });
    expect(w('SceneMarker', 'primary_tag')).toMatchObject({ input: 'primary_tag_id', mode: 'id' });
    expect(w('SceneMarker', 'scene')).toMatchObject({ input: 'scene_id', mode: 'id' });
    expect(w('GalleryChapter', 'gallery')).toMatchObject({ input: 'gallery_id', mode: 'id' });
  });

  it('maps hierarchies and string lists', () => {
    expect(w('Tag', 'parents')).toMatchObject({ input: 'parent_ids', mode: 'ids' });
    expect(w('Tag', 'children')).toMatchObject({ input: 'child_ids', mode: 'ids' });
    expect(w('Gallery', 'scenes')).toMatchObject({ input: 'scene_ids', mode: 'ids' });
    expect(w('Group', 'containing_groups')).toMatchObject({
      mode: 'objects',
      inputType: 'GroupDescriptionInput',
    });
    expect(w('Group', 'sub_groups')).toMatchObject({ mode: 'objects', inputType: 'GroupDescriptionInput' });
    expect(w('Group', 'aliases')).toMatchObject({ mode: 'value', inputType: 'String' });
    expect(w('Performer', 'alias_list')).toMatchObject({ input: 'alias_list', mode: 'value' });
    expect(w('Studio', 'aliases')).toMatchObject({ input: 'aliases', mode: 'value' });
    expect(w('Performer', 'gender')).toMatchObject({ mode: 'value', inputType: 'GenderEnum' });
  });

  it('writes SavedFilter through SaveFilterInput', () => {
    expect(Object.keys(entities.SavedFilter.writes)).toEqual([
      'mode',
      'name',
      'find_filter',
      'object_filter',
      'ui_options',
    ]);
    expect(w('SavedFilter', 'find_filter')).toMatchObject({ mode: 'objects', inputType: 'FindFilterType' });
  });

  it('only names input fields that exist in the write input', () => {
    for (const e of Object.values(entities)) {
      const input = inputs[(e.updateInput ?? e.createInput)!];
      for (const m of Object.values(e.writes)) {
        expect(input.fields[m.input], `${e.name}.${m.field}`).toMatchObject({ type: m.inputType });
      }
    }
  });
});

describe('matching rules on a small schema', () => {
  const small = buildSchema(`
    type Owner { id: ID! }
    type Widget { id: ID! name: String owner: Owner parent_widget: Widget children: [Widget!]! size: Int }
    input WidgetUpdateInput { id: ID! name: String owner_id: ID parent_id: ID child_ids: [ID!] size: String }
    type Query { w: Widget }
  `);
  const widget: ObjectModel = {
    name: 'Widget',
    entity: true,
    fields: {
      id: { name: 'id', kind: 'scalar', type: 'ID', ref: 'ID!', list: false, nullable: false },
      name: { name: 'name', kind: 'scalar', type: 'String', ref: 'String', list: false, nullable: true },
      owner: { name: 'owner', kind: 'entity', type: 'Owner', ref: 'Owner', list: false, nullable: true },
      parent_widget: {
        name: 'parent_widget',
        kind: 'entity',
        type: 'Widget',
        ref: 'Widget',
        list: false,
        nullable: true,
      },
      children: {
        name: 'children',
        kind: 'entity',
        type: 'Widget',
        ref: '[Widget!]!',
        list: true,
        nullable: false,
      },
      size: { name: 'size', kind: 'scalar', type: 'Int', ref: 'Int', list: false, nullable: true },
    },
  };

  it('matches by name and type, and refuses a type mismatch', () => {
    const writes = deriveWrites(widget, small.getType('WidgetUpdateInput') as GraphQLInputObjectType);
    expect(Object.fromEntries(Object.values(writes).map((m) => [m.field, `${m.input}:${m.mode}`]))).toEqual({
      name: 'name:value',
      owner: 'owner_id:id',
      parent_widget: 'parent_id:id',
      children: 'child_ids:ids',
    });
  });
});
