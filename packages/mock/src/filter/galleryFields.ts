import { MockStashError } from '../errors';
import type { FileRow, GalleryRow } from '../db/rows';
import type { FieldTable } from './compileFilter';
import {
  blank,
  bool,
  date,
  hasAny,
  hier,
  isMissing,
  joinedStr,
  multi,
  num,
  related,
  str,
  strList,
  studios,
  ts,
} from './fieldKinds';
import type { FilterContext } from './filterContext';
import { RESOLUTION_RANGES } from './mediaCriteria';
import { performerAge, performerFavorite, performerTags } from './sceneFields';
import { compileStringCriterion } from './stringCriterion';

const files = (g: GalleryRow, ctx: FilterContext): FileRow[] => ctx.files(g.file_ids);

/**
 * Gallery `path`: the zip file's path or the folder's path matches. For NOT_MATCHES_REGEX and
 * IS_NULL both must hold, as in Stash's galleryFilterHandler.
 */
function galleryPath(input: any, ctx: FilterContext, field: string) {
  const test = compileStringCriterion(input, field);
  const both = input.modifier === 'NOT_MATCHES_REGEX' || input.modifier === 'IS_NULL';
  return (g: GalleryRow) => {
    const paths = files(g, ctx).map((f) => f.path);
    const fileHit = paths.length === 0 ? test(null) : paths.some(test);
    const folderHit = test(ctx.folder(g.folder_id)?.path ?? null);
    return both ? fileHit && folderHit : fileHit || folderHit;
  };
}

/** Mean of min(width, height) over every file of every image; null without images. */
function averageResolution(g: GalleryRow, ctx: FilterContext): number | null {
  let sum = 0;
  let n = 0;
  for (const image of ctx.rows('Image', g.image_ids)) {
    for (const f of ctx.files(image.file_ids)) {
      if (f.width != null && f.height != null) {
        sum += Math.min(f.width, f.height);
        n++;
      }
    }
  }
  return n === 0 ? null : sum / n;
}

export const galleryFields: FieldTable<GalleryRow> = {
  id: num((g) => Number(g.id)),
  title: str((g) => g.title),
  details: str((g) => g.details),
  checksum: joinedStr((g, ctx) =>
    files(g, ctx).map((f) => f.fingerprints.find((fp) => fp.type === 'md5')?.value ?? null),
  ),
  path: galleryPath,
  file_count: num((g) => g.file_ids.length),
  is_missing: isMissing<GalleryRow>('Gallery', {
    title: (g) => blank(g.title),
    code: (g) => blank(g.code),
    details: (g) => blank(g.details),
    photographer: (g) => blank(g.photographer),
    rating: (g) => g.rating100 == null,
    url: (g) => g.urls.length === 0,
    scenes: (g, ctx) => ctx.db.scenesOf('gallery', g.id).length === 0,
    studio: (g) => g.studio_id == null,
    performers: (g) => g.performer_ids.length === 0,
    date: (g) => blank(g.date),
    tags: (g) => g.tag_ids.length === 0,
  }),
  is_zip: bool((g) => g.file_ids.length > 0),
  rating100: num((g) => g.rating100),
  organized: bool((g) => g.organized),
  average_resolution: (input, ctx, field) => {
    const range = RESOLUTION_RANGES[String(input?.value)];
    if (!range) throw new MockStashError(`${String(input?.value)} is not a valid ResolutionEnum`);
    const [mn, mx] = range;
    const cmp: Record<string, (v: number) => boolean> = {
      EQUALS: (v) => v >= mn && v <= mx,
      NOT_EQUALS: (v) => v < mn || v > mx,
      LESS_THAN: (v) => v < mn,
      GREATER_THAN: (v) => v > mx,
    };
    const test = cmp[String(input.modifier)];
    if (!test) throw new MockStashError(`invalid modifier ${String(input.modifier)} for ${field}`);
    return (g: GalleryRow) => {
      const avg = averageResolution(g, ctx);
      return avg != null && test(avg);
    };
  },
  has_chapters: hasAny((g, ctx) => ctx.chaptersOfGallery(g.id).length),
  scenes: multi((g, ctx) => ctx.db.scenesOf('gallery', g.id)),
  studios: studios((g) => g.studio_id),
  tags: hier('tag', (g) => g.tag_ids),
  tag_count: num((g) => g.tag_ids.length),
  performer_tags: performerTags((g: GalleryRow) => g.performer_ids),
  performers: multi((g) => g.performer_ids),
  performer_count: num((g) => g.performer_ids.length),
  performer_favorite: performerFavorite((g: GalleryRow) => g.performer_ids),
  performer_age: performerAge(
    (g: GalleryRow) => g.performer_ids,
    (g) => g.date,
  ),
  image_count: num((g) => g.image_ids.length),
  url: strList((g) => g.urls),
  date: date((g) => g.date),
  created_at: ts((g) => g.created_at),
  updated_at: ts((g) => g.updated_at),
  code: str((g) => g.code),
  photographer: str((g) => g.photographer),
  scenes_filter: related('Scene', (g, ctx) => ctx.db.scenesOf('gallery', g.id)),
  images_filter: related('Image', (g) => g.image_ids),
  performers_filter: related('Performer', (g) => g.performer_ids),
  studios_filter: related('Studio', (g) => (g.studio_id ? [g.studio_id] : [])),
  tags_filter: related('Tag', (g) => g.tag_ids),
  files_filter: related('File', (g) => g.file_ids),
  folders_filter: related('Folder', (g) => (g.folder_id ? [g.folder_id] : [])),
};
