/**
 * The shipped model (decoded from `generated/model.ts`) against the introspection: every field,
 * argument and input field it holds exists in the schema with the same type, and sampled types
 * have the kinds the store relies on.
 */
import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, isUnionType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { getWriteSchemaModel } from '../../core/src/schema/writeModel.ts';
import { schema } from './introspection.ts';

const model = getWriteSchemaModel();

describe('objects', () => {
  it('holds every field with the type the schema prints', () => {
    for (const o of Object.values(model.objects)) {
      const t = schema.getType(o.name);
      if (!isObjectType(t)) throw new Error(`${o.name} is not an object type`);
      for (const f of Object.values(o.fields)) {
        const sf = t.getFields()[f.name];
        expect(String(sf?.type), `${o.name}.${f.name}`).toBe(f.ref);
        expect(f.args ?? [], `${o.name}.${f.name} args`).toEqual(
          sf.args.map((a) => ({ name: a.name, type: String(a.type) })),
        );
        expect(!!f.deprecated, `${o.name}.${f.name} deprecated`).toBe(!!sf.deprecationReason);
      }
    }
  });

  it('leaves out only the fields typed with the deprecated Movie alias', () => {
    const scene = schema.getType('Scene');
    if (!isObjectType(scene)) throw new Error('no Scene');
    const missing = Object.keys(scene.getFields()).filter((f) => !model.objects.Scene.fields[f]);
    expect(missing).toEqual(['movies']);
    expect(model.objects.Movie).toBeUndefined();
    expect(model.entityTypes).not.toContain('Movie');
  });

  it('models Scene fields by kind', () => {
    const f = model.objects.Scene.fields;
    expect(f.title).toMatchObject({
      kind: 'scalar',
      type: 'String',
      ref: 'String',
      list: false,
      nullable: true,
    });
    expect(f.organized).toMatchObject({ kind: 'scalar', type: 'Boolean', nullable: false });
    expect(f.files).toMatchObject({
      kind: 'entity',
      type: 'VideoFile',
      ref: '[VideoFile!]!',
      list: true,
      nullable: false,
    });
    expect(f.studio).toMatchObject({ kind: 'entity', type: 'Studio', list: false, nullable: true });
    expect(f.paths).toMatchObject({ kind: 'embedded', type: 'ScenePathsType', nullable: false });
    expect(f.groups).toMatchObject({ kind: 'embedded', type: 'SceneGroup', list: true });
    expect(f.stash_ids).toMatchObject({ kind: 'embedded', type: 'StashID' });
    expect(f.url).toMatchObject({ deprecated: true });
    expect(f.title.deprecated).toBeUndefined();
  });

  it('models fields with arguments, abstract fields and enums', () => {
    expect(model.objects.Studio.fields.scene_count).toMatchObject({
      kind: 'scalar',
      ref: 'Int!',
      args: [{ name: 'depth', type: 'Int' }],
    });
    expect(model.objects.Gallery.fields.image.args).toEqual([{ name: 'index', type: 'Int!' }]);
    expect(model.objects.Image.fields.visual_files).toMatchObject({
      kind: 'abstract',
      type: 'VisualFile',
      list: true,
    });
    expect(model.objects.Image.fields.files).toMatchObject({
      kind: 'entity',
      type: 'ImageFile',
      deprecated: true,
    });
    expect(model.objects.Performer.fields.gender).toMatchObject({ kind: 'enum', type: 'GenderEnum' });
    expect(model.objects.SceneGroup.fields.group).toMatchObject({
      kind: 'entity',
      type: 'Group',
      nullable: false,
    });
    expect(model.objects.VideoFile.fields.zip_file).toMatchObject({ kind: 'entity', type: 'BasicFile' });
  });

  it('marks entity kinds and reaches embedded and list result types', () => {
    expect(model.entityTypes).toEqual([
      'Scene',
      'Performer',
      'Studio',
      'Tag',
      'Gallery',
      'Image',
      'Group',
      'SceneMarker',
      'GalleryChapter',
      'SavedFilter',
      'VideoFile',
      'ImageFile',
      'GalleryFile',
      'BasicFile',
      'Folder',
    ]);
    for (const name of model.entityTypes) expect(model.objects[name].entity, name).toBe(true);
    for (const name of [
      'ScenePathsType',
      'SceneGroup',
      'GroupDescription',
      'StashID',
      'Fingerprint',
      'VideoCaption',
      'SceneStreamEndpoint',
      'SavedFindFilterType',
      'GalleryPathsType',
      'ImagePathsType',
      'FindScenesResultType',
      'FindFilesResultType',
      'FindSceneMarkersResultType',
    ]) {
      expect(model.objects[name]?.entity, name).toBe(false);
    }
    expect(model.objects.VideoFile.interfaces).toEqual(['BaseFile']);
  });
});

describe('abstracts', () => {
  it('lists BaseFile and VisualFile with their members from the schema', () => {
    expect(model.abstracts.BaseFile).toMatchObject({
      kind: 'interface',
      possibleTypes: ['VideoFile', 'ImageFile', 'GalleryFile', 'BasicFile'],
    });
    expect(model.abstracts.BaseFile.fields?.fingerprint.args).toEqual([{ name: 'type', type: 'String!' }]);
    expect(model.abstracts.VisualFile).toEqual({
      name: 'VisualFile',
      kind: 'union',
      possibleTypes: ['VideoFile', 'ImageFile'],
    });
    for (const a of Object.values(model.abstracts)) {
      const t = schema.getType(a.name);
      expect(isInterfaceType(t) || isUnionType(t)).toBe(true);
    }
  });
});

describe('inputs and enums', () => {
  it('holds every input field with its schema type and requiredness', () => {
    for (const i of Object.values(model.inputs)) {
      const t = schema.getType(i.name);
      if (!isInputObjectType(t)) throw new Error(`${i.name} is not an input type`);
      for (const f of Object.values(i.fields)) {
        const sf = t.getFields()[f.name];
        expect(String(sf?.type), `${i.name}.${f.name}`).toBe(f.ref);
        expect(f.required).toBe(f.ref.endsWith('!'));
      }
    }
    expect(model.inputs.StringCriterionInput.fields).toEqual({
      value: { name: 'value', type: 'String', ref: 'String!', list: false, required: true, kind: 'scalar' },
      modifier: {
        name: 'modifier',
        type: 'CriterionModifier',
        ref: 'CriterionModifier!',
        list: false,
        required: true,
        kind: 'enum',
      },
    });
    expect(model.inputs.SceneUpdateInput.fields.groups).toMatchObject({
      kind: 'input',
      type: 'SceneGroupInput',
      list: true,
    });
    expect(model.inputs.SceneUpdateInput.fields.o_counter.deprecated).toBe(true);
    expect(model.inputs.SceneUpdateInput.fields.movies).toBeUndefined();
  });

  it('includes the inputs reachable from filters and mutations, and skips unrelated ones', () => {
    for (const name of [
      'FindFilterType',
      'HierarchicalMultiCriterionInput',
      'CustomFieldCriterionInput',
      'FingerprintFilterInput',
      'VideoFileFilterInput',
      'SceneGroupInput',
      'StashIDInput',
      'GroupDescriptionInput',
      'BulkUpdateIds',
      'BulkUpdateStrings',
      'CustomFieldsInput',
      'SaveFilterInput',
      'DestroyFilterInput',
      'SceneFilterType',
    ]) {
      expect(model.inputs[name], name).toBeDefined();
    }
    for (const name of [
      'ScrapeSingleSceneInput',
      'ConfigGeneralInput',
      'MovieFilterType',
      'SceneMovieInput',
    ]) {
      expect(model.inputs[name], name).toBeUndefined();
    }
  });

  it('lists enum values in schema order', () => {
    for (const [name, values] of Object.entries(model.enums)) {
      const t = schema.getType(name);
      if (!isEnumType(t)) throw new Error(`${name} is not an enum`);
      expect(values).toEqual(t.getValues().map((v) => v.name));
    }
    expect(model.enums.SortDirectionEnum).toEqual(['ASC', 'DESC']);
    expect(model.enums.BulkUpdateIdMode).toEqual(['SET', 'ADD', 'REMOVE']);
    expect(model.enums.CriterionModifier).toContain('NOT_BETWEEN');
    expect(Object.keys(model.enums)).toEqual(
      expect.arrayContaining([
        'CriterionModifier',
        'GenderEnum',
        'ResolutionEnum',
        'FilterMode',
        'CircumisedEnum',
      ]),
    );
    expect(model.scalars).toEqual(
      expect.arrayContaining(['ID', 'String', 'Int', 'Float', 'Boolean', 'Time', 'Map', 'Int64']),
    );
  });
});
