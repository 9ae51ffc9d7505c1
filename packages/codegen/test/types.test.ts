/**
 * The generated TypeScript types. These checks run under `tsc -b packages/codegen` (typecheck); the
 * runtime assertions only keep vitest honest about the file.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import type {
  BaseFile,
  CriterionModifier,
  EntityCreateInputs,
  EntityFilterTypes,
  EntityTypeName,
  EntityTypes,
  EntityUpdateInputs,
  Image,
  Scene,
  SceneFilterType,
  SceneUpdateInput,
  Studio,
  VideoFile,
} from '../../core/src/schema/index.ts';
import { getSchemaModel } from '../../core/src/schema/index.ts';

describe('generated types', () => {
  it('types entity fields with schema nullability and references', () => {
    expectTypeOf<Scene['__typename']>().toEqualTypeOf<'Scene'>();
    expectTypeOf<Scene['title']>().toEqualTypeOf<string | null>();
    expectTypeOf<Scene['organized']>().toEqualTypeOf<boolean>();
    expectTypeOf<Scene['studio']>().toEqualTypeOf<Studio | null>();
    expectTypeOf<Scene['files']>().toEqualTypeOf<VideoFile[]>();
    expectTypeOf<Scene['captions']>().toEqualTypeOf<
      import('../../core/src/schema/index.ts').VideoCaption[] | null
    >();
    expectTypeOf<Studio['scene_count']>().toEqualTypeOf<number>();
    expectTypeOf<VideoFile['size']>().toEqualTypeOf<number>();
    expectTypeOf<Image['visual_files'][number]['__typename']>().toEqualTypeOf<'VideoFile' | 'ImageFile'>();
    expectTypeOf<BaseFile['__typename']>().toEqualTypeOf<
      'VideoFile' | 'ImageFile' | 'GalleryFile' | 'BasicFile'
    >();
  });

  it('types inputs as optional where the schema allows null', () => {
    expectTypeOf<SceneUpdateInput['id']>().toEqualTypeOf<string>();
    expectTypeOf<SceneUpdateInput['tag_ids']>().toEqualTypeOf<string[] | null | undefined>();
    const filter: SceneFilterType = {
      organized: true,
      tags: { value: ['1'], modifier: 'INCLUDES', depth: -1 },
    };
    // @ts-expect-error modifier must be a CriterionModifier
    const bad: SceneFilterType = { title: { value: 'x', modifier: 'CONTAINS' } };
    expectTypeOf<'BETWEEN'>().toMatchTypeOf<CriterionModifier>();
    expect([filter, bad]).toHaveLength(2);
  });

  it('maps entity typenames to their types and inputs', () => {
    expectTypeOf<EntityTypes['Scene']>().toEqualTypeOf<Scene>();
    expectTypeOf<EntityTypeName>().toEqualTypeOf<
      | 'Scene'
      | 'Performer'
      | 'Studio'
      | 'Tag'
      | 'Gallery'
      | 'Image'
      | 'Group'
      | 'SceneMarker'
      | 'GalleryChapter'
      | 'SavedFilter'
      | 'VideoFile'
      | 'ImageFile'
      | 'GalleryFile'
      | 'BasicFile'
      | 'Folder'
    >();
    expectTypeOf<EntityFilterTypes['Scene']>().toEqualTypeOf<SceneFilterType>();
    expectTypeOf<keyof EntityCreateInputs>().not.toEqualTypeOf<EntityTypeName>();
    expectTypeOf<EntityUpdateInputs['Scene']>().toEqualTypeOf<SceneUpdateInput>();
    // The maps cover exactly the model's entity types.
    expect(Object.keys(getSchemaModel().entities)).toHaveLength(15);
  });
});
