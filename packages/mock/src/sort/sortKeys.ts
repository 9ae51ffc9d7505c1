import type {
  FileRow,
  GalleryRow,
  GroupRow,
  ImageRow,
  PerformerRow,
  SceneMarkerRow,
  SceneRow,
  StudioRow,
  TagRow,
} from '../db/rows';
import { timeOf } from '../filter/dateCriterion';
import type { FilterContext } from '../filter/filterContext';
import { phashToInt } from '../filter/mediaCriteria';
import { fullDate } from '../filter/numberCriterion';
import type { EntityRow, FilterEntity } from '../filter/types';

export type SortValue = number | string | bigint | null;

/** One ORDER BY term. `natural` strings use NATURAL_CI, others compare by code point (BINARY). */
export interface SortPart<R> {
  get: (row: R, ctx: FilterContext) => SortValue;
  natural?: boolean;
  /** A fixed direction (tie-breakers); otherwise the request's direction. */
  fixed?: 'ASC' | 'DESC';
}

type Keys<R> = Record<string, SortPart<R>[]>;

const by = <R>(get: SortPart<R>['get'], natural = false): SortPart<R>[] => [{ get, natural }];
const time = (v: string | null | undefined) => timeOf(v);
const num = (id: string) => Number(id);
const bool = (v: boolean) => (v ? 1 : 0);

function maxTime(times: readonly string[]): number | null {
  let best: number | null = null;
  for (const t of times) {
    const v = Date.parse(t);
    if (!Number.isNaN(v) && (best == null || v > best)) best = v;
  }
  return best;
}

const primary = (ids: readonly string[], ctx: FilterContext): FileRow | undefined => ctx.primaryFile(ids);
const minSide = (f: FileRow | undefined) =>
  f?.width == null || f.height == null ? null : Math.min(f.width, f.height);
const folderPath = (f: FileRow | undefined, ctx: FilterContext) =>
  f ? (ctx.folder(f.parent_folder_id)?.path ?? null) : null;
/** Stash sorts paths as `COALESCE(folders.path, '') || COALESCE(files.basename, '')`. */
const pathKey = (f: FileRow | undefined, ctx: FilterContext) =>
  (folderPath(f, ctx) ?? '') + (f?.basename ?? '');

function scenesDuration(sceneIds: readonly string[], ctx: FilterContext): number {
  let total = 0;
  for (const s of ctx.rows('Scene', sceneIds)) total += ctx.primaryFile(s.file_ids)?.duration ?? 0;
  return total;
}

function daysBetween(from: string | null, to: string | null): number | null {
  const a = fullDate(from);
  const b = fullDate(to);
  if (a == null || b == null) return null;
  return (Date.parse(b) - Date.parse(a)) / 86_400_000;
}

const common = <R extends { id: string; created_at: string; updated_at: string }>(): Keys<R> => ({
  id: by((r) => num(r.id)),
  created_at: by((r) => time(r.created_at)),
  updated_at: by((r) => time(r.updated_at)),
});

const sceneKeys: Keys<SceneRow> = {
  ...common<SceneRow>(),
  bitrate: by((s, ctx) => primary(s.file_ids, ctx)?.bit_rate ?? null),
  code: by((s) => s.code),
  date: by((s) => s.date),
  file_count: by((s) => s.file_ids.length),
  filesize: by((s, ctx) => primary(s.file_ids, ctx)?.size ?? null),
  duration: by((s, ctx) => primary(s.file_ids, ctx)?.duration ?? null),
  file_mod_time: by((s, ctx) => time(primary(s.file_ids, ctx)?.mod_time)),
  framerate: by((s, ctx) => primary(s.file_ids, ctx)?.frame_rate ?? null),
  group_scene_number: by((s) => s.groups[0]?.scene_index ?? null),
  movie_scene_number: by((s) => s.groups[0]?.scene_index ?? null),
  interactive: by((s) => bool(s.interactive)),
  interactive_speed: by((s) => s.interactive_speed),
  last_o_at: by((s) => maxTime(s.o_history)),
  last_played_at: by((s) => maxTime(s.play_history)),
  o_counter: by((s) => s.o_history.length),
  organized: by((s) => bool(s.organized)),
  performer_count: by((s) => s.performer_ids.length),
  play_count: by((s) => s.play_history.length),
  play_duration: by((s) => s.play_duration),
  resume_time: by((s) => s.resume_time),
  path: by((s, ctx) => pathKey(primary(s.file_ids, ctx), ctx), true),
  perceptual_similarity: [
    {
      get: (s, ctx) => {
        const fp = primary(s.file_ids, ctx)?.fingerprints.find((f) => f.type === 'phash');
        return fp ? phashToInt(fp.value) : null;
      },
    },
    { get: (s, ctx) => primary(s.file_ids, ctx)?.size ?? null, fixed: 'DESC' },
  ],
  rating: by((s) => s.rating100),
  resolution: by((s, ctx) => minSide(primary(s.file_ids, ctx))),
  studio: by((s, ctx) => (s.studio_id ? (ctx.db.get('Studio', s.studio_id)?.name ?? null) : null), true),
  tag_count: by((s) => s.tag_ids.length),
  title: [
    { get: (s, ctx) => s.title ?? primary(s.file_ids, ctx)?.basename ?? null, natural: true },
    { get: (s, ctx) => folderPath(primary(s.file_ids, ctx), ctx), natural: true },
  ],
  performer_age: [], // direction-dependent: built in applyFindFilter
};

/** Stash's performer_age sort: youngest performer ascending, oldest descending; no age sorts last. */
export function performerAgeSort(direction: 'ASC' | 'DESC'): SortPart<SceneRow> {
  return {
    get: (s, ctx) => {
      const ages = ctx
        .rows('Performer', s.performer_ids)
        .map((p) => daysBetween(p.birthdate, s.date))
        .filter((d): d is number => d != null);
      if (ages.length === 0) return direction === 'ASC' ? Number.MAX_SAFE_INTEGER : null;
      return direction === 'ASC' ? Math.min(...ages) : Math.max(...ages);
    },
  };
}

const performerScenes = (p: PerformerRow, ctx: FilterContext) =>
  ctx.rows('Scene', ctx.db.scenesOf('performer', p.id));

const performerKeys: Keys<PerformerRow> = {
  ...common<PerformerRow>(),
  birthdate: by((p) => p.birthdate),
  career_length: by((p) => p.career_length),
  galleries_count: by((p, ctx) => ctx.db.galleriesOf('performer', p.id).length),
  height: by((p) => p.height_cm),
  images_count: by((p, ctx) => ctx.db.imagesOf('performer', p.id).length),
  last_o_at: by((p, ctx) => maxTime(performerScenes(p, ctx).flatMap((s) => s.o_history))),
  last_played_at: by((p, ctx) => maxTime(performerScenes(p, ctx).flatMap((s) => s.play_history))),
  measurements: by((p) => p.measurements),
  name: by((p) => p.name, true),
  o_counter: by(
    (p, ctx) =>
      performerScenes(p, ctx).reduce((n, s) => n + s.o_history.length, 0) +
      ctx.rows('Image', ctx.db.imagesOf('performer', p.id)).reduce((n, i) => n + i.o_counter, 0),
  ),
  penis_length: by((p) => p.penis_length),
  play_count: by((p, ctx) => new Set(performerScenes(p, ctx).flatMap((s) => s.play_history)).size),
  rating: by((p) => p.rating100),
  scenes_count: by((p, ctx) => ctx.db.scenesOf('performer', p.id).length),
  scenes_duration: by((p, ctx) => scenesDuration(ctx.db.scenesOf('performer', p.id), ctx)),
  tag_count: by((p) => p.tag_ids.length),
  weight: by((p) => p.weight),
};

const studioKeys: Keys<StudioRow> = {
  ...common<StudioRow>(),
  child_count: by((s, ctx) => ctx.db.studioChildren(s.id).length),
  galleries_count: by((s, ctx) => ctx.db.galleriesOf('studio', s.id).length),
  images_count: by((s, ctx) => ctx.db.imagesOf('studio', s.id).length),
  name: by((s) => s.name, true),
  scenes_count: by((s, ctx) => ctx.db.scenesOf('studio', s.id).length),
  scenes_duration: by((s, ctx) => scenesDuration(ctx.db.scenesOf('studio', s.id), ctx)),
  rating: by((s) => s.rating100),
  tag_count: by((s) => s.tag_ids.length),
};

const tagMarkerCount = (t: TagRow, ctx: FilterContext) => {
  let n = 0;
  for (const m of ctx.rows('SceneMarker', ctx.markersWithTag(t.id))) {
    if (m.primary_tag_id === t.id) n++;
    if (m.tag_ids.includes(t.id)) n++;
  }
  return n;
};

const tagKeys: Keys<TagRow> = {
  ...common<TagRow>(),
  galleries_count: by((t, ctx) => ctx.db.galleriesOf('tag', t.id).length),
  groups_count: by((t, ctx) => ctx.groupsWithTag(t.id).length),
  movies_count: by((t, ctx) => ctx.groupsWithTag(t.id).length),
  images_count: by((t, ctx) => ctx.db.imagesOf('tag', t.id).length),
  studios_count: by((t, ctx) => ctx.studiosWithTag(t.id).length),
  name: by((t) => t.sort_name ?? t.name, true),
  performers_count: by((t, ctx) => ctx.performersWithTag(t.id).length),
  scene_markers_count: by(tagMarkerCount),
  scenes_count: by((t, ctx) => ctx.db.scenesOf('tag', t.id).length),
  scenes_duration: by((t, ctx) => scenesDuration(ctx.db.scenesOf('tag', t.id), ctx)),
};

const baseName = (path: string | null | undefined) =>
  path
    ? path
        .replace(/[/\\]+$/, '')
        .split(/[/\\]/)
        .pop()!
    : null;

const galleryKeys: Keys<GalleryRow> = {
  ...common<GalleryRow>(),
  date: by((g) => g.date),
  file_count: by((g) => g.file_ids.length),
  file_mod_time: by((g, ctx) => time(primary(g.file_ids, ctx)?.mod_time)),
  images_count: by((g) => g.image_ids.length),
  path: by((g, ctx) => (ctx.folder(g.folder_id)?.path ?? '') + pathKey(primary(g.file_ids, ctx), ctx), true),
  performer_count: by((g) => g.performer_ids.length),
  rating: by((g) => g.rating100),
  tag_count: by((g) => g.tag_ids.length),
  title: [
    {
      get: (g, ctx) =>
        g.title ?? primary(g.file_ids, ctx)?.basename ?? baseName(ctx.folder(g.folder_id)?.path ?? ''),
      natural: true,
    },
    { get: (g, ctx) => folderPath(primary(g.file_ids, ctx), ctx), natural: true },
  ],
};

const imageKeys: Keys<ImageRow> = {
  ...common<ImageRow>(),
  date: by((i) => i.date),
  file_count: by((i) => i.file_ids.length),
  file_mod_time: by((i, ctx) => time(primary(i.file_ids, ctx)?.mod_time)),
  filesize: by((i, ctx) => primary(i.file_ids, ctx)?.size ?? null),
  o_counter: by((i) => i.o_counter),
  path: by((i, ctx) => pathKey(primary(i.file_ids, ctx), ctx), true),
  performer_count: by((i) => i.performer_ids.length),
  rating: by((i) => i.rating100),
  resolution: by((i, ctx) => minSide(primary(i.file_ids, ctx))),
  tag_count: by((i) => i.tag_ids.length),
  title: [
    { get: (i, ctx) => i.title ?? primary(i.file_ids, ctx)?.basename ?? null, natural: true },
    { get: (i, ctx) => folderPath(primary(i.file_ids, ctx), ctx), natural: true },
  ],
};

const groupKeys: Keys<GroupRow> = {
  ...common<GroupRow>(),
  date: by((g) => g.date),
  duration: by((g) => g.duration),
  name: by((g) => g.name, true),
  rating: by((g) => g.rating100),
  scenes_count: by((g, ctx) => ctx.db.scenesOf('group', g.id).length),
  o_counter: by((g, ctx) =>
    ctx.rows('Scene', ctx.db.scenesOf('group', g.id)).reduce((n, s) => n + s.o_history.length, 0),
  ),
  // position among the sub-groups of its first containing group
  sub_group_order: by((g, ctx) => {
    const parent = g.containing_groups[0]?.group_id;
    if (!parent) return null;
    const i = ctx.db.subGroups(parent).indexOf(g.id);
    return i < 0 ? null : i;
  }),
  tag_count: by((g) => g.tag_ids.length),
};

const markerKeys: Keys<SceneMarkerRow> = {
  ...common<SceneMarkerRow>(),
  title: by(
    (m, ctx) => (m.title !== '' ? m.title : (ctx.db.get('Tag', m.primary_tag_id)?.name ?? null)),
    true,
  ),
  scene_id: by((m) => num(m.scene_id)),
  scenes_updated_at: by((m, ctx) => time(ctx.db.get('Scene', m.scene_id)?.updated_at)),
  seconds: by((m) => m.seconds),
  duration: by((m) => (m.end_seconds == null ? null : m.end_seconds - m.seconds)),
};

const fileKeys: Keys<FileRow> = {
  ...common<FileRow>(),
  path: [{ get: (f, ctx) => folderPath(f, ctx) }, { get: (f) => f.basename }],
};

/** Sort keys per entity: every key of Stash's allow-list except `random`, handled by the caller. */
export const SORT_KEYS: { [E in FilterEntity]: Keys<EntityRow<E>> } = {
  Scene: sceneKeys,
  Performer: performerKeys,
  Studio: studioKeys,
  Tag: tagKeys,
  Gallery: galleryKeys,
  Image: imageKeys,
  Group: groupKeys,
  SceneMarker: markerKeys,
  File: fileKeys,
  Folder: { ...common(), path: by((f) => f.path) },
};

/** Stash's final ORDER BY terms, added whenever a sort applies. */
export const TIE_BREAKERS: { [E in FilterEntity]: SortPart<EntityRow<E>>[] } = {
  Scene: [{ get: (s) => s.title ?? s.id, natural: true, fixed: 'ASC' }],
  Performer: [{ get: (p) => p.name ?? p.id, natural: true, fixed: 'ASC' }],
  Studio: [{ get: (s) => s.name ?? s.id, natural: true, fixed: 'ASC' }],
  Tag: [{ get: (t) => t.sort_name ?? t.name ?? t.id, natural: true, fixed: 'ASC' }],
  Gallery: [{ get: (g) => g.title ?? g.id, natural: true, fixed: 'ASC' }],
  Image: [{ get: (i) => i.title ?? i.id, natural: true, fixed: 'ASC' }],
  Group: [{ get: (g) => g.name ?? g.id, natural: true, fixed: 'ASC' }],
  SceneMarker: [
    { get: (m) => num(m.scene_id), fixed: 'ASC' },
    { get: (m) => m.seconds, fixed: 'ASC' },
  ],
  File: [],
  Folder: [],
};

/** The sort used when `sort` is absent; null keeps id order (no ORDER BY in Stash). */
export const DEFAULT_SORT: Record<FilterEntity, string | null> = {
  Scene: null,
  Performer: 'name',
  Studio: 'name',
  Tag: 'name',
  Gallery: null,
  Image: null,
  Group: 'name',
  SceneMarker: 'title',
  File: null,
  Folder: null,
};

/** Stash's sort allow-lists (the CVE-2024-32231 fix). */
export function allowedSorts(entity: FilterEntity): string[] {
  return [...Object.keys(SORT_KEYS[entity]), 'random'].sort();
}
