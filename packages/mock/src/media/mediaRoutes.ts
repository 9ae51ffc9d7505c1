import type { MockDb } from '../db/MockDb';
import type { FileRow, SceneRow } from '../db/rows';
import type { CoreRequest, CoreResponse } from '../server/MockStashCore';
import { httpError, notFound, staticContent } from '../server/staticContent';
import { MEDIA_TYPES, MEDIA_VIDEO_SECONDS, mediaFile, type MediaFile } from './mediaFiles';
import { placeholderSvg, type Placeholder } from './placeholderSvg';
import { sceneVtt } from './sceneVtt';

type Answer = CoreResponse | Promise<CoreResponse>;
type Handler = (db: MockDb, req: CoreRequest, match: string[]) => Answer;

const SVG = 'image/svg+xml';
/** Go's http.Error(w, http.StatusText(404), 404) and friends. */
const statusText = (status: number) => httpError(status, status === 404 ? 'Not Found' : 'Bad Request');

const file = async (req: CoreRequest, name: MediaFile) =>
  staticContent(req, await mediaFile(name), MEDIA_TYPES[name]);
const svg = (req: CoreRequest, p: Placeholder) => staticContent(req, placeholderSvg(p), SVG);

/** Scales a file's size to at most 640 px on its long side (a placeholder needs no more). */
function fit(width = 640, height = 360): { width: number; height: number } {
  const k = Math.min(1, 640 / Math.max(width, height, 1));
  return { width: Math.max(1, Math.round(width * k)), height: Math.max(1, Math.round(height * k)) };
}

const primary = (db: MockDb, ids: string[]): FileRow | undefined =>
  ids[0] ? db.get('File', ids[0]) : undefined;
const sceneName = (db: MockDb, s: SceneRow) =>
  s.title || primary(db, s.file_ids)?.basename || `Scene ${s.id}`;

/** Stash's strconv.Atoi: decimal digits with an optional sign, in int64 range. */
const atoi = (text: string): number | null => (/^[+-]?\d{1,18}$/.test(text) ? Number(text) : null);

/** `/scene/{id}/...`: a non-numeric id is a 400, an unknown scene a 404 (Stash's SceneCtx). */
function withScene(
  handler: (db: MockDb, req: CoreRequest, scene: SceneRow, match: string[]) => Answer,
): Handler {
  return (db, req, match) => {
    const id = atoi(match[1]!);
    if (id === null) return statusText(400);
    const scene = db.get('Scene', String(id));
    return scene ? handler(db, req, scene, match) : statusText(404);
  };
}

/** Performer, studio, tag and group contexts: a bad or unknown id is a 404. */
function withRow<T extends 'Performer' | 'Studio' | 'Tag' | 'Group'>(
  table: T,
  handler: (
    req: CoreRequest,
    row: NonNullable<ReturnType<MockDb['get']>> & { id: string; name: string },
  ) => Answer,
): Handler {
  return (db, req, match) => {
    const id = atoi(match[1]!);
    const row = id === null ? undefined : db.get(table, String(id));
    return row ? handler(req, row as never) : statusText(404);
  };
}

/** Images and galleries are also found by checksum (md5) when the id is not a number, as Stash's ImageCtx. */
function findByIdOrChecksum<T extends 'Image' | 'Gallery'>(db: MockDb, table: T, key: string) {
  const id = atoi(key) ?? 0;
  if (id !== 0) return db.get(table, String(id));
  for (const row of db.table(table).values()) {
    const f = primary(db, row.file_ids);
    if (f?.fingerprints.some((fp) => fp.type === 'md5' && fp.value === key)) return row;
  }
  return undefined;
}

/** The scene whose primary file has this oshash or md5 (`/scene/{hash}_thumbs.vtt`). */
function sceneByHash(db: MockDb, hash: string): SceneRow | undefined {
  for (const scene of db.table('Scene').values()) {
    const f = primary(db, scene.file_ids);
    if (f?.fingerprints.some((fp) => (fp.type === 'oshash' || fp.type === 'md5') && fp.value === hash))
      return scene;
  }
  return undefined;
}

const screenshot = (db: MockDb, req: CoreRequest, scene: SceneRow) => {
  const f = primary(db, scene.file_ids);
  return svg(req, {
    title: sceneName(db, scene),
    label: `Scene ${scene.id}`,
    key: `scene:${scene.id}`,
    ...fit(f?.width, f?.height),
  });
};

function markerAnswer(kind: 'stream' | 'preview' | 'screenshot'): Handler {
  return withScene((db, req, scene, match) => {
    const marker = db.get('SceneMarker', String(atoi(match[2]!) ?? 0));
    // Stash finds the marker by id alone (any scene's), and 404s an unknown one.
    if (!marker) return statusText(404);
    if (kind === 'stream') return file(req, 'videoMp4');
    if (kind === 'preview') return file(req, 'previewWebp');
    const title = marker.title || db.get('Tag', marker.primary_tag_id)?.name || `Marker ${marker.id}`;
    const f = primary(db, scene.file_ids);
    return svg(req, {
      title,
      label: `Marker ${marker.id}`,
      key: `marker:${marker.id}`,
      ...fit(f?.width, f?.height),
    });
  });
}

/** An HLS playlist of the placeholder video (one segment), keeping `resolution` and `apikey` as Stash. */
function hlsManifest(req: CoreRequest, path: string): CoreResponse {
  const query = new URLSearchParams();
  const resolution = req.url.searchParams.get('resolution');
  const apikey = req.url.searchParams.get('apikey');
  if (resolution) query.set('resolution', resolution);
  if (apikey) query.set('apikey', apikey);
  const search = query.size > 0 ? `?${query}` : '';
  const prefix = req.header('x-forwarded-prefix') ?? '';
  const body = [
    '#EXTM3U',
    '#EXT-X-VERSION:3',
    '#EXT-X-MEDIA-SEQUENCE:0',
    `#EXT-X-TARGETDURATION:${MEDIA_VIDEO_SECONDS}`,
    '#EXT-X-PLAYLIST-TYPE:VOD',
    `#EXTINF:${MEDIA_VIDEO_SECONDS.toFixed(6)},`,
    `${prefix}${path}/0.ts${search}`,
    '#EXT-X-ENDLIST',
    '',
  ].join('\n');
  return staticContent(req, body, 'application/vnd.apple.mpegurl');
}

// One WebM representation over the committed file (WebM on-demand profile); not checked in a DASH player.
function dashManifest(req: CoreRequest): CoreResponse {
  const query = new URLSearchParams();
  const apikey = req.url.searchParams.get('apikey');
  if (apikey) query.set('apikey', apikey);
  const search = query.size > 0 ? `?${query}` : '';
  const body = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<MPD xmlns="urn:mpeg:dash:schema:mpd:2011" profiles="urn:mpeg:dash:profile:webm-on-demand:2012" type="static" mediaPresentationDuration="PT${MEDIA_VIDEO_SECONDS}S" minBufferTime="PT1S">`,
    '  <Period>',
    '    <AdaptationSet mimeType="video/webm" segmentAlignment="true">',
    `      <Representation id="0" bandwidth="100000"><BaseURL>stream.webm${search.replace(/&/g, '&amp;')}</BaseURL></Representation>`,
    '    </AdaptationSet>',
    '  </Period>',
    '</MPD>',
    '',
  ].join('\n');
  return staticContent(req, body, 'application/dash+xml');
}

const heatmap = (req: CoreRequest, scene: SceneRow) =>
  svg(req, {
    title: 'Interactive heatmap',
    label: `Scene ${scene.id}`,
    key: `heatmap:${scene.id}`,
    width: 1280,
    height: 60,
  });

/** A funscript whose strokes follow the scene's interactive speed (deterministic). */
function funscript(db: MockDb, scene: SceneRow): string {
  const seconds = Math.max(1, Math.round(primary(db, scene.file_ids)?.duration ?? 60));
  const period = Math.max(200, 60_000 / Math.max(1, scene.interactive_speed ?? 60));
  const actions = [];
  for (let at = 0, i = 0; at <= Math.min(seconds * 1000, 600_000); at += period / 2, i++) {
    actions.push({ at: Math.round(at), pos: i % 2 === 0 ? 0 : 100 });
  }
  return JSON.stringify({ version: '1.0', inverted: false, range: 100, actions });
}

const ROUTES: [RegExp, Handler][] = [
  [
    /^\/scene\/([^/]+)_thumbs\.vtt$/,
    (db, req, m) => {
      const scene = sceneByHash(db, m[1]!);
      return scene ? staticContent(req, sceneVtt.thumbs(db, scene, m[1]!), 'text/vtt') : notFound();
    },
  ],
  [
    /^\/scene\/([^/]+)_sprite\.jpg$/,
    (db, req, m) => (sceneByHash(db, m[1]!) ? file(req, 'spriteJpg') : notFound()),
  ],
  [/^\/scene\/([^/]+)\/screenshot$/, withScene(screenshot)],
  [/^\/scene\/([^/]+)\/preview$/, withScene((_db, req) => file(req, 'videoMp4'))],
  [/^\/scene\/([^/]+)\/webp$/, withScene((_db, req) => file(req, 'previewWebp'))],
  [/^\/scene\/([^/]+)\/stream$/, withScene((_db, req) => file(req, 'videoMp4'))],
  [/^\/scene\/([^/]+)\/stream\.mp4$/, withScene((_db, req) => file(req, 'videoMp4'))],
  [/^\/scene\/([^/]+)\/stream\.webm$/, withScene((_db, req) => file(req, 'videoWebm'))],
  [
    /^\/scene\/([^/]+)\/stream\.mkv$/,
    withScene(async (db, req, scene) => {
      if (primary(db, scene.file_ids)?.format !== 'matroska')
        return { status: 400, headers: {}, body: 'not an mkv file' };
      // WebM is a Matroska profile: the committed WebM is a valid MKV stream.
      return staticContent(req, await mediaFile('videoWebm'), 'video/x-matroska');
    }),
  ],
  [
    /^\/scene\/([^/]+)\/stream\.m3u8$/,
    withScene((_db, req) => hlsManifest(req, req.url.pathname.replace(/\/+$/, ''))),
  ],
  [/^\/scene\/([^/]+)\/stream\.mpd$/, withScene((_db, req) => dashManifest(req))],
  [/^\/scene\/([^/]+)\/stream\.m3u8\/(\d+)\.ts$/, withScene((_db, req) => file(req, 'segmentTs'))],
  [
    /^\/scene\/([^/]+)\/vtt\/chapter$/,
    withScene((db, req, scene) => staticContent(req, sceneVtt.chapters(db, scene), 'text/vtt')),
  ],
  [
    /^\/scene\/([^/]+)\/vtt\/thumbs$/,
    withScene((db, req, scene) =>
      staticContent(req, sceneVtt.thumbs(db, scene, sceneVtt.hash(db, scene)), 'text/vtt'),
    ),
  ],
  [/^\/scene\/([^/]+)\/vtt\/sprite$/, withScene((_db, req) => file(req, 'spriteJpg'))],
  // Only interactive scenes have a funscript (and its heatmap) next to the video, as in a Stash library.
  [
    /^\/scene\/([^/]+)\/funscript$/,
    withScene((db, req, scene) =>
      scene.interactive ? staticContent(req, funscript(db, scene), 'text/plain; charset=utf-8') : notFound(),
    ),
  ],
  [
    /^\/scene\/([^/]+)\/interactive_heatmap$/,
    withScene((_db, req, scene) => (scene.interactive ? heatmap(req, scene) : notFound())),
  ],
  [
    /^\/scene\/([^/]+)\/caption$/,
    withScene((db, req, scene) => {
      const lang = req.url.searchParams.get('lang') ?? '';
      const type = req.url.searchParams.get('type') ?? '';
      const caption = scene.captions?.find((c) => c.language_code === lang && c.caption_type === type);
      // No matching caption: Stash writes nothing (200, empty body).
      return caption
        ? staticContent(req, sceneVtt.caption(db, scene, lang), 'text/vtt')
        : { status: 200, headers: {}, body: '' };
    }),
  ],
  [/^\/scene\/([^/]+)\/scene_marker\/([^/]+)\/stream$/, markerAnswer('stream')],
  [/^\/scene\/([^/]+)\/scene_marker\/([^/]+)\/preview$/, markerAnswer('preview')],
  [/^\/scene\/([^/]+)\/scene_marker\/([^/]+)\/screenshot$/, markerAnswer('screenshot')],
  [
    /^\/performer\/([^/]+)\/image$/,
    withRow('Performer', (req, p) =>
      svg(req, { title: p.name, label: 'Performer', key: `performer:${p.id}`, width: 400, height: 600 }),
    ),
  ],
  [
    /^\/studio\/([^/]+)\/image$/,
    withRow('Studio', (req, s) =>
      svg(req, { title: s.name, label: 'Studio', key: `studio:${s.id}`, width: 480, height: 240 }),
    ),
  ],
  [
    /^\/tag\/([^/]+)\/image$/,
    withRow('Tag', (req, t) =>
      svg(req, { title: t.name, label: 'Tag', key: `tag:${t.id}`, width: 400, height: 300 }),
    ),
  ],
  [
    /^\/group\/([^/]+)\/(front|back)image$/,
    (db, req, m) =>
      withRow('Group', (r, g) =>
        svg(r, {
          title: g.name,
          label: m[2] === 'front' ? 'Group' : 'Group (back)',
          key: `group:${m[2]}:${g.id}`,
          width: 400,
          height: 600,
        }),
      )(db, req, m),
  ],
  [
    /^\/gallery\/([^/]+)\/cover$/,
    (db, req, m) => {
      const gallery = findByIdOrChecksum(db, 'Gallery', m[1]!);
      if (!gallery) return statusText(404);
      const folder = gallery.folder_id ? db.get('Folder', gallery.folder_id)?.path : undefined;
      const title =
        gallery.title ||
        primary(db, gallery.file_ids)?.basename ||
        folder?.slice(folder.lastIndexOf('/') + 1) ||
        `Gallery ${gallery.id}`;
      return svg(req, {
        title,
        label: `Gallery ${gallery.id}`,
        key: `gallery:${gallery.id}`,
        width: 400,
        height: 600,
      });
    },
  ],
  [
    /^\/gallery\/([^/]+)\/preview\/([^/]+)$/,
    (db, req, m) => {
      const gallery = findByIdOrChecksum(db, 'Gallery', m[1]!);
      if (!gallery) return statusText(404);
      const index = atoi(m[2]!);
      if (index === null || index < 0) return httpError(400, 'bad index');
      const image = gallery.image_ids[index] ? db.get('Image', gallery.image_ids[index]) : undefined;
      return image ? imageAnswer(db, req, image, 'thumbnail') : statusText(404);
    },
  ],
  [
    /^\/image\/([^/]+)\/(image|thumbnail|preview)$/,
    (db, req, m) => {
      const image = findByIdOrChecksum(db, 'Image', m[1]!);
      return image ? imageAnswer(db, req, image, m[2] as 'image' | 'thumbnail' | 'preview') : statusText(404);
    },
  ],
];

/** An image's file (a video for animated images), its thumbnail, or its clip preview (video images only). */
function imageAnswer(
  db: MockDb,
  req: CoreRequest,
  image: NonNullable<ReturnType<typeof findByIdOrChecksum<'Image'>>>,
  kind: 'image' | 'thumbnail' | 'preview',
) {
  const f = primary(db, image.file_ids);
  const video = f?.typename === 'VideoFile';
  if (kind === 'preview') return video ? file(req, 'videoMp4') : notFound();
  if (kind === 'image' && video) return file(req, f?.format === 'webm' ? 'videoWebm' : 'videoMp4');
  const title = image.title || f?.basename || `Image ${image.id}`;
  return svg(req, {
    title,
    label: `Image ${image.id}`,
    key: `image:${image.id}`,
    ...fit(f?.width, f?.height),
  });
}

/** True for the media paths Stash's scene, image, gallery, performer, studio, tag and group routers own. */
export function isMediaRoute(path: string): boolean {
  return /^\/(scene|image|gallery|performer|studio|tag|group)\//.test(path);
}

/** Answers a media path (see `isMediaRoute`); a path under those routers that no route matches is a 404. */
export async function serveMediaRoute(db: MockDb, req: CoreRequest, path: string): Promise<CoreResponse> {
  for (const [pattern, handler] of ROUTES) {
    const match = pattern.exec(path);
    if (match) return handler(db, req, [...match]);
  }
  return notFound();
}
