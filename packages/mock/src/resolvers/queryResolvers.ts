import type { MockDb } from '../db/MockDb';
import type { FileRow, RowsByTable, SceneRow, TableName } from '../db/rows';
import { MockStashError } from '../errors';
import type { FilterEntity } from '../filter/types';
import type { ResolverContext } from './context';
import { rowsOf } from './entityResolvers';
import { handleIdList, toId } from './ids';
import { configQueries } from './configResolvers';
import { jobQueries } from './jobResolvers';
import { pluginQueries } from '../plugins/pluginResolvers';
import { systemQueries } from './systemResolvers';
import { applyFindFilter } from './engineImports';
import { idListResult, runList, type FindFilterInput, type ListResult } from './listEngine';
import { sceneStreams } from './sceneStreams';
import { directory } from './directory';
import { parseSceneFilenames } from './parseSceneFilenames';

type Resolver = (source: unknown, args: any, ctx: ResolverContext) => unknown;

/** Stash's per-entity wording in `<entity> with id N not found`. */
const NOT_FOUND_NAME: Record<FilterEntity, string> = {
  Scene: 'scene',
  Performer: 'performer',
  Studio: 'studio',
  Tag: 'tag',
  Gallery: 'gallery',
  Image: 'image',
  Group: 'group',
  SceneMarker: 'scene marker',
  File: 'file',
  Folder: 'folder',
};

/** `FindMany(ids)`: rows in the requested order; any missing id fails the whole field. */
function findMany<E extends FilterEntity>(db: MockDb, entity: E, ids: string[]): RowsByTable[E][] {
  return ids.map((id) => {
    const row = db.get(entity, id);
    if (!row) throw new MockStashError(`${NOT_FOUND_NAME[entity]} with id ${id} not found`);
    return row;
  });
}

/** The shared body of every `find<Entities>` resolver. */
function list<E extends FilterEntity>(
  entity: E,
  ctx: ResolverContext,
  entityFilter: object | null | undefined,
  findFilter: FindFilterInput | null | undefined,
  ids: unknown[] | null | undefined,
  idsField = 'ids',
): ListResult<RowsByTable[E]> {
  if (ids && ids.length > 0) return idListResult(findMany(ctx.db, entity, handleIdList(ids, idsField)));
  return runList(entity, entityFilter, findFilter, ctx.db);
}

function single<T extends TableName>(table: T, id: unknown, ctx: ResolverContext): RowsByTable[T] | null {
  return ctx.db.get(table, toId(id)) ?? null;
}

function hasFingerprint(db: MockDb, scene: SceneRow, types: string[], value: string): boolean {
  return scene.file_ids.some((fid) =>
    db.get('File', fid)?.fingerprints.some((fp) => types.includes(fp.type) && fp.value === value),
  );
}

function primaryFile(db: MockDb, row: { file_ids: string[] }): FileRow | undefined {
  return row.file_ids[0] ? db.get('File', row.file_ids[0]) : undefined;
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

function filesOf(db: MockDb, row: { file_ids: string[] }): FileRow[] {
  const files: FileRow[] = [];
  for (const id of row.file_ids) {
    const file = db.get('File', id);
    if (file) files.push(file);
  }
  return files;
}

/**
 * Stash's grouped aggregates: one row per (entity, file) joined, made DISTINCT on (id, value, size), then
 * summed. So every file counts, except a second file with the same value and size as another of that entity.
 */
function sumOverFiles<R extends { file_ids: string[] }>(
  db: MockDb,
  rows: readonly R[],
  pick: (file: FileRow) => number,
  what: 'value' | 'size',
): number {
  let total = 0;
  for (const row of rows) {
    const seen = new Set<string>();
    for (const file of filesOf(db, row)) {
      const value = pick(file);
      const key = `${value}|${file.size}`;
      if (seen.has(key)) continue;
      seen.add(key);
      total += what === 'value' ? value : file.size;
    }
  }
  return total;
}

const durationOf = (f: FileRow) => f.duration ?? 0;
const pixelsOf = (f: FileRow) => (f.width ?? 0) * (f.height ?? 0);

/** Result objects of list queries: plain fields plus aggregates computed on demand. */
function scenesResult(ctx: ResolverContext, r: ListResult<SceneRow>) {
  return {
    count: r.count,
    scenes: r.items,
    duration: () => sumOverFiles(ctx.db, r.matched(), durationOf, 'value'),
    filesize: () => sumOverFiles(ctx.db, r.matched(), durationOf, 'size'),
  };
}

function imagesResult(ctx: ResolverContext, r: ListResult<RowsByTable['Image']>) {
  return {
    count: r.count,
    images: r.items,
    megapixels: () => sumOverFiles(ctx.db, r.matched(), pixelsOf, 'value') / 1e6,
    filesize: () => sumOverFiles(ctx.db, r.matched(), pixelsOf, 'size'),
  };
}

function filesResult(r: ListResult<FileRow>) {
  return {
    count: r.count,
    files: r.items,
    megapixels: () => sum(r.matched().map((f) => ((f.width ?? 0) * (f.height ?? 0)) / 1e6)),
    duration: () => sum(r.matched().map((f) => f.duration ?? 0)),
    size: () => sum(r.matched().map((f) => f.size)),
  };
}

function allRows<T extends TableName>(ctx: ResolverContext, table: T): RowsByTable[T][] {
  return [...ctx.db.table(table).values()];
}

/** Root query resolvers. Root fields not listed here answer `MockStash: <field> is not implemented`. */
export const queryResolvers: Record<string, Resolver> = {
  ...jobQueries,
  ...pluginQueries,
  ...configQueries,
  ...systemQueries,
  directory: (_, a: { path?: string | null; locale?: string | null }, ctx) =>
    directory(ctx, a.path, a.locale),
  parseSceneFilenames: (_, a, ctx) => parseSceneFilenames(ctx, a.filter, a.config ?? {}),
  findScene: (_, a: { id?: string; checksum?: string }, ctx) => {
    if (a.id != null) return single('Scene', a.id, ctx);
    if (a.checksum != null) {
      return (
        allRows(ctx, 'Scene').find((s) => hasFingerprint(ctx.db, s, ['md5', 'oshash'], a.checksum!)) ?? null
      );
    }
    return null;
  },
  findSceneByHash: (_, a: { input: { checksum?: string | null; oshash?: string | null } }, ctx) => {
    const scenes = allRows(ctx, 'Scene');
    const { checksum, oshash } = a.input;
    return (
      (checksum ? scenes.find((s) => hasFingerprint(ctx.db, s, ['md5'], checksum)) : undefined) ??
      (oshash ? scenes.find((s) => hasFingerprint(ctx.db, s, ['oshash'], oshash)) : undefined) ??
      null
    );
  },
  findScenes: (_, a, ctx) => {
    const ids = a.ids?.length ? a.ids : a.scene_ids;
    return scenesResult(
      ctx,
      list('Scene', ctx, a.scene_filter, a.filter, ids, a.ids?.length ? 'ids' : 'scene_ids'),
    );
  },
  findScenesByPathRegex: (_, a: { filter?: FindFilterInput | null }, ctx) => {
    let rows = allRows(ctx, 'Scene');
    if (a.filter?.q) {
      let re: RegExp;
      try {
        re = new RegExp(a.filter.q, 'i');
      } catch (error) {
        throw new MockStashError(`error parsing regexp: ${(error as Error).message}`);
      }
      rows = rows.filter((s) => s.file_ids.some((f) => re.test(ctx.db.get('File', f)?.path ?? '')));
    }
    const page = applyFindFilter('Scene', rows, { ...a.filter, q: null }, ctx.db);
    return scenesResult(ctx, { items: page.items, count: page.count, matched: () => rows });
  },
  findDuplicateScenes: (_, _a, ctx) => {
    const byPhash = new Map<string, SceneRow[]>();
    for (const scene of allRows(ctx, 'Scene')) {
      const phash = primaryFile(ctx.db, scene)?.fingerprints.find((f) => f.type === 'phash')?.value;
      if (!phash) continue;
      byPhash.set(phash, [...(byPhash.get(phash) ?? []), scene]);
    }
    return [...byPhash.values()].filter((group) => group.length > 1);
  },
  sceneStreams: (_, a: { id?: string }, ctx) => {
    const scene = a.id == null ? null : single('Scene', a.id, ctx);
    if (!scene) throw new MockStashError(`scene with id ${a.id} not found`);
    return sceneStreams(ctx, scene);
  },
  findSceneMarkers: (_, a, ctx) => {
    const r = list('SceneMarker', ctx, a.scene_marker_filter, a.filter, a.ids);
    return { count: r.count, scene_markers: r.items };
  },
  findImage: (_, a: { id?: string; checksum?: string }, ctx) => {
    if (a.id != null) return single('Image', a.id, ctx);
    if (a.checksum != null) {
      return (
        allRows(ctx, 'Image').find((i) =>
          i.file_ids.some((f) =>
            ctx.db.get('File', f)?.fingerprints.some((fp) => fp.type === 'md5' && fp.value === a.checksum),
          ),
        ) ?? null
      );
    }
    return null;
  },
  findImages: (_, a, ctx) => {
    const ids = a.ids?.length ? a.ids : a.image_ids;
    return imagesResult(
      ctx,
      list('Image', ctx, a.image_filter, a.filter, ids, a.ids?.length ? 'ids' : 'image_ids'),
    );
  },
  findPerformer: (_, a, ctx) => single('Performer', a.id, ctx),
  findPerformers: (_, a, ctx) => {
    const ids = a.ids?.length ? a.ids : a.performer_ids;
    const r = list(
      'Performer',
      ctx,
      a.performer_filter,
      a.filter,
      ids,
      a.ids?.length ? 'ids' : 'performer_ids',
    );
    return { count: r.count, performers: r.items };
  },
  findStudio: (_, a, ctx) => single('Studio', a.id, ctx),
  findStudios: (_, a, ctx) => {
    const r = list('Studio', ctx, a.studio_filter, a.filter, a.ids);
    return { count: r.count, studios: r.items };
  },
  findGroup: (_, a, ctx) => single('Group', a.id, ctx),
  findGroups: (_, a, ctx) => {
    const r = list('Group', ctx, a.group_filter, a.filter, a.ids);
    return { count: r.count, groups: r.items };
  },
  findMovie: (_, a, ctx) => single('Group', a.id, ctx),
  findMovies: (_, a, ctx) => {
    const r = list('Group', ctx, a.movie_filter, a.filter, a.ids);
    return { count: r.count, movies: r.items };
  },
  findGallery: (_, a, ctx) => single('Gallery', a.id, ctx),
  findGalleries: (_, a, ctx) => {
    const r = list('Gallery', ctx, a.gallery_filter, a.filter, a.ids);
    return { count: r.count, galleries: r.items };
  },
  findTag: (_, a, ctx) => single('Tag', a.id, ctx),
  findTags: (_, a, ctx) => {
    const r = list('Tag', ctx, a.tag_filter, a.filter, a.ids);
    return { count: r.count, tags: r.items };
  },
  findFile: (_, a: { id?: string; path?: string }, ctx) => {
    if (a.id != null) {
      const row = single('File', a.id, ctx);
      if (!row) throw new MockStashError(`file with id ${toId(a.id)} not found`);
      return row;
    }
    if (a.path != null) {
      const row = allRows(ctx, 'File').find((f) => f.path === a.path);
      if (!row) throw new MockStashError(`file with path ${JSON.stringify(a.path)} not found`);
      return row;
    }
    throw new MockStashError('either id or path must be provided');
  },
  findFiles: (_, a, ctx) => filesResult(list('File', ctx, a.file_filter, a.filter, a.ids)),
  findFolder: (_, a: { id?: string; path?: string }, ctx) => {
    if (a.id != null) {
      const row = single('Folder', a.id, ctx);
      if (!row) throw new MockStashError(`folder with id ${toId(a.id)} not found`);
      return row;
    }
    if (a.path != null) {
      const row = allRows(ctx, 'Folder').find((f) => f.path === a.path);
      if (!row) throw new MockStashError(`folder with path ${JSON.stringify(a.path)} not found`);
      return row;
    }
    throw new MockStashError('either id or path must be provided');
  },
  findFolders: (_, a, ctx) => {
    const r = list('Folder', ctx, a.folder_filter, a.filter, a.ids);
    return { count: r.count, folders: r.items };
  },
  findSavedFilter: (_, a, ctx) => single('SavedFilter', a.id, ctx),
  findSavedFilters: (_, a: { mode?: string | null }, ctx) =>
    allRows(ctx, 'SavedFilter').filter((f) => !a.mode || f.mode === a.mode),
  // Deprecated: default filters moved to the UI configuration, so Stash finds none.
  findDefaultFilter: () => null,
  sceneWall: (_, a: { q?: string | null }, ctx) =>
    allRows(ctx, 'Scene')
      .filter((s) => !a.q || (s.title ?? '').toLowerCase().includes(a.q.toLowerCase()))
      .slice(0, 80),
  markerWall: (_, a: { q?: string | null }, ctx) =>
    allRows(ctx, 'SceneMarker')
      .filter((m) => !a.q || m.title.toLowerCase().includes(a.q.toLowerCase()))
      .slice(0, 80),
  markerStrings: (_, a: { q?: string | null; sort?: string | null }, ctx) => {
    const byTitle = new Map<string, { id: string; title: string; count: number }>();
    for (const m of allRows(ctx, 'SceneMarker')) {
      if (a.q && !m.title.toLowerCase().includes(a.q.toLowerCase())) continue;
      const entry = byTitle.get(m.title);
      if (entry) entry.count++;
      else byTitle.set(m.title, { id: m.id, title: m.title, count: 1 });
    }
    const out = [...byTitle.values()];
    return a.sort === 'count'
      ? out.sort((x, y) => y.count - x.count)
      : out.sort((x, y) => x.title.localeCompare(y.title));
  },
  sceneMarkerTags: (_, a: { scene_id: string }, ctx) => {
    const byTag = new Map<string, RowsByTable['SceneMarker'][]>();
    const markers = rowsOf(ctx.db, 'SceneMarker', ctx.db.markersOf('scene', toId(a.scene_id))).sort(
      (x, y) => x.seconds - y.seconds,
    );
    for (const m of markers) byTag.set(m.primary_tag_id, [...(byTag.get(m.primary_tag_id) ?? []), m]);
    return [...byTag].map(([tagId, scene_markers]) => ({ tag: ctx.db.get('Tag', tagId), scene_markers }));
  },
  stats: (_, _a, ctx) => {
    const scenes = allRows(ctx, 'Scene');
    const images = allRows(ctx, 'Image');
    return {
      scene_count: scenes.length,
      // Stash's Size/Duration: every file joined to a scene, no DISTINCT
      scenes_size: sum(scenes.flatMap((s) => filesOf(ctx.db, s).map((f) => f.size))),
      scenes_duration: sum(scenes.flatMap((s) => filesOf(ctx.db, s).map(durationOf))),
      image_count: images.length,
      images_size: sum(images.flatMap((i) => filesOf(ctx.db, i).map((f) => f.size))),
      gallery_count: ctx.db.table('Gallery').size,
      performer_count: ctx.db.table('Performer').size,
      studio_count: ctx.db.table('Studio').size,
      group_count: ctx.db.table('Group').size,
      movie_count: ctx.db.table('Group').size,
      tag_count: ctx.db.table('Tag').size,
      total_o_count: sum(scenes.map((s) => s.o_history.length)) + sum(images.map((i) => i.o_counter)),
      total_play_duration: sum(scenes.map((s) => s.play_duration ?? 0)),
      total_play_count: sum(scenes.map((s) => s.play_history.length)),
      scenes_played: scenes.filter((s) => s.play_history.length > 0).length,
    };
  },
  allScenes: (_, _a, ctx) => allRows(ctx, 'Scene'),
  allSceneMarkers: (_, _a, ctx) => allRows(ctx, 'SceneMarker'),
  allImages: (_, _a, ctx) => allRows(ctx, 'Image'),
  allGalleries: (_, _a, ctx) => allRows(ctx, 'Gallery'),
  allPerformers: (_, _a, ctx) => allRows(ctx, 'Performer'),
  allTags: (_, _a, ctx) => allRows(ctx, 'Tag'),
  allStudios: (_, _a, ctx) => allRows(ctx, 'Studio'),
  allMovies: (_, _a, ctx) => allRows(ctx, 'Group'),
  version: () => ({ version: 'v0.30.1-19-gcf3489efd', hash: 'cf3489efd', build_time: '2026-01-11 00:00:00' }),
  systemStatus: () => ({
    databaseSchema: 75,
    databasePath: '/root/.stash/stash-go.sqlite',
    configPath: '/root/.stash/config.yml',
    appSchema: 75,
    status: 'OK',
    os: 'linux',
    workingDir: '/root',
    homeDir: '/root',
    ffmpegPath: '/usr/bin/ffmpeg',
    ffprobePath: '/usr/bin/ffprobe',
  }),
};
