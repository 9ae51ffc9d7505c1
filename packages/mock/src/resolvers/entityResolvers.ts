import type { MockDb } from '../db/MockDb';
import type {
  FileRow,
  FolderRow,
  GalleryChapterRow,
  GalleryRow,
  GroupRow,
  ImageRow,
  PerformerRow,
  RowsByTable,
  SavedFilterRow,
  SceneMarkerRow,
  SceneRow,
  StudioRow,
  TableName,
  TagRow,
} from '../db/rows';
import { MockStashError } from '../errors';
import type { ResolverContext } from './context';
import { entityImagePath, galleryPaths, groupImagePath, imagePaths, markerUrls, scenePaths } from './urls';
import { sceneStreams } from './sceneStreams';

/** Field resolvers per GraphQL type name; fields not listed resolve to the row's own property. */
export type TypeResolvers = Record<
  string,
  Record<string, (source: any, args: any, ctx: ResolverContext) => unknown>
>;

export function rowsOf<T extends TableName>(db: MockDb, table: T, ids: readonly string[]): RowsByTable[T][] {
  const out: RowsByTable[T][] = [];
  for (const id of ids) {
    const row = db.get(table, id);
    if (row) out.push(row);
  }
  return out;
}

function byNumericId(a: string, b: string): number {
  return Number(a) - Number(b);
}

function union(lists: Iterable<readonly string[]>): Set<string> {
  const set = new Set<string>();
  for (const list of lists) for (const x of list) set.add(x);
  return set;
}

/** An entity and its descendants up to `depth` (null or 0: itself only; -1: all). */
function withDescendants(
  db: MockDb,
  kind: 'Tag' | 'Studio' | 'Group',
  id: string,
  depth: number | null | undefined,
): string[] {
  return depth ? [id, ...db.descendants(kind, id, depth)] : [id];
}

function sceneOCount(scene: SceneRow): number {
  return scene.o_history.length;
}

function oCounterOf(db: MockDb, sceneIds: Iterable<string>, imageIds: Iterable<string> = []): number {
  let total = 0;
  for (const id of sceneIds) total += db.get('Scene', id)?.o_history.length ?? 0;
  for (const id of imageIds) total += db.get('Image', id)?.o_counter ?? 0;
  return total;
}

function performersOfScenes(db: MockDb, sceneIds: Iterable<string>): Set<string> {
  const set = new Set<string>();
  for (const id of sceneIds) for (const p of db.get('Scene', id)?.performer_ids ?? []) set.add(p);
  return set;
}

function groupsOfScenes(db: MockDb, sceneIds: Iterable<string>): string[] {
  const set = new Set<string>();
  for (const id of sceneIds) for (const g of db.get('Scene', id)?.groups ?? []) set.add(g.group_id);
  return [...set].sort(byNumericId);
}

const url = (row: { urls: string[] | null }) => row.urls?.[0] ?? null;

const fileFields = {
  parent_folder: (f: FileRow, _: unknown, ctx: ResolverContext) => ctx.db.get('Folder', f.parent_folder_id),
  zip_file: (f: FileRow, _: unknown, ctx: ResolverContext) =>
    f.zip_file_id ? ctx.db.get('File', f.zip_file_id) : null,
  fingerprint: (f: FileRow, args: { type: string }) =>
    f.fingerprints.find((fp) => fp.type === args.type)?.value ?? null,
};

const sceneFields = {
  url,
  o_counter: sceneOCount,
  play_count: (s: SceneRow) => s.play_history.length,
  last_played_at: (s: SceneRow) => s.play_history[s.play_history.length - 1] ?? null,
  files: (s: SceneRow, _: unknown, ctx: ResolverContext) => rowsOf(ctx.db, 'File', s.file_ids),
  paths: (s: SceneRow, _: unknown, ctx: ResolverContext) => scenePaths(ctx, s),
  sceneStreams: (s: SceneRow, _: unknown, ctx: ResolverContext) => sceneStreams(ctx, s),
  scene_markers: (s: SceneRow, _: unknown, ctx: ResolverContext) =>
    rowsOf(ctx.db, 'SceneMarker', ctx.db.markersOf('scene', s.id)).sort((a, b) => a.seconds - b.seconds),
  galleries: (s: SceneRow, _: unknown, ctx: ResolverContext) => rowsOf(ctx.db, 'Gallery', s.gallery_ids),
  studio: (s: SceneRow, _: unknown, ctx: ResolverContext) =>
    s.studio_id ? ctx.db.get('Studio', s.studio_id) : null,
  groups: (s: SceneRow, _: unknown, ctx: ResolverContext) =>
    s.groups.flatMap((g) => {
      const group = ctx.db.get('Group', g.group_id);
      return group ? [{ group, scene_index: g.scene_index }] : [];
    }),
  movies: (s: SceneRow, _: unknown, ctx: ResolverContext) =>
    s.groups.flatMap((g) => {
      const movie = ctx.db.get('Group', g.group_id);
      return movie ? [{ movie, scene_index: g.scene_index }] : [];
    }),
  tags: (s: SceneRow, _: unknown, ctx: ResolverContext) => rowsOf(ctx.db, 'Tag', s.tag_ids),
  performers: (s: SceneRow, _: unknown, ctx: ResolverContext) => rowsOf(ctx.db, 'Performer', s.performer_ids),
};

const performerFields = {
  url,
  twitter: (p: PerformerRow) => p.urls.find((u) => /twitter\.com|x\.com/.test(u)) ?? null,
  instagram: (p: PerformerRow) => p.urls.find((u) => u.includes('instagram.com')) ?? null,
  tags: (p: PerformerRow, _: unknown, ctx: ResolverContext) => rowsOf(ctx.db, 'Tag', p.tag_ids),
  image_path: (p: PerformerRow, _: unknown, ctx: ResolverContext) => entityImagePath(ctx, 'performer', p),
  scene_count: (p: PerformerRow, _: unknown, ctx: ResolverContext) =>
    ctx.db.scenesOf('performer', p.id).length,
  image_count: (p: PerformerRow, _: unknown, ctx: ResolverContext) =>
    ctx.db.imagesOf('performer', p.id).length,
  gallery_count: (p: PerformerRow, _: unknown, ctx: ResolverContext) =>
    ctx.db.galleriesOf('performer', p.id).length,
  group_count: (p: PerformerRow, _: unknown, ctx: ResolverContext) =>
    groupsOfScenes(ctx.db, ctx.db.scenesOf('performer', p.id)).length,
  movie_count: (p: PerformerRow, _: unknown, ctx: ResolverContext) =>
    groupsOfScenes(ctx.db, ctx.db.scenesOf('performer', p.id)).length,
  performer_count: (p: PerformerRow, _: unknown, ctx: ResolverContext) => {
    const others = performersOfScenes(ctx.db, ctx.db.scenesOf('performer', p.id));
    others.delete(p.id);
    return others.size;
  },
  o_counter: (p: PerformerRow, _: unknown, ctx: ResolverContext) =>
    oCounterOf(ctx.db, ctx.db.scenesOf('performer', p.id), ctx.db.imagesOf('performer', p.id)),
  scenes: (p: PerformerRow, _: unknown, ctx: ResolverContext) =>
    rowsOf(ctx.db, 'Scene', ctx.db.scenesOf('performer', p.id)),
  groups: (p: PerformerRow, _: unknown, ctx: ResolverContext) =>
    rowsOf(ctx.db, 'Group', groupsOfScenes(ctx.db, ctx.db.scenesOf('performer', p.id))),
  movies: (p: PerformerRow, _: unknown, ctx: ResolverContext) =>
    rowsOf(ctx.db, 'Group', groupsOfScenes(ctx.db, ctx.db.scenesOf('performer', p.id))),
};

type Depth = { depth?: number | null };

const studioScenes = (ctx: ResolverContext, s: StudioRow, depth: Depth['depth']) =>
  withDescendants(ctx.db, 'Studio', s.id, depth).flatMap((id) => ctx.db.scenesOf('studio', id));
const studioGroups = (ctx: ResolverContext, s: StudioRow, depth: Depth['depth']) => {
  const ids = new Set(withDescendants(ctx.db, 'Studio', s.id, depth));
  return [...ctx.db.table('Group').values()].filter((g) => g.studio_id !== null && ids.has(g.studio_id));
};

const studioFields = {
  url,
  parent_studio: (s: StudioRow, _: unknown, ctx: ResolverContext) =>
    s.parent_id ? ctx.db.get('Studio', s.parent_id) : null,
  child_studios: (s: StudioRow, _: unknown, ctx: ResolverContext) =>
    rowsOf(ctx.db, 'Studio', ctx.db.studioChildren(s.id)),
  tags: (s: StudioRow, _: unknown, ctx: ResolverContext) => rowsOf(ctx.db, 'Tag', s.tag_ids),
  image_path: (s: StudioRow, _: unknown, ctx: ResolverContext) => entityImagePath(ctx, 'studio', s),
  scene_count: (s: StudioRow, a: Depth, ctx: ResolverContext) => studioScenes(ctx, s, a.depth).length,
  image_count: (s: StudioRow, a: Depth, ctx: ResolverContext) =>
    withDescendants(ctx.db, 'Studio', s.id, a.depth).reduce(
      (n, id) => n + ctx.db.imagesOf('studio', id).length,
      0,
    ),
  gallery_count: (s: StudioRow, a: Depth, ctx: ResolverContext) =>
    withDescendants(ctx.db, 'Studio', s.id, a.depth).reduce(
      (n, id) => n + ctx.db.galleriesOf('studio', id).length,
      0,
    ),
  performer_count: (s: StudioRow, a: Depth, ctx: ResolverContext) =>
    performersOfScenes(ctx.db, studioScenes(ctx, s, a.depth)).size,
  group_count: (s: StudioRow, a: Depth, ctx: ResolverContext) => studioGroups(ctx, s, a.depth).length,
  movie_count: (s: StudioRow, a: Depth, ctx: ResolverContext) => studioGroups(ctx, s, a.depth).length,
  groups: (s: StudioRow, _: unknown, ctx: ResolverContext) => studioGroups(ctx, s, 0),
  movies: (s: StudioRow, _: unknown, ctx: ResolverContext) => studioGroups(ctx, s, 0),
  o_counter: (s: StudioRow, _: unknown, ctx: ResolverContext) =>
    oCounterOf(ctx.db, ctx.db.scenesOf('studio', s.id), ctx.db.imagesOf('studio', s.id)),
};

function tagged<T extends 'Performer' | 'Studio' | 'Group'>(
  ctx: ResolverContext,
  table: T,
  tagIds: string[],
): number {
  const ids = new Set(tagIds);
  let n = 0;
  for (const row of ctx.db.table(table).values()) if (row.tag_ids.some((t) => ids.has(t))) n++;
  return n;
}

const tagCount =
  (pick: (db: MockDb, tagId: string) => readonly string[]) => (t: TagRow, a: Depth, ctx: ResolverContext) =>
    union(withDescendants(ctx.db, 'Tag', t.id, a.depth).map((id) => pick(ctx.db, id))).size;

const tagFields = {
  image_path: (t: TagRow, _: unknown, ctx: ResolverContext) => entityImagePath(ctx, 'tag', t),
  scene_count: tagCount((db, id) => db.scenesOf('tag', id)),
  scene_marker_count: tagCount((db, id) => db.markersOf('tag', id)),
  image_count: tagCount((db, id) => db.imagesOf('tag', id)),
  gallery_count: tagCount((db, id) => db.galleriesOf('tag', id)),
  performer_count: (t: TagRow, a: Depth, ctx: ResolverContext) =>
    tagged(ctx, 'Performer', withDescendants(ctx.db, 'Tag', t.id, a.depth)),
  studio_count: (t: TagRow, a: Depth, ctx: ResolverContext) =>
    tagged(ctx, 'Studio', withDescendants(ctx.db, 'Tag', t.id, a.depth)),
  group_count: (t: TagRow, a: Depth, ctx: ResolverContext) =>
    tagged(ctx, 'Group', withDescendants(ctx.db, 'Tag', t.id, a.depth)),
  movie_count: (t: TagRow, a: Depth, ctx: ResolverContext) =>
    tagged(ctx, 'Group', withDescendants(ctx.db, 'Tag', t.id, a.depth)),
  parents: (t: TagRow, _: unknown, ctx: ResolverContext) => rowsOf(ctx.db, 'Tag', t.parent_ids),
  children: (t: TagRow, _: unknown, ctx: ResolverContext) => rowsOf(ctx.db, 'Tag', ctx.db.tagChildren(t.id)),
  parent_count: (t: TagRow) => t.parent_ids.length,
  child_count: (t: TagRow, _: unknown, ctx: ResolverContext) => ctx.db.tagChildren(t.id).length,
};

const galleryFields = {
  url,
  files: (g: GalleryRow, _: unknown, ctx: ResolverContext) => rowsOf(ctx.db, 'File', g.file_ids),
  folder: (g: GalleryRow, _: unknown, ctx: ResolverContext) =>
    g.folder_id ? ctx.db.get('Folder', g.folder_id) : null,
  chapters: (g: GalleryRow, _: unknown, ctx: ResolverContext) =>
    [...ctx.db.table('GalleryChapter').values()]
      .filter((c) => c.gallery_id === g.id)
      .sort((a, b) => a.image_index - b.image_index),
  scenes: (g: GalleryRow, _: unknown, ctx: ResolverContext) =>
    rowsOf(ctx.db, 'Scene', ctx.db.scenesOf('gallery', g.id)),
  studio: (g: GalleryRow, _: unknown, ctx: ResolverContext) =>
    g.studio_id ? ctx.db.get('Studio', g.studio_id) : null,
  image_count: (g: GalleryRow) => g.image_ids.length,
  tags: (g: GalleryRow, _: unknown, ctx: ResolverContext) => rowsOf(ctx.db, 'Tag', g.tag_ids),
  performers: (g: GalleryRow, _: unknown, ctx: ResolverContext) =>
    rowsOf(ctx.db, 'Performer', g.performer_ids),
  cover: (g: GalleryRow, _: unknown, ctx: ResolverContext) => {
    const id = g.cover_image_id ?? g.image_ids[0];
    return id ? (ctx.db.get('Image', id) ?? null) : null;
  },
  paths: (g: GalleryRow, _: unknown, ctx: ResolverContext) => galleryPaths(ctx, g),
  image: (g: GalleryRow, args: { index: number }, ctx: ResolverContext) => {
    const id = g.image_ids[args.index];
    if (args.index < 0 || id === undefined)
      throw new MockStashError(`image at index ${args.index} not found in gallery ${g.id}`);
    return ctx.db.get('Image', id);
  },
};

const imageFields = {
  url,
  files: (i: ImageRow, _: unknown, ctx: ResolverContext) =>
    rowsOf(ctx.db, 'File', i.file_ids).filter((f) => f.typename === 'ImageFile'),
  visual_files: (i: ImageRow, _: unknown, ctx: ResolverContext) => rowsOf(ctx.db, 'File', i.file_ids),
  paths: (i: ImageRow, _: unknown, ctx: ResolverContext) => imagePaths(ctx, i),
  galleries: (i: ImageRow, _: unknown, ctx: ResolverContext) =>
    rowsOf(ctx.db, 'Gallery', ctx.db.galleriesOfImageId(i.id)),
  studio: (i: ImageRow, _: unknown, ctx: ResolverContext) =>
    i.studio_id ? ctx.db.get('Studio', i.studio_id) : null,
  tags: (i: ImageRow, _: unknown, ctx: ResolverContext) => rowsOf(ctx.db, 'Tag', i.tag_ids),
  performers: (i: ImageRow, _: unknown, ctx: ResolverContext) => rowsOf(ctx.db, 'Performer', i.performer_ids),
};

const groupScenes = (ctx: ResolverContext, g: GroupRow, depth: Depth['depth']) =>
  union(withDescendants(ctx.db, 'Group', g.id, depth).map((id) => ctx.db.scenesOf('group', id)));

const groupFields = {
  url,
  studio: (g: GroupRow, _: unknown, ctx: ResolverContext) =>
    g.studio_id ? ctx.db.get('Studio', g.studio_id) : null,
  tags: (g: GroupRow, _: unknown, ctx: ResolverContext) => rowsOf(ctx.db, 'Tag', g.tag_ids),
  containing_groups: (g: GroupRow, _: unknown, ctx: ResolverContext) =>
    g.containing_groups.flatMap((c) => {
      const group = ctx.db.get('Group', c.group_id);
      return group ? [{ group, description: c.description }] : [];
    }),
  sub_groups: (g: GroupRow, _: unknown, ctx: ResolverContext) =>
    rowsOf(ctx.db, 'Group', ctx.db.subGroups(g.id)).map((sub) => ({
      group: sub,
      description: sub.containing_groups.find((c) => c.group_id === g.id)?.description ?? null,
    })),
  front_image_path: (g: GroupRow, _: unknown, ctx: ResolverContext) => groupImagePath(ctx, g, 'front'),
  back_image_path: (g: GroupRow, _: unknown, ctx: ResolverContext) => groupImagePath(ctx, g, 'back'),
  scene_count: (g: GroupRow, a: Depth, ctx: ResolverContext) => groupScenes(ctx, g, a.depth).size,
  performer_count: (g: GroupRow, a: Depth, ctx: ResolverContext) =>
    performersOfScenes(ctx.db, groupScenes(ctx, g, a.depth)).size,
  // Without depth, sub_group_count counts direct sub-groups.
  sub_group_count: (g: GroupRow, a: Depth, ctx: ResolverContext) =>
    ctx.db.descendants('Group', g.id, a.depth ? a.depth : 1).length,
  scenes: (g: GroupRow, _: unknown, ctx: ResolverContext) =>
    rowsOf(ctx.db, 'Scene', ctx.db.scenesOf('group', g.id)),
  o_counter: (g: GroupRow, _: unknown, ctx: ResolverContext) =>
    oCounterOf(ctx.db, ctx.db.scenesOf('group', g.id)),
};

const markerFields = {
  scene: (m: SceneMarkerRow, _: unknown, ctx: ResolverContext) => ctx.db.get('Scene', m.scene_id),
  primary_tag: (m: SceneMarkerRow, _: unknown, ctx: ResolverContext) => ctx.db.get('Tag', m.primary_tag_id),
  tags: (m: SceneMarkerRow, _: unknown, ctx: ResolverContext) => rowsOf(ctx.db, 'Tag', m.tag_ids),
  stream: (m: SceneMarkerRow, _: unknown, ctx: ResolverContext) => markerUrls(ctx, m).stream,
  preview: (m: SceneMarkerRow, _: unknown, ctx: ResolverContext) => markerUrls(ctx, m).preview,
  screenshot: (m: SceneMarkerRow, _: unknown, ctx: ResolverContext) => markerUrls(ctx, m).screenshot,
};

/** Field resolvers for every entity type the mock stores. */
export const entityResolvers: TypeResolvers = {
  Scene: sceneFields,
  Performer: performerFields,
  Studio: studioFields,
  Tag: tagFields,
  Gallery: galleryFields,
  Image: imageFields,
  Group: groupFields,
  // Movie is the deprecated alias of Group: same rows, fewer fields.
  Movie: groupFields,
  SceneMarker: markerFields,
  GalleryChapter: {
    gallery: (c: GalleryChapterRow, _: unknown, ctx: ResolverContext) => ctx.db.get('Gallery', c.gallery_id),
  },
  SavedFilter: {
    filter: (f: SavedFilterRow) =>
      JSON.stringify({
        find_filter: f.find_filter,
        object_filter: f.object_filter,
        ui_options: f.ui_options,
      }),
  },
  VideoFile: fileFields,
  ImageFile: fileFields,
  GalleryFile: fileFields,
  BasicFile: fileFields,
  Folder: {
    parent_folder: (f: FolderRow, _: unknown, ctx: ResolverContext) =>
      f.parent_folder_id ? ctx.db.get('Folder', f.parent_folder_id) : null,
    zip_file: (f: FolderRow, _: unknown, ctx: ResolverContext) =>
      f.zip_file_id ? ctx.db.get('File', f.zip_file_id) : null,
  },
};
