/**
 * Stash's per-entity `sort` allow-lists (the `*SortOptions` tables in pkg/sqlite/*.go). Stash
 * answers any other value with "invalid sort: X"; checking here reports it before a request.
 * `random_<seed>` (a stable shuffle) is accepted for every entity. Types missing from this table
 * are not checked locally.
 */
import { splitValues } from '../shared/splitValues';

// One space-separated string per type, split once at load (shorter in the bundle than array literals).
const FILE_SORTS = 'created_at id path random updated_at';

export const SORT_KEYS: Readonly<Record<string, readonly string[]>> = /* @__PURE__ */ splitValues({
  Scene:
    'bitrate created_at code date file_count filesize duration file_mod_time framerate group_scene_number id interactive interactive_speed last_o_at last_played_at movie_scene_number o_counter organized performer_count play_count play_duration resume_time path perceptual_similarity random rating resolution studio tag_count title updated_at performer_age',
  Performer:
    'birthdate career_length created_at galleries_count height id images_count last_o_at last_played_at measurements name o_counter penis_length play_count random rating scenes_count scenes_duration tag_count updated_at weight',
  Studio:
    'child_count created_at galleries_count id images_count name scenes_count scenes_duration random rating tag_count updated_at',
  Tag: 'created_at galleries_count groups_count id images_count movies_count studios_count name performers_count random scene_markers_count scenes_count scenes_duration updated_at',
  Gallery:
    'created_at date file_count file_mod_time id images_count path performer_count random rating tag_count title updated_at',
  Image:
    'created_at date file_count file_mod_time filesize id o_counter path performer_count random rating resolution tag_count title updated_at',
  Group:
    'created_at date duration id name random rating scenes_count o_counter sub_group_order tag_count updated_at',
  SceneMarker: 'created_at id title random scene_id scenes_updated_at seconds updated_at duration',
  VideoFile: FILE_SORTS,
  ImageFile: FILE_SORTS,
  GalleryFile: FILE_SORTS,
  BasicFile: FILE_SORTS,
  Folder: FILE_SORTS,
});

/** `random_<unsigned integer seed>`, which Stash accepts for every entity. */
export const RANDOM_SEED_SORT = /^random_\d{1,20}$/;
