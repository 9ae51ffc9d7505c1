/**
 * The hand-kept facts the schema alone cannot tell: which types are entity kinds, which
 * deprecated types to leave out, and the few irregular names the naming rules miss.
 * Everything else in the model is derived from the introspection.
 */

/** Entity kinds in the model's stable order (normalized by `Type:id`). */
export const ENTITY_TYPES = [
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
] as const;

/**
 * `Movie` is the deprecated alias of `Group` (same rows, other typename): fields, arguments and
 * input fields of these types are left out so `Movie:5` never shadows `Group:5`.
 */
export const SKIPPED_TYPES = new Set([
  'Movie',
  'SceneMovie',
  'SceneMovieInput',
  'MovieFilterType',
  'FindMoviesResultType',
  'MovieCreateInput',
  'MovieUpdateInput',
]);

/** Root query fields whose names the `find<Type>` / `find<Types>` rule misses. */
export const QUERY_OVERRIDES: Record<string, { single?: string; list?: string }> = {
  VideoFile: { single: 'findFile', list: 'findFiles' },
  ImageFile: { single: 'findFile', list: 'findFiles' },
  GalleryFile: { single: 'findFile', list: 'findFiles' },
  BasicFile: { single: 'findFile', list: 'findFiles' },
};

export type MutationRole = 'create' | 'update' | 'destroy' | 'destroyMany' | 'bulkUpdate';

/**
 * Mutations the `<type>Create`, `<type>Update`, `<type>Destroy`, `<types>Destroy` and
 * `bulk<Type>Update` rules miss. `null` means "none, even if the rule finds one".
 */
export const MUTATION_OVERRIDES: Record<string, Partial<Record<MutationRole, string | null>>> = {
  // saveFilter creates without `id` and overwrites with one.
  SavedFilter: { create: 'saveFilter', update: 'saveFilter', destroy: 'destroySavedFilter' },
  // galleryDestroy takes `ids`: it is the plural destroy too.
  Gallery: { destroyMany: 'galleryDestroy' },
  // deleteFiles removes the files from disk, like `sceneDestroy(delete_file: true)`.
  VideoFile: { destroyMany: 'deleteFiles' },
  ImageFile: { destroyMany: 'deleteFiles' },
  GalleryFile: { destroyMany: 'deleteFiles' },
  BasicFile: { destroyMany: 'deleteFiles' },
};

/**
 * Entity fields whose input field the matching rules miss or must not guess:
 * `null` = not writable through the update input.
 */
export const WRITE_OVERRIDES: Record<string, Record<string, string | null>> = {
  // The cover is set by setGalleryCover/resetGalleryCover.
  Gallery: { cover: null },
};

/** Irregular plurals for the `<singular>_ids` rule. */
export const SINGULARS: Record<string, string> = { children: 'child' };

const FILE_SIDE_MUTATIONS = {
  fingerprints: ['fileSetFingerprints'],
  path: ['moveFiles'],
  basename: ['moveFiles'],
  parent_folder: ['moveFiles'],
};

/**
 * Fields Stash changes through dedicated mutations rather than (or as well as) the update input.
 * Checked against the schema at generation time.
 */
export const SIDE_MUTATIONS: Record<string, Record<string, string[]>> = {
  Scene: {
    o_counter: ['sceneAddO', 'sceneDeleteO', 'sceneResetO'],
    o_history: ['sceneAddO', 'sceneDeleteO', 'sceneResetO'],
    play_count: ['sceneAddPlay', 'sceneDeletePlay', 'sceneResetPlayCount'],
    play_history: ['sceneAddPlay', 'sceneDeletePlay', 'sceneResetPlayCount'],
    last_played_at: ['sceneAddPlay', 'sceneDeletePlay', 'sceneResetPlayCount'],
    resume_time: ['sceneSaveActivity', 'sceneResetActivity'],
    play_duration: ['sceneSaveActivity', 'sceneResetActivity'],
    files: ['sceneAssignFile'],
    paths: ['sceneGenerateScreenshot'],
  },
  Image: { o_counter: ['imageIncrementO', 'imageDecrementO', 'imageResetO'] },
  Gallery: {
    cover: ['setGalleryCover', 'resetGalleryCover'],
    image_count: ['addGalleryImages', 'removeGalleryImages'],
  },
  Group: { sub_groups: ['addGroupSubGroups', 'removeGroupSubGroups', 'reorderSubGroups'] },
  VideoFile: FILE_SIDE_MUTATIONS,
  ImageFile: FILE_SIDE_MUTATIONS,
  GalleryFile: FILE_SIDE_MUTATIONS,
  BasicFile: FILE_SIDE_MUTATIONS,
};
