// Typed reads: checked by `tsc -b` (every expectTypeOf and expected error below fails to compile if
// the types regress); the runtime test only loads the file. The functions are never called.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type {
  FindIterator,
  FindPageResult,
  Image,
  Performer,
  Scene,
  Selected,
  StashEntityStore,
  Studio,
} from '../src/index';

type SceneCard = Selected<Scene, readonly ['title', 'studio.name']>;

async function narrowedReads(store: StashEntityStore) {
  const scene = await store.get('Scene', '1', { fields: ['title', 'studio.name'] });
  expectTypeOf(scene).toEqualTypeOf<SceneCard | null>();
  expectTypeOf(scene!.title).toEqualTypeOf<string | null>();
  expectTypeOf(scene!.studio?.name).toEqualTypeOf<string | undefined>();
  // @ts-expect-error: files was not selected (it would throw at run time)
  void scene!.files;

  const many = await store.getMany('Scene', ['1', '2'], { fields: ['title'] });
  expectTypeOf(many).toEqualTypeOf<Selected<Scene, readonly ['title']>[]>();

  const found = await store.find('Performer', { name__icontains: 'a' }, { fields: ['name', 'tags.name'] });
  expectTypeOf(found[0].tags.map((t) => t.name)).toEqualTypeOf<string[]>();
  // @ts-expect-error: gender was not selected
  void found[0].gender;

  const one = await store.findOne('Studio', undefined, { fields: ['scene_count(depth: -1)', 'name'] });
  expectTypeOf(one).toEqualTypeOf<Selected<Studio, readonly ['scene_count(depth: -1)', 'name']> | null>();

  const iter = store.findIter('Scene', undefined, { fields: ['title'], batch: 10 });
  expectTypeOf(iter).toEqualTypeOf<FindIterator<Selected<Scene, readonly ['title']>>>();

  // findPage narrows its items and carries the type's aggregates.
  const page = await store.findPage(
    'Scene',
    { organized: true },
    { page: 2, fields: ['title', 'files.path'] },
  );
  expectTypeOf(page).toEqualTypeOf<
    FindPageResult<'Scene', Selected<Scene, readonly ['title', 'files.path']>>
  >();
  expectTypeOf(page.items[0].files.map((f) => f.path)).toEqualTypeOf<string[]>();
  expectTypeOf(page.duration).toEqualTypeOf<number>();
  // @ts-expect-error: studio was not selected
  void page.items[0].studio;
  const images = await store.findPage('Image', undefined, { fields: ['title'] });
  expectTypeOf(images.megapixels).toEqualTypeOf<number>();
  // @ts-expect-error: scenes have no megapixels aggregate
  void page.megapixels;

  // populate keeps what the entity had and adds what it selected.
  const populated = await store.populate(scene!, ['details', 'performers__name']);
  expectTypeOf(populated.title).toEqualTypeOf<string | null>();
  expectTypeOf(populated.details).toEqualTypeOf<string | null>();
  expectTypeOf(populated.performers.map((p) => p.name)).toEqualTypeOf<string[]>();
}

async function wholeReads(store: StashEntityStore, specs: string[], set: Set<string>) {
  // Without a literal list the whole entity type is kept (checked at run time only).
  expectTypeOf(await store.get('Scene', '1')).toEqualTypeOf<Scene | null>();
  expectTypeOf(await store.get('Scene', '1', { fields: specs })).toEqualTypeOf<Scene | null>();
  expectTypeOf(await store.get('Scene', '1', { fields: set })).toEqualTypeOf<Scene | null>();
  expectTypeOf(await store.find('Performer')).toEqualTypeOf<Performer[]>();
  expectTypeOf((await store.findPage('Scene', undefined, { fields: specs })).items).toEqualTypeOf<
    readonly Scene[]
  >();
  expectTypeOf((await store.findPage('Image')).items).toEqualTypeOf<readonly Image[]>();
  expectTypeOf(await store.findOne('Scene', undefined, { fields: set })).toEqualTypeOf<Scene | null>();
  const full = await store.get('Scene', '1');
  expectTypeOf(await store.populate(full!)).toEqualTypeOf<Scene>();
}

function callSiteErrors(store: StashEntityStore) {
  // @ts-expect-error: misspelt field
  void store.get('Scene', '1', { fields: ['titel'] });
  // @ts-expect-error: misspelt sub-field (dot form)
  void store.get('Scene', '1', { fields: ['title', 'studio.nmae'] });
  // @ts-expect-error: misspelt sub-field (__ form)
  void store.getMany('Scene', ['1'], { fields: ['studio__nmae'] });
  // @ts-expect-error: a scalar has no sub-fields
  void store.find('Scene', undefined, { fields: ['title.length'] });
  // @ts-expect-error: Scene has no scene_count (Studio has)
  void store.findOne('Scene', undefined, { fields: ['scene_count(depth: -1)'] });
  // @ts-expect-error: misspelt field in findIter
  void store.findIter('Scene', undefined, { fields: ['detials'] });
  // @ts-expect-error: misspelt sub-field in findPage
  void store.findPage('Scene', undefined, { page: 2, fields: ['studio__nmae'] });
  // @ts-expect-error: misspelt field in populate
  void store.populate({ __typename: 'Scene' as const, id: '1' }, ['studio.parent_studio.nmae']);

  // Specs with arguments and deep links compile.
  void store.get('Studio', '1', { fields: ['scene_count(depth: -1)', 'parent_studio.name'] });
  void store.get('Scene', '1', {
    fields: ['studio__parent_studio__name', 'files.path', 'groups.group.name'],
  });
  void store.get('Image', '1', { fields: ['visual_files.path', 'performers.scene_count'] });
  void store.findPage('Studio', undefined, { fields: ['scene_count(depth: -1)', 'parent_studio__name'] });
}

describe('typed reads', () => {
  it('narrow core reads to literal fields and reject misspelt specs (compile-time)', () => {
    expect([narrowedReads, wholeReads, callSiteErrors].every((f) => typeof f === 'function')).toBe(true);
  });
});
