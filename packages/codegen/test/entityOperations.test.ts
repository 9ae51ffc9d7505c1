/** Root queries and mutations per entity, found by Stash's naming rules and the overrides. */
import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { getWriteSchemaModel } from '../../core/src/schema/writeModel.ts';
import { deriveListQuery, deriveMutations, deriveSingleQuery } from '../src/deriveOperations.ts';

const { entities } = getWriteSchemaModel();

describe('single queries', () => {
  it('uses find<Type>(id) and knows which ones error on a missing id', () => {
    expect(entities.Scene.single).toEqual({
      field: 'findScene',
      idArg: 'id',
      idType: 'ID',
      errorsOnMissing: false,
    });
    expect(entities.Performer.single).toEqual({
      field: 'findPerformer',
      idArg: 'id',
      idType: 'ID!',
      errorsOnMissing: false,
    });
    expect(entities.SavedFilter.single?.field).toBe('findSavedFilter');
    expect(entities.Folder.single).toEqual({
      field: 'findFolder',
      idArg: 'id',
      idType: 'ID',
      errorsOnMissing: true,
    });
  });

  it('fetches every file type with findFile, which errors on a missing id', () => {
    for (const t of ['VideoFile', 'ImageFile', 'GalleryFile', 'BasicFile']) {
      expect(entities[t].single, t).toEqual({
        field: 'findFile',
        idArg: 'id',
        idType: 'ID',
        errorsOnMissing: true,
      });
    }
  });

  it('has none for SceneMarker and GalleryChapter', () => {
    expect(entities.SceneMarker.single).toBeUndefined();
    expect(entities.GalleryChapter.single).toBeUndefined();
  });
});

describe('list queries', () => {
  it('models findScenes with its filter, ids and aggregates', () => {
    expect(entities.Scene.list).toEqual({
      field: 'findScenes',
      filterArg: 'scene_filter',
      filterType: 'SceneFilterType',
      findFilterArg: 'filter',
      idsArg: 'ids',
      resultType: 'FindScenesResultType',
      itemsField: 'scenes',
      aggregates: ['count', 'duration', 'filesize'],
    });
  });

  it('finds the items field and aggregates of every result type', () => {
    expect(entities.Image.list).toMatchObject({
      itemsField: 'images',
      aggregates: ['count', 'megapixels', 'filesize'],
    });
    expect(entities.Gallery.list).toMatchObject({ field: 'findGalleries', itemsField: 'galleries' });
    expect(entities.SceneMarker.list).toMatchObject({
      field: 'findSceneMarkers',
      filterArg: 'scene_marker_filter',
      itemsField: 'scene_markers',
      idsArg: 'ids',
    });
    expect(entities.Folder.list).toMatchObject({
      field: 'findFolders',
      filterType: 'FolderFilterType',
      itemsField: 'folders',
    });
    for (const t of ['VideoFile', 'ImageFile', 'GalleryFile', 'BasicFile']) {
      expect(entities[t].list, t).toMatchObject({
        field: 'findFiles',
        filterType: 'FileFilterType',
        resultType: 'FindFilesResultType',
        itemsField: 'files',
        aggregates: ['count', 'megapixels', 'duration', 'size'],
      });
    }
    expect(entities.GalleryChapter.list).toBeUndefined();
  });

  it('drops the deprecated scene_ids argument', () => {
    expect(JSON.stringify(entities.Scene.list)).not.toContain('scene_ids');
  });

  it('models findSavedFilters, which returns the list itself, as direct', () => {
    expect(entities.SavedFilter.list).toEqual({
      field: 'findSavedFilters',
      resultType: '[SavedFilter!]!',
      itemsField: '',
      aggregates: [],
      direct: true,
      extraArgs: [{ name: 'mode', type: 'FilterMode' }],
    });
  });
});

describe('mutations', () => {
  it('derives Scene mutations by name', () => {
    const scene = entities.Scene;
    expect(scene.create).toEqual({
      field: 'sceneCreate',
      arg: 'input',
      argType: 'SceneCreateInput!',
      returns: 'Scene',
    });
    expect(scene.update).toEqual({
      field: 'sceneUpdate',
      arg: 'input',
      argType: 'SceneUpdateInput!',
      returns: 'Scene',
    });
    expect(scene.destroy).toEqual({
      field: 'sceneDestroy',
      arg: 'input',
      argType: 'SceneDestroyInput!',
      returns: 'Boolean!',
    });
    expect(scene.destroyMany?.field).toBe('scenesDestroy');
    expect(scene.bulkUpdate).toEqual({
      field: 'bulkSceneUpdate',
      arg: 'input',
      argType: 'BulkSceneUpdateInput!',
      returns: '[Scene!]',
    });
    expect([scene.createInput, scene.updateInput, scene.destroyInput]).toEqual([
      'SceneCreateInput',
      'SceneUpdateInput',
      'SceneDestroyInput',
    ]);
  });

  it('handles the irregular argument shapes', () => {
    expect(entities.SceneMarker.destroy).toEqual({
      field: 'sceneMarkerDestroy',
      arg: 'id',
      argType: 'ID!',
      returns: 'Boolean!',
    });
    expect(entities.SceneMarker.destroyInput).toBeUndefined();
    expect(entities.SceneMarker.destroyMany).toMatchObject({
      field: 'sceneMarkersDestroy',
      arg: 'ids',
      argType: '[ID!]!',
    });
    expect(entities.GalleryChapter.destroy).toMatchObject({ field: 'galleryChapterDestroy', arg: 'id' });
    expect(entities.Performer.destroy).toMatchObject({
      field: 'performerDestroy',
      argType: 'PerformerDestroyInput!',
    });
    expect(entities.Performer.destroyMany).toMatchObject({ field: 'performersDestroy', arg: 'ids' });
    expect(entities.Tag.destroyMany?.field).toBe('tagsDestroy');
  });

  it('knows galleryDestroy takes ids and is also the plural destroy', () => {
    const gallery = entities.Gallery;
    expect(gallery.destroy?.field).toBe('galleryDestroy');
    expect(gallery.destroyMany?.field).toBe('galleryDestroy');
    expect(gallery.destroyInput).toBe('GalleryDestroyInput');
    const input = getWriteSchemaModel().inputs.GalleryDestroyInput.fields;
    expect(input.ids).toMatchObject({ ref: '[ID!]!', required: true });
    expect(input.id).toBeUndefined();
  });

  it('maps SavedFilter to saveFilter/destroySavedFilter', () => {
    const saved = entities.SavedFilter;
    expect(saved.create?.field).toBe('saveFilter');
    expect(saved.update?.field).toBe('saveFilter');
    expect(saved.createInput).toBe('SaveFilterInput');
    expect(saved.destroy).toMatchObject({ field: 'destroySavedFilter', argType: 'DestroyFilterInput!' });
    expect(saved.destroyMany).toBeUndefined();
    expect(saved.bulkUpdate).toBeUndefined();
  });

  it('has no Image create, and files are only deleted in bulk', () => {
    expect(entities.Image.create).toBeUndefined();
    expect(entities.Image.update?.field).toBe('imageUpdate');
    expect(entities.VideoFile.destroyMany).toEqual({
      field: 'deleteFiles',
      arg: 'ids',
      argType: '[ID!]!',
      returns: 'Boolean!',
    });
    expect(entities.VideoFile.update).toBeUndefined();
    expect(entities.Folder.destroy).toBeUndefined();
  });

  it('never uses the deprecated Movie mutations', () => {
    expect(JSON.stringify(entities)).not.toMatch(/movie(Create|Update|Destroy)|bulkMovieUpdate/);
  });

  it('records fields with dedicated side mutations', () => {
    expect(entities.Scene.sideMutations?.o_counter).toEqual(['sceneAddO', 'sceneDeleteO', 'sceneResetO']);
    expect(entities.Scene.sideMutations?.resume_time).toContain('sceneSaveActivity');
    expect(entities.Gallery.sideMutations?.cover).toEqual(['setGalleryCover', 'resetGalleryCover']);
    expect(entities.Tag.sideMutations).toBeUndefined();
  });
});

describe('naming rules on a small schema', () => {
  const sdl = /* GraphQL */ `
    type Widget {
      id: ID!
      name: String
    }
    type FindWidgetsResultType {
      count: Int!
      widgets: [Widget!]!
    }
    input WidgetFilterType {
      name: String
    }
    input WidgetCreateInput {
      name: String
    }
    input WidgetUpdateInput {
      id: ID!
      name: String
    }
    type Query {
      findWidget(id: ID!): Widget
      findWidgets(widget_filter: WidgetFilterType, ids: [ID!]): FindWidgetsResultType!
    }
    type Mutation {
      widgetCreate(input: WidgetCreateInput!): Widget
      widgetUpdate(input: WidgetUpdateInput!): Widget
      widgetsDestroy(ids: [ID!]!): Boolean!
      bulkWidgetUpdate(input: WidgetUpdateInput!): [Widget!] @deprecated(reason: "gone")
    }
  `;
  const small = buildSchema(sdl);

  it('finds queries and mutations that follow the rules and skips deprecated ones', () => {
    expect(deriveSingleQuery(small, 'Widget')).toEqual({
      field: 'findWidget',
      idArg: 'id',
      idType: 'ID!',
      errorsOnMissing: false,
    });
    expect(deriveListQuery(small, 'Widget')).toEqual({
      field: 'findWidgets',
      filterArg: 'widget_filter',
      filterType: 'WidgetFilterType',
      idsArg: 'ids',
      resultType: 'FindWidgetsResultType',
      itemsField: 'widgets',
      aggregates: ['count'],
    });
    const m = deriveMutations(small, 'Widget');
    expect(Object.keys(m)).toEqual(['create', 'update', 'destroyMany']);
    expect(m.destroyMany).toEqual({
      field: 'widgetsDestroy',
      arg: 'ids',
      argType: '[ID!]!',
      returns: 'Boolean!',
    });
  });

  it('fails loudly when an override names a mutation the schema lacks', () => {
    expect(() => deriveMutations(small, 'SavedFilter')).toThrow(
      /mutation saveFilter \(SavedFilter create\) is not in the schema/,
    );
  });

  it('fails loudly when find<Type> returns something else', () => {
    const odd = buildSchema(`type Widget { id: ID! } type Query { findWidget(id: ID!): String }`);
    expect(() => deriveSingleQuery(odd, 'Widget')).toThrow(/findWidget does not return Widget/);
  });
});
