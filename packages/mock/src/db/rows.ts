/**
 * Storage rows of the mock's in-memory database: one row per entity, relationships held as ids
 * (owned by one side, as Stash's tables do); inverse sides and counts are derived at read time.
 * Ids are decimal strings; each type has its own id space except the file types, which share one.
 * Times are RFC3339 strings.
 */

export interface StashIdRow {
  endpoint: string;
  stash_id: string;
  updated_at: string;
}

export interface Timestamps {
  created_at: string;
  updated_at: string;
}

export interface SceneRow extends Timestamps {
  id: string;
  title: string | null;
  code: string | null;
  details: string | null;
  director: string | null;
  urls: string[];
  date: string | null;
  rating100: number | null;
  organized: boolean;
  interactive: boolean;
  interactive_speed: number | null;
  captions: { language_code: string; caption_type: string }[] | null;
  resume_time: number | null;
  play_duration: number | null;
  /** play_count and last_played_at derive from this. */
  play_history: string[];
  /** o_counter derives from this. */
  o_history: string[];
  /** VideoFile ids; the first is the primary file. */
  file_ids: string[];
  studio_id: string | null;
  tag_ids: string[];
  performer_ids: string[];
  /** Scene <-> gallery links are owned here (Gallery.scenes derives). */
  gallery_ids: string[];
  groups: { group_id: string; scene_index: number | null }[];
  stash_ids: StashIdRow[];
  /** phash fingerprint of the primary file is on the file row. */
}

export interface PerformerRow extends Timestamps {
  id: string;
  name: string;
  disambiguation: string | null;
  urls: string[];
  gender: string | null;
  birthdate: string | null;
  death_date: string | null;
  ethnicity: string | null;
  country: string | null;
  eye_color: string | null;
  hair_color: string | null;
  measurements: string | null;
  fake_tits: string | null;
  career_length: string | null;
  tattoos: string | null;
  piercings: string | null;
  details: string | null;
  height_cm: number | null;
  weight: number | null;
  penis_length: number | null;
  circumcised: string | null;
  alias_list: string[];
  favorite: boolean;
  ignore_auto_tag: boolean;
  rating100: number | null;
  custom_fields: Record<string, unknown>;
  tag_ids: string[];
  stash_ids: StashIdRow[];
  has_image: boolean;
}

export interface StudioRow extends Timestamps {
  id: string;
  name: string;
  urls: string[];
  aliases: string[];
  details: string | null;
  rating100: number | null;
  favorite: boolean;
  ignore_auto_tag: boolean;
  parent_id: string | null;
  tag_ids: string[];
  stash_ids: StashIdRow[];
  has_image: boolean;
}

export interface TagRow extends Timestamps {
  id: string;
  name: string;
  sort_name: string | null;
  description: string | null;
  aliases: string[];
  favorite: boolean;
  ignore_auto_tag: boolean;
  /** Tag hierarchy is owned here (children derive). */
  parent_ids: string[];
  stash_ids: StashIdRow[];
  has_image: boolean;
}

export interface GalleryRow extends Timestamps {
  id: string;
  title: string | null;
  code: string | null;
  urls: string[];
  date: string | null;
  details: string | null;
  photographer: string | null;
  rating100: number | null;
  organized: boolean;
  studio_id: string | null;
  tag_ids: string[];
  performer_ids: string[];
  /** Ordered images of the gallery (Image.galleries derives). */
  image_ids: string[];
  cover_image_id: string | null;
  /** GalleryFile ids (zip galleries); empty for folder galleries. */
  file_ids: string[];
  folder_id: string | null;
}

export interface ImageRow extends Timestamps {
  id: string;
  title: string | null;
  code: string | null;
  urls: string[];
  date: string | null;
  details: string | null;
  photographer: string | null;
  rating100: number | null;
  organized: boolean;
  o_counter: number;
  studio_id: string | null;
  tag_ids: string[];
  performer_ids: string[];
  /** ImageFile (or VideoFile) ids; the first is the primary file. */
  file_ids: string[];
}

export interface GroupRow extends Timestamps {
  id: string;
  name: string;
  aliases: string | null;
  duration: number | null;
  date: string | null;
  rating100: number | null;
  director: string | null;
  synopsis: string | null;
  urls: string[];
  studio_id: string | null;
  tag_ids: string[];
  /** Hierarchy owned here, ordered (sub_groups derive). */
  containing_groups: { group_id: string; description: string | null; order_index?: number }[];
  has_front_image: boolean;
  has_back_image: boolean;
}

export interface SceneMarkerRow extends Timestamps {
  id: string;
  title: string;
  seconds: number;
  end_seconds: number | null;
  scene_id: string;
  primary_tag_id: string;
  tag_ids: string[];
}

export interface GalleryChapterRow extends Timestamps {
  id: string;
  title: string;
  image_index: number;
  gallery_id: string;
}

export interface SavedFilterRow {
  id: string;
  mode: string;
  name: string;
  find_filter: {
    q: string | null;
    page: number | null;
    per_page: number | null;
    sort: string | null;
    direction: string | null;
  } | null;
  object_filter: Record<string, unknown> | null;
  ui_options: Record<string, unknown> | null;
}

export type FileTypename = 'VideoFile' | 'ImageFile' | 'GalleryFile' | 'BasicFile';

export interface FileRow extends Timestamps {
  id: string;
  typename: FileTypename;
  path: string;
  basename: string;
  parent_folder_id: string;
  zip_file_id: string | null;
  mod_time: string;
  size: number;
  /** `md5`, `oshash`, `phash` (hex) ... */
  fingerprints: { type: string; value: string }[];
  /** VideoFile and ImageFile. */
  format?: string;
  width?: number;
  height?: number;
  /** VideoFile only. */
  duration?: number;
  video_codec?: string;
  audio_codec?: string;
  frame_rate?: number;
  bit_rate?: number;
}

export interface FolderRow extends Timestamps {
  id: string;
  path: string;
  parent_folder_id: string | null;
  zip_file_id: string | null;
  mod_time: string;
}

/** Row type per storage table. */
export interface RowsByTable {
  Scene: SceneRow;
  Performer: PerformerRow;
  Studio: StudioRow;
  Tag: TagRow;
  Gallery: GalleryRow;
  Image: ImageRow;
  Group: GroupRow;
  SceneMarker: SceneMarkerRow;
  GalleryChapter: GalleryChapterRow;
  SavedFilter: SavedFilterRow;
  File: FileRow;
  Folder: FolderRow;
}

export type TableName = keyof RowsByTable;

/**
 * The read interface the filter/sort engine and resolvers share. Tables keep insertion (id) order.
 * Derived look-ups (children, inverse links, counts) are indexed by the implementation.
 */
export interface MockDbReader {
  /**
   * Moves on every write (a counter). When present, values derived from the rows (inverse indexes,
   * sorted orders, search texts) are cached until it moves; readers without one are never cached.
   */
  readonly version?: number;
  table<T extends TableName>(name: T): ReadonlyMap<string, RowsByTable[T]>;
  get<T extends TableName>(name: T, id: string): RowsByTable[T] | undefined;
  /** Direct child tag ids of a tag. */
  tagChildren(id: string): string[];
  /** Direct child studio ids of a studio. */
  studioChildren(id: string): string[];
  /** Direct sub-group ids of a group, ordered. */
  subGroups(id: string): string[];
  /** Ids of scenes/images/galleries/markers that reference an entity (inverse indexes). */
  scenesOf(kind: 'performer' | 'tag' | 'studio' | 'group' | 'gallery', id: string): string[];
  imagesOf(kind: 'performer' | 'tag' | 'studio' | 'gallery', id: string): string[];
  galleriesOf(kind: 'performer' | 'tag' | 'studio' | 'scene', id: string): string[];
  markersOf(kind: 'scene' | 'tag', id: string): string[];
}
