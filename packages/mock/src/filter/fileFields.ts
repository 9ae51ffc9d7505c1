import { MockStashError } from '../errors';
import type { FileRow, FolderRow } from '../db/rows';
import { compileFilter, type FieldCompiler, type FieldTable } from './compileFilter';
import {
  bool,
  duplicated,
  joinedStr,
  num,
  orientation,
  related,
  resolution,
  singleHier,
  str,
  strList,
  ts,
} from './fieldKinds';
import type { FilterContext } from './filterContext';
import { hammingDistance, phashToInt } from './mediaCriteria';
import { castInt } from './numberCriterion';

/** `zip_file` (Stash's zipFileCriterionHandler): IS_NULL / NOT_NULL, INCLUDES / EXCLUDES on the one zip id. */
function zipFile<R extends { zip_file_id: string | null }>(): FieldCompiler<R> {
  return (input, _ctx, field) => {
    const modifier = String(input?.modifier);
    if (modifier === 'IS_NULL') return (r) => r.zip_file_id == null;
    if (modifier === 'NOT_NULL') return (r) => r.zip_file_id != null;
    const value = new Set<string>((input?.value ?? []).map(String));
    if (value.size === 0) return null;
    if (modifier === 'INCLUDES') return (r) => r.zip_file_id != null && value.has(r.zip_file_id);
    if (modifier === 'EXCLUDES') return (r) => r.zip_file_id != null && !value.has(r.zip_file_id);
    throw new MockStashError(`invalid modifier ${modifier} for ${field}`);
  };
}

const scenesOf = (f: FileRow, ctx: FilterContext) => ctx.scenesOfFile(f.id);
const isVideo = (f: FileRow) => f.typename === 'VideoFile';
const one = (f: FileRow) => [f];

/** VideoFileFilterInput, evaluated on one file; non-video files have NULL video columns. */
const videoFileFields: FieldTable<FileRow> = {
  resolution: resolution((f) => (isVideo(f) ? one(f) : [])),
  orientation: orientation((f) => (isVideo(f) ? one(f) : [])),
  framerate: num((f) => (isVideo(f) && f.frame_rate != null ? Math.round(f.frame_rate) : null)),
  bitrate: num((f) => (isVideo(f) ? (f.bit_rate ?? null) : null)),
  format: str((f) => (isVideo(f) ? (f.format ?? null) : null)),
  video_codec: str((f) => (isVideo(f) ? (f.video_codec ?? null) : null)),
  audio_codec: str((f) => (isVideo(f) ? (f.audio_codec ?? null) : null)),
  duration: num((f) => (isVideo(f) ? castInt(f.duration) : null)),
  // captions and interactivity are stored on the scene rows in the mock
  captions: strList(
    (f, ctx) =>
      ctx.rows('Scene', scenesOf(f, ctx)).flatMap((s) => (s.captions ?? []).map((c) => c.language_code)),
    true,
  ),
  interactive: bool((f, ctx) => ctx.rows('Scene', scenesOf(f, ctx)).some((s) => s.interactive)),
  interactive_speed: num((f, ctx) => ctx.rows('Scene', scenesOf(f, ctx))[0]?.interactive_speed ?? null),
};

const imageFileFields: FieldTable<FileRow> = {
  format: str((f) => (f.typename === 'ImageFile' ? (f.format ?? null) : null)),
  resolution: resolution((f) => (f.typename === 'ImageFile' ? one(f) : [])),
  orientation: orientation((f) => (f.typename === 'ImageFile' ? one(f) : [])),
};

function nested(fields: FieldTable<FileRow>): FieldCompiler<FileRow> {
  return (input, ctx) => compileFilter<FileRow>('File', fields, input, ctx, { operators: false });
}

/** FingerprintFilterInput list: every entry must match; phash entries may allow a Hamming distance (strictly less). */
function hashes(input: any, _ctx: FilterContext, field: string) {
  if (!Array.isArray(input)) throw new MockStashError(`${field}: expected a list`);
  if (input.length === 0) return null;
  const tests = input.map((h: any) => {
    const type = String(h?.type);
    const value = String(h?.value);
    const distance = h?.distance == null ? 0 : Number(h.distance);
    if (type === 'phash') {
      const target = phashToInt(value);
      return (f: FileRow) =>
        f.fingerprints.some(
          (fp) =>
            fp.type === 'phash' &&
            (distance > 0
              ? hammingDistance(phashToInt(fp.value), target) < distance
              : phashToInt(fp.value) === target),
        );
    }
    const wanted = value.toLowerCase();
    return (f: FileRow) => f.fingerprints.some((fp) => fp.type === type && fp.value.toLowerCase() === wanted);
  });
  return (f: FileRow) => tests.every((t: (f: FileRow) => boolean) => t(f));
}

/** FileFilterType. */
export const fileFields: FieldTable<FileRow> = {
  path: joinedStr((f) => [f.path]),
  basename: str((f) => f.basename),
  dir: str((f, ctx) => ctx.folder(f.parent_folder_id)?.path ?? null),
  parent_folder: singleHier('folder', (f) => f.parent_folder_id),
  zip_file: zipFile<FileRow>(),
  mod_time: ts((f) => f.mod_time),
  duplicated: duplicated(one),
  hashes,
  video_file_filter: nested(videoFileFields),
  image_file_filter: nested(imageFileFields),
  scene_count: num((f, ctx) => ctx.scenesOfFile(f.id).length),
  image_count: num((f, ctx) => ctx.imagesOfFile(f.id).length),
  gallery_count: num((f, ctx) => ctx.galleriesOfFile(f.id).length),
  scenes_filter: related('Scene', (f, ctx) => ctx.scenesOfFile(f.id)),
  images_filter: related('Image', (f, ctx) => ctx.imagesOfFile(f.id)),
  galleries_filter: related('Gallery', (f, ctx) => ctx.galleriesOfFile(f.id)),
  created_at: ts((f) => f.created_at),
  updated_at: ts((f) => f.updated_at),
};

export const folderFields: FieldTable<FolderRow> = {
  path: str((f) => f.path),
  parent_folder: singleHier('folder', (f) => f.parent_folder_id),
  zip_file: zipFile<FolderRow>(),
  mod_time: ts((f) => f.mod_time),
  gallery_count: num((f, ctx) => ctx.galleriesInFolder(f.id).length),
  files_filter: related('File', (f, ctx) => ctx.filesInFolder(f.id)),
  galleries_filter: related('Gallery', (f, ctx) => ctx.galleriesInFolder(f.id)),
  created_at: ts((f) => f.created_at),
  updated_at: ts((f) => f.updated_at),
};
