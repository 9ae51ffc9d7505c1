import type { FileRow, SceneRow } from '../db/rows';
import type { ResolverContext } from './context';

interface Endpoint {
  label: string;
  mime: string;
  ext: string;
}

const DIRECT: Endpoint = { label: 'Direct stream', mime: 'video/mp4', ext: '' };
// Stash labels MKV with the MP4 type on purpose: many clients would not try video/x-matroska
const MKV: Endpoint = { label: 'MKV', mime: 'video/mp4', ext: '.mkv' };
const TRANSCODES: Endpoint[] = [
  { label: 'MP4', mime: 'video/mp4', ext: '.mp4' },
  { label: 'WEBM', mime: 'video/webm', ext: '.webm' },
  { label: 'HLS', mime: 'application/vnd.apple.mpegurl', ext: '.m3u8' },
  { label: 'DASH', mime: 'application/dash+xml', ext: '.mpd' },
];

/** Streaming resolutions in Stash's order, with the smallest side each needs and the label suffix. */
const RESOLUTIONS: { value: string; min: number; suffix: string }[] = [
  { value: 'ORIGINAL', min: 0, suffix: '' },
  { value: 'FOUR_K', min: 1920, suffix: ' 4K (2160p)' },
  { value: 'FULL_HD', min: 1080, suffix: ' Full HD (1080p)' },
  { value: 'STANDARD_HD', min: 720, suffix: ' HD (720p)' },
  { value: 'STANDARD', min: 480, suffix: ' Standard (480p)' },
  { value: 'LOW', min: 240, suffix: ' Low (240p)' },
];

/** Audio codecs a browser plays in each container (Stash's ffmpeg/browser.go); missing audio always suits. */
const AUDIO_FOR_CONTAINER: Record<string, string[]> = {
  mp4: ['aac', 'mp3', 'opus'],
  webm: ['vorbis', 'opus'],
  matroska: ['aac', 'mp3', 'vorbis', 'opus'],
};

function directStreamSuits(file: FileRow): boolean {
  const valid = AUDIO_FOR_CONTAINER[file.format ?? ''];
  if (!valid) return false;
  return !file.audio_codec || valid.includes(file.audio_codec);
}

/**
 * Stash's GetSceneStreamPaths over the primary file: the direct stream when its audio suits its container
 * (the mock has no generated transcodes), MKV for Matroska files, then MP4, WEBM, HLS and DASH for each
 * resolution up to the file's (smallest side) and `general.maxStreamingTranscodeSize`.
 */
export function sceneStreams(ctx: ResolverContext, scene: SceneRow) {
  const file = scene.file_ids[0] ? ctx.db.get('File', scene.file_ids[0]) : undefined;
  if (!file) return [];
  const sceneMin = Math.min(file.width ?? 0, file.height ?? 0);
  const max = ctx.config.general.maxStreamingTranscodeSize;
  const maxMin = RESOLUTIONS.find((r) => r.value === max)?.min ?? 0;
  const allowed = RESOLUTIONS.filter((r) => {
    if (r.value === 'ORIGINAL') return max === 'ORIGINAL' || maxMin >= sceneMin;
    if (sceneMin !== 0 && sceneMin < r.min) return false;
    return max === 'ORIGINAL' || maxMin >= r.min;
  });

  const endpoint = (type: Endpoint, resolution: string | null) => {
    const query = new URLSearchParams();
    if (ctx.apiKey) query.set('apikey', ctx.apiKey);
    if (resolution) query.set('resolution', resolution);
    const search = query.size > 0 ? `?${query}` : '';
    const suffix = RESOLUTIONS.find((r) => r.value === resolution)?.suffix ?? '';
    return {
      url: `${ctx.baseUrl}/scene/${scene.id}/stream${type.ext}${search}`,
      mime_type: type.mime,
      label: type.label + suffix,
    };
  };

  const out = [];
  if (directStreamSuits(file)) out.push(endpoint(DIRECT, null));
  if (file.format === 'matroska') out.push(endpoint(MKV, null));
  for (const type of TRANSCODES) for (const r of allowed) out.push(endpoint(type, r.value));
  return out;
}
