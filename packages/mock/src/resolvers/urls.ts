import type { FileRow, GalleryRow, GroupRow, ImageRow, SceneMarkerRow, SceneRow } from '../db/rows';
import type { ResolverContext } from './context';

const seconds = new Map<string, number>();

/** Unix seconds of an RFC3339 time: Stash's `?t=` cache-buster on image URLs (memoized: a page repeats them). */
function t(time: string): number {
  let value = seconds.get(time);
  if (value === undefined) {
    value = Math.floor(Date.parse(time) / 1000);
    // bounded: every row has its own updated_at
    if (seconds.size >= 50_000) seconds.clear();
    seconds.set(time, value);
  }
  return value;
}

/** Sprite and VTT URLs are keyed by the primary file's oshash (or md5), as in Stash. */
export function sceneHash(ctx: Pick<ResolverContext, 'db'>, scene: SceneRow): string {
  const file: FileRow | undefined = scene.file_ids[0] ? ctx.db.get('File', scene.file_ids[0]) : undefined;
  const fp =
    file?.fingerprints.find((f) => f.type === 'oshash') ?? file?.fingerprints.find((f) => f.type === 'md5');
  return fp?.value ?? scene.id;
}

export function scenePaths(ctx: ResolverContext, scene: SceneRow) {
  const base = `${ctx.baseUrl}/scene/${scene.id}`;
  const hash = sceneHash(ctx, scene);
  return {
    screenshot: `${base}/screenshot?t=${t(scene.updated_at)}`,
    preview: `${base}/preview`,
    stream: ctx.apiKey ? `${base}/stream?apikey=${encodeURIComponent(ctx.apiKey)}` : `${base}/stream`,
    webp: `${base}/webp`,
    vtt: `${ctx.baseUrl}/scene/${hash}_thumbs.vtt`,
    sprite: `${ctx.baseUrl}/scene/${hash}_sprite.jpg`,
    funscript: `${base}/funscript`,
    interactive_heatmap: `${base}/interactive_heatmap`,
    caption: `${base}/caption`,
  };
}

export function markerUrls(ctx: ResolverContext, marker: SceneMarkerRow) {
  const base = `${ctx.baseUrl}/scene/${marker.scene_id}/scene_marker/${marker.id}`;
  return {
    stream: `${base}/stream`,
    preview: `${base}/preview`,
    screenshot: `${base}/screenshot?t=${t(marker.updated_at)}`,
  };
}

/** Performer, studio and tag images: always a URL; `default=true` when the entity has no image. */
export function entityImagePath(
  ctx: ResolverContext,
  kind: 'performer' | 'studio' | 'tag',
  row: { id: string; updated_at: string; has_image: boolean },
): string {
  return `${ctx.baseUrl}/${kind}/${row.id}/image?t=${t(row.updated_at)}${row.has_image ? '' : '&default=true'}`;
}

export function groupImagePath(ctx: ResolverContext, group: GroupRow, side: 'front' | 'back'): string | null {
  if (side === 'back' && !group.has_back_image) return null;
  const extra = side === 'front' && !group.has_front_image ? '&default=true' : '';
  return `${ctx.baseUrl}/group/${group.id}/${side}image?t=${t(group.updated_at)}${extra}`;
}

export function imagePaths(ctx: ResolverContext, image: ImageRow) {
  const base = `${ctx.baseUrl}/image/${image.id}`;
  const q = `?t=${t(image.updated_at)}`;
  return { thumbnail: `${base}/thumbnail${q}`, preview: `${base}/preview${q}`, image: `${base}/image${q}` };
}

export function galleryPaths(ctx: ResolverContext, gallery: GalleryRow) {
  const base = `${ctx.baseUrl}/gallery/${gallery.id}`;
  return { cover: `${base}/cover?t=${t(gallery.updated_at)}`, preview: `${base}/preview/0` };
}
