import type { MockDb } from '../db/MockDb';
import type { SceneRow } from '../db/rows';
import { sceneHash } from '../resolvers/urls';

/** Stash's GetVTTTime: `HH:MM:SS.mmm`, 0 for negative or non-finite seconds. */
export function vttTime(seconds: number): string {
  const ms = Number.isFinite(seconds) && seconds >= 0 ? Math.floor(seconds * 1000) : 0;
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor(ms / 60_000) % 60;
  const s = Math.floor(ms / 1000) % 60;
  return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(ms % 1000, 3)}`;
}

/** The committed sprite is 3x3 tiles of 160x90. */
const COLS = 3;
const ROWS = 3;
const TILE = { width: 160, height: 90 };

const duration = (db: MockDb, scene: SceneRow) =>
  (scene.file_ids[0] ? db.get('File', scene.file_ids[0])?.duration : undefined) ?? 0;

/** The WebVTT the Stash UI reads for scrubber thumbnails, chapters (markers) and captions. */
export const sceneVtt = {
  hash: (db: MockDb, scene: SceneRow) => sceneHash({ db }, scene),

  /** Stash's sprite VTT: one cue per tile, `{hash}_sprite.jpg#xywh=x,y,w,h`, evenly over the duration. */
  thumbs(db: MockDb, scene: SceneRow, hash: string): string {
    const step = duration(db, scene) / (COLS * ROWS);
    const lines = ['WEBVTT', ''];
    for (let i = 0; i < COLS * ROWS; i++) {
      const x = TILE.width * (i % COLS);
      const y = TILE.height * Math.floor(i / ROWS);
      lines.push(`${vttTime(i * step)} --> ${vttTime((i + 1) * step)}`);
      lines.push(`${hash}_sprite.jpg#xywh=${x},${y},${TILE.width},${TILE.height}`, '');
    }
    return lines.join('\n');
  },

  /** Stash's `/vtt/chapter`: markers by seconds, titled by title or primary tag then other tags. */
  chapters(db: MockDb, scene: SceneRow): string {
    const markers = db
      .markersOf('scene', scene.id)
      .map((id) => db.get('SceneMarker', id)!)
      .sort((a, b) => a.seconds - b.seconds);
    const lines = ['WEBVTT', ''];
    markers.forEach((marker, i) => {
      const time = vttTime(marker.seconds);
      const tags = [marker.primary_tag_id, ...marker.tag_ids.filter((t) => t !== marker.primary_tag_id)];
      const title = marker.title || tags.map((t) => db.get('Tag', t)?.name ?? '').join(', ');
      lines.push(String(i + 1), `${time} --> ${time}`, title, '');
    });
    return lines.join('\n');
  },

  /** A caption track: a few cues naming the scene and language (the mock has no subtitle files). */
  caption(db: MockDb, scene: SceneRow, lang: string): string {
    const title = scene.title || `Scene ${scene.id}`;
    const cues = [`${title}`, `Caption track (${lang})`, 'stashkit mock caption'];
    const lines = ['WEBVTT', ''];
    cues.forEach((text, i) => {
      lines.push(String(i + 1), `${vttTime(1 + i * 4)} --> ${vttTime(4 + i * 4)}`, text, '');
    });
    return lines.join('\n');
  },
};
