/** The committed media files (scripts/makeMediaFiles.ts), decoded on first use and loaded lazily. */
export type MediaFile = 'videoMp4' | 'videoWebm' | 'segmentTs' | 'previewWebp' | 'spriteJpg';

const decoded = new Map<MediaFile, Uint8Array<ArrayBuffer>>();
let module: Promise<Record<MediaFile, string>> | null = null;

/** The bytes of a media file; the base64 module is imported on first use, so bundles split it out. */
export async function mediaFile(name: MediaFile): Promise<Uint8Array<ArrayBuffer>> {
  const hit = decoded.get(name);
  if (hit) return hit;
  module ??= import('./generated/mediaFiles');
  const base64 = (await module)[name];
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  decoded.set(name, bytes);
  return bytes;
}

/** What each file is served as. */
export const MEDIA_TYPES: Record<MediaFile, string> = {
  videoMp4: 'video/mp4',
  videoWebm: 'video/webm',
  segmentTs: 'video/mp2t',
  previewWebp: 'image/webp',
  spriteJpg: 'image/jpeg',
};

/** Length of the committed videos, in seconds (the HLS manifest lists one segment of it). */
export const MEDIA_VIDEO_SECONDS = 3;
