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
  StashIdRow,
  StudioRow,
  TableName,
  TagRow,
  Timestamps,
} from '../db/rows';
import { createPrng, fakeHex, type Prng } from './prng';
import { isoDate, rfc3339 } from './timeFormat';
import * as W from './words';

export { rfc3339 };

/** Every table of the mock, keyed by id, in id order. */
export type Dataset = { [T in TableName]: Map<string, RowsByTable[T]> };

export const DEFAULT_SEED = 1;
export const DEFAULT_SIZE = 2000;
export const MAX_SIZE = 100_000;

/** Entity counts for a library of `size` scenes (defaults: 600 performers, 150 studios, 300 tags). */
export function datasetCounts(size: number) {
  return {
    scenes: size,
    performers: Math.max(3, Math.round(size * 0.3)),
    studios: Math.max(2, Math.min(3000, Math.round(size * 0.075))),
    tags: Math.max(5, Math.min(5000, Math.round(size * 0.15))),
    groups: Math.max(1, Math.round(size * 0.05)),
    galleries: Math.max(1, Math.min(20_000, Math.round(size * 0.2))),
    images: Math.max(2, Math.min(60_000, Math.round(size * 1.5))),
  };
}

const BASE_TIME = Date.UTC(2018, 0, 1);
const MS_PER_DAY = 86_400_000;
const SPAN_MS = 7 * 365 * 24 * 3600 * 1000;

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

class Builder {
  readonly data: Dataset = {
    Scene: new Map(),
    Performer: new Map(),
    Studio: new Map(),
    Tag: new Map(),
    Gallery: new Map(),
    Image: new Map(),
    Group: new Map(),
    SceneMarker: new Map(),
    GalleryChapter: new Map(),
    SavedFilter: new Map(),
    File: new Map(),
    Folder: new Map(),
  };

  // At 100,000 scenes the dataset holds ~430 MB; the garbage collector's cost grows with the number of
  // live objects, so repeated strings are shared: ids, dates, slugs and repeated texts (titles, details).
  private readonly ids: string[] = [];
  private readonly dates = new Map<number, string>();
  private readonly slugs = new Map<string, string>();
  private readonly texts = new Map<string, string>();

  constructor(readonly r: Prng) {}

  id(n: number): string {
    return (this.ids[n] ??= String(n));
  }

  /** One shared copy of a text that repeats across rows (a template string is several objects until used). */
  text(value: string): string {
    const hit = this.texts.get(value);
    if (hit !== undefined) return hit;
    this.texts.set(value, value);
    return value;
  }

  /**
   * The same string, flattened: V8 keeps a template-literal result as a tree of pieces until it is read;
   * reading one character makes it one flat string, and the garbage collector then drops the pieces.
   */
  flat(value: string): string {
    value.charCodeAt(0);
    return value;
  }

  isoDate(ms: number): string {
    const day = Math.floor(ms / MS_PER_DAY);
    let value = this.dates.get(day);
    if (value === undefined) {
      value = isoDate(ms);
      this.dates.set(day, value);
    }
    return value;
  }

  slug(text: string): string {
    let value = this.slugs.get(text);
    if (value === undefined) {
      value = slug(text);
      this.slugs.set(text, value);
    }
    return value;
  }

  timestamps(): { created_at: string; updated_at: string } {
    const created = BASE_TIME + Math.floor(this.r.next() * SPAN_MS);
    const updated = this.r.chance(0.4)
      ? created + Math.floor(this.r.next() * 200 * 24 * 3600 * 1000)
      : created;
    return { created_at: rfc3339(created), updated_at: rfc3339(updated) };
  }

  /**
   * `{ ...row, ...this.timestamps() }` without the spread (slow for wide rows): the timestamps are drawn
   * after the row's other fields and appended last, so values and key order stay the same.
   */
  stamped<T extends object>(row: T): T & Timestamps {
    const ts = this.timestamps();
    const out = row as T & Timestamps;
    out.created_at = ts.created_at;
    out.updated_at = ts.updated_at;
    return out;
  }

  rating(): number | null {
    if (this.r.chance(0.5)) return null;
    return this.r.chance(0.8) ? this.r.pick([20, 40, 60, 80, 100]) : this.r.int(1, 100);
  }

  date(pNull = 0.1): string | null {
    if (this.r.chance(pNull)) return null;
    return this.isoDate(Date.UTC(2005, 0, 1) + Math.floor(this.r.next() * 20 * 365 * 24 * 3600 * 1000));
  }

  stashIds(p: number): StashIdRow[] {
    if (!this.r.chance(p)) return [];
    const count = this.r.chance(0.15) ? 2 : 1;
    return W.STASH_BOX_ENDPOINTS.slice(0, count).map((endpoint) => ({
      endpoint,
      stash_id: fakeUuid(this.r),
      updated_at: this.timestamps().updated_at,
    }));
  }

  urls(base: string, p: number, max = 2): string[] {
    if (!this.r.chance(p)) return [];
    const n = this.r.int(1, max);
    return Array.from({ length: n }, (_, i) =>
      this.flat(`https://${base}.example.com/${i === 0 ? 'page' : 'alt'}/${this.r.int(1000, 99999)}`),
    );
  }

  details(p: number): string | null {
    if (!this.r.chance(p)) return null;
    const n = this.r.int(1, 3);
    return this.text(Array.from({ length: n }, () => this.r.pick(W.DETAILS_SENTENCES)).join(' '));
  }

  folder(path: string, parentId: string | null, zipFileId: string | null = null): string {
    const id = this.id(this.data.Folder.size + 1);
    const row: FolderRow = this.stamped({
      id,
      path,
      parent_folder_id: parentId,
      zip_file_id: zipFileId,
      mod_time: this.timestamps().created_at,
    });
    this.data.Folder.set(id, row);
    return id;
  }

  file(row: Omit<FileRow, 'id' | 'created_at' | 'updated_at' | 'mod_time'>): string {
    const id = this.id(this.data.File.size + 1);
    const ts = this.timestamps();
    // same keys in the same order as `{ id, ...row, mod_time, ...ts }`, without the slow spread
    const full = { id } as Record<string, unknown>;
    for (const key in row) full[key] = row[key as keyof typeof row];
    full.mod_time = ts.created_at;
    full.created_at = ts.created_at;
    full.updated_at = ts.updated_at;
    this.data.File.set(id, full as unknown as FileRow);
    return id;
  }
}

const HEX = '0123456789abcdef';
const DASH = 45;

/** A v4-looking UUID: 32 random hex digits, of which the 13th and 17th are replaced by `4` and `a`. */
function fakeUuid(r: Prng): string {
  const hex: number[] = [];
  for (let i = 0; i < 32; i++) hex.push(HEX.charCodeAt(r.int(0, 15)));
  hex[12] = 52; // '4'
  hex[16] = 97; // 'a'
  hex.splice(20, 0, DASH);
  hex.splice(16, 0, DASH);
  hex.splice(12, 0, DASH);
  hex.splice(8, 0, DASH);
  return String.fromCharCode(...hex);
}

/**
 * Builds the whole library for a seed: a pure function (same seed and size, same rows), no Math.random,
 * no clock. Entities repeat across scenes with a skewed distribution, like a real library.
 */
export function generateDataset(seed: number = DEFAULT_SEED, size: number = DEFAULT_SIZE): Dataset {
  if (!Number.isInteger(size) || size < 1 || size > MAX_SIZE) {
    throw new Error(`MockStash: size must be an integer between 1 and ${MAX_SIZE}, got ${size}`);
  }
  if (!Number.isInteger(seed)) throw new Error(`MockStash: seed must be an integer, got ${seed}`);
  const b = new Builder(createPrng(seed));
  const r = b.r;
  const n = datasetCounts(size);
  const d = b.data;
  const id = (x: number) => b.id(x);

  // Tags: about a third have parents (always earlier tags, so the hierarchy has no cycles).
  const tagNames = new Set<string>();
  for (let i = 1; i <= n.tags; i++) {
    let name = W.TAG_WORDS[(i - 1) % W.TAG_WORDS.length];
    if (i > W.TAG_WORDS.length) name = `${r.pick(W.TITLE_ADJECTIVES)} ${name}`;
    while (tagNames.has(name)) name = `${name} ${r.int(2, 999)}`;
    tagNames.add(name);
    const parent_ids: string[] = [];
    if (i > 10 && r.chance(0.35)) {
      parent_ids.push(id(r.int(1, Math.min(i - 1, 40))));
      if (r.chance(0.1)) {
        const second = id(r.int(1, i - 1));
        if (!parent_ids.includes(second)) parent_ids.push(second);
      }
    }
    const row: TagRow = b.stamped({
      id: id(i),
      name,
      sort_name: r.chance(0.05) ? `~${name}` : null,
      description: r.chance(0.3) ? `Scenes tagged ${name.toLowerCase()}.` : null,
      aliases: r.chance(0.2) ? [`${name.toLowerCase()}-alias`] : [],
      favorite: r.chance(0.08),
      ignore_auto_tag: r.chance(0.05),
      parent_ids,
      stash_ids: b.stashIds(0.2),
      has_image: r.chance(0.3),
    });
    d.Tag.set(row.id, row);
  }
  const someTags = (max: number, p = 0.9): string[] =>
    r.chance(p) ? r.distinctSkewed(n.tags, r.int(1, max), 1.8).map((x) => id(x + 1)) : [];

  // Studios: networks first, then children pointing at them.
  const studioNames = new Set<string>();
  for (let i = 1; i <= n.studios; i++) {
    let name = `${r.pick(W.STUDIO_WORDS)} ${r.pick(W.STUDIO_SUFFIXES)}`;
    while (studioNames.has(name)) name = `${r.pick(W.STUDIO_WORDS)} ${name}`;
    studioNames.add(name);
    const networks = Math.max(1, Math.floor(n.studios / 8));
    const row: StudioRow = b.stamped({
      id: id(i),
      name,
      urls: b.urls(b.slug(name), 0.7, 1),
      aliases: r.chance(0.15) ? [b.slug(name).replace(/_/g, '')] : [],
      details: b.details(0.3),
      rating100: b.rating(),
      favorite: r.chance(0.1),
      ignore_auto_tag: r.chance(0.03),
      parent_id: i > networks && r.chance(0.45) ? id(r.int(1, networks)) : null,
      tag_ids: someTags(2, 0.2),
      stash_ids: b.stashIds(0.5),
      has_image: r.chance(0.6),
    });
    d.Studio.set(row.id, row);
  }

  // Performers: unique name (+ disambiguation when the name repeats).
  const performerNames = new Map<string, number>();
  for (let i = 1; i <= n.performers; i++) {
    const gender = r.chance(0.78)
      ? 'FEMALE'
      : r.chance(0.8)
        ? 'MALE'
        : r.chance(0.9)
          ? r.pick(W.GENDERS.slice(2))
          : null;
    const first =
      gender === 'MALE' || gender === 'TRANSGENDER_MALE'
        ? r.pick(W.FIRST_NAMES.slice(-16))
        : r.pick(W.FIRST_NAMES);
    const name = b.text(`${first} ${r.pick(W.LAST_NAMES)}`);
    const seen = performerNames.get(name) ?? 0;
    performerNames.set(name, seen + 1);
    const birth = r.chance(0.7)
      ? Date.UTC(1965, 0, 1) + Math.floor(r.next() * 38 * 365 * 24 * 3600 * 1000)
      : null;
    const isMale = gender === 'MALE';
    const row: PerformerRow = b.stamped({
      id: id(i),
      name,
      disambiguation: seen > 0 ? `${seen + 1}` : r.chance(0.05) ? 'II' : null,
      urls: b.urls(b.slug(name), 0.5),
      gender,
      birthdate: birth === null ? null : b.isoDate(birth),
      death_date: birth !== null && r.chance(0.01) ? b.isoDate(birth + 60 * 365 * 24 * 3600 * 1000) : null,
      ethnicity: r.chance(0.7) ? r.pick(W.ETHNICITIES) : null,
      country: r.chance(0.7) ? r.pick(W.COUNTRIES) : null,
      eye_color: r.chance(0.6) ? r.pick(W.EYE_COLORS) : null,
      hair_color: r.chance(0.6) ? r.pick(W.HAIR_COLORS) : null,
      measurements:
        !isMale && r.chance(0.5)
          ? `${r.int(30, 40)}${r.pick(['A', 'B', 'C', 'D', 'DD'])}-${r.int(22, 30)}-${r.int(30, 40)}`
          : null,
      fake_tits: !isMale && r.chance(0.5) ? r.pick(['Natural', 'Augmented']) : null,
      career_length: r.chance(0.4)
        ? `${r.int(2000, 2015)} - ${r.chance(0.5) ? r.int(2016, 2024) : ''}`.trim()
        : null,
      tattoos: r.chance(0.3) ? r.pick(['Left shoulder', 'Lower back', 'Right ankle', 'Sleeve']) : null,
      piercings: r.chance(0.3) ? r.pick(['Navel', 'Nose', 'Ears', 'Tongue']) : null,
      details: b.details(0.3),
      height_cm: r.chance(0.7) ? r.int(isMale ? 165 : 150, isMale ? 200 : 185) : null,
      weight: r.chance(0.5) ? r.int(45, 95) : null,
      penis_length: isMale && r.chance(0.5) ? Math.round((12 + r.next() * 10) * 10) / 10 : null,
      circumcised: isMale && r.chance(0.5) ? r.pick(['CUT', 'UNCUT']) : null,
      alias_list: r.chance(0.3) ? [`${r.pick(W.FIRST_NAMES)} ${r.pick(['A.', 'B.', 'X'])}`] : [],
      favorite: r.chance(0.1),
      ignore_auto_tag: r.chance(0.03),
      rating100: b.rating(),
      custom_fields: r.chance(0.1)
        ? { agency: r.pick(['North', 'South', 'Indie']), active: r.chance(0.5) }
        : {},
      tag_ids: someTags(3, 0.4),
      stash_ids: b.stashIds(0.6),
      has_image: r.chance(0.8),
    });
    d.Performer.set(row.id, row);
  }

  // Groups: a few series contain sub-groups (earlier group contains later ones).
  for (let i = 1; i <= n.groups; i++) {
    const row: GroupRow = b.stamped({
      id: id(i),
      name: b.text(
        `${r.pick(W.TITLE_ADJECTIVES)} ${r.pick(W.TITLE_NOUNS)} ${r.chance(0.5) ? r.int(1, 9) : 'Collection'}`,
      ),
      aliases: r.chance(0.2) ? `${r.pick(W.TITLE_NOUNS)} Series` : null,
      duration: r.chance(0.7) ? r.int(1800, 14_400) : null,
      date: b.date(0.2),
      rating100: b.rating(),
      director: r.chance(0.4) ? b.text(`${r.pick(W.FIRST_NAMES)} ${r.pick(W.LAST_NAMES)}`) : null,
      synopsis: b.details(0.5),
      urls: b.urls('groups', 0.4, 1),
      studio_id: r.chance(0.8) ? id(r.skewed(n.studios) + 1) : null,
      tag_ids: someTags(2, 0.4),
      containing_groups:
        i > 3 && r.chance(0.2)
          ? [{ group_id: id(r.int(1, i - 1)), description: r.chance(0.3) ? 'Part' : null }]
          : [],
      has_front_image: r.chance(0.7),
      has_back_image: r.chance(0.4),
    });
    d.Group.set(row.id, row);
  }

  // Folders for videos, one per studio plus a misc folder.
  const root = b.folder('/data', null);
  const videosRoot = b.folder('/data/videos', root);
  const miscFolder = b.folder('/data/videos/misc', videosRoot);
  const studioFolders = new Map<string, string>();
  const folderFor = (studioId: string | null): string => {
    if (studioId === null) return miscFolder;
    let id = studioFolders.get(studioId);
    if (id === undefined) {
      id = b.folder(`/data/videos/${b.slug(d.Studio.get(studioId)!.name)}`, videosRoot);
      studioFolders.set(studioId, id);
    }
    return id;
  };

  // Scenes.
  const groupSceneCounters = new Map<string, number>();
  for (let i = 1; i <= n.scenes; i++) {
    const studio_id = r.chance(0.85) ? id(r.skewed(n.studios, 1.6) + 1) : null;
    const title = r.chance(0.97)
      ? b.text(
          `${r.pick(W.TITLE_ADJECTIVES)} ${r.pick(W.TITLE_NOUNS)}${r.chance(0.3) ? ` ${r.int(2, 12)}` : ''}`,
        )
      : null;
    const ts = b.timestamps();
    const createdMs = Date.parse(ts.created_at);
    const plays = r.chance(0.45) ? r.int(1, r.chance(0.2) ? 25 : 6) : 0;
    const play_history = Array.from({ length: plays }, () =>
      rfc3339(createdMs + Math.floor(r.next() * 300 * 24 * 3600 * 1000)),
    ).sort();
    const os = r.chance(0.3) ? r.int(1, r.chance(0.2) ? 12 : 3) : 0;
    const o_history = Array.from({ length: os }, () =>
      rfc3339(createdMs + Math.floor(r.next() * 300 * 24 * 3600 * 1000)),
    ).sort();
    const [width, height] = r.chance(0.1) ? r.pick(W.RESOLUTIONS) : r.pick(W.RESOLUTIONS.slice(2, 6));
    const portrait = r.chance(0.04);
    const duration = Math.round((r.chance(0.1) ? 60 + r.next() * 300 : 600 + r.next() * 3600) * 100) / 100;
    const base = title ? b.slug(title) : `scene_${i}`;
    const fileCount = r.chance(0.04) ? 2 : 1;
    const file_ids: string[] = [];
    for (let f = 0; f < fileCount; f++) {
      const ext = r.chance(0.8) ? 'mp4' : r.pick(['mkv', 'webm', 'mov']);
      const basename = b.flat(`${base}_${i}${f ? `_alt${f}` : ''}.${ext}`);
      const folderId = folderFor(studio_id);
      const path = b.flat(`${d.Folder.get(folderId)!.path}/${basename}`);
      const bitRate = r.int(1_000_000, 20_000_000);
      file_ids.push(
        b.file({
          typename: 'VideoFile',
          path,
          basename,
          parent_folder_id: folderId,
          zip_file_id: null,
          size: Math.round((duration * bitRate) / 8),
          fingerprints: [
            { type: 'oshash', value: fakeHex(`oshash:${path}`, 16) },
            ...(r.chance(0.6) ? [{ type: 'md5', value: fakeHex(`md5:${path}`, 32) }] : []),
            ...(r.chance(0.85)
              ? [{ type: 'phash', value: fakeHex(`phash:${r.chance(0.03) ? base : path}`, 16) }]
              : []),
          ],
          format: ext === 'mkv' ? 'matroska' : ext === 'mov' ? 'mov' : ext,
          width: portrait ? height : width,
          height: portrait ? width : height,
          duration,
          video_codec: r.pick(W.VIDEO_CODECS),
          audio_codec: r.pick(W.AUDIO_CODECS),
          frame_rate: r.pick([23.976, 24, 25, 29.97, 30, 50, 59.94, 60]),
          bit_rate: bitRate,
        }),
      );
    }
    const groups: SceneRow['groups'] = [];
    if (r.chance(0.12)) {
      const gid = id(r.skewed(n.groups, 1.5) + 1);
      const index = (groupSceneCounters.get(gid) ?? 0) + 1;
      groupSceneCounters.set(gid, index);
      groups.push({ group_id: gid, scene_index: r.chance(0.85) ? index : null });
    }
    const interactive = r.chance(0.05);
    const row: SceneRow = {
      id: id(i),
      title,
      code: r.chance(0.4) ? b.text(`${r.pick(['ABC', 'XYZ', 'STU', 'MNO'])}-${r.int(100, 999)}`) : null,
      details: b.details(0.5),
      director: r.chance(0.2) ? b.text(`${r.pick(W.FIRST_NAMES)} ${r.pick(W.LAST_NAMES)}`) : null,
      urls: b.urls(studio_id ? b.slug(d.Studio.get(studio_id)!.name) : 'scenes', 0.6),
      date: b.date(0.1),
      rating100: b.rating(),
      organized: r.chance(0.3),
      interactive,
      interactive_speed: interactive && r.chance(0.8) ? r.int(10, 400) : null,
      captions: r.chance(0.05)
        ? [{ language_code: r.pick(['en', 'de', 'fr']), caption_type: r.pick(['srt', 'vtt']) }]
        : null,
      resume_time: plays > 0 && r.chance(0.4) ? Math.round(r.next() * duration * 100) / 100 : null,
      play_duration: plays > 0 ? Math.round(plays * duration * (0.3 + r.next() * 0.7) * 100) / 100 : null,
      play_history,
      o_history,
      file_ids,
      studio_id,
      tag_ids: someTags(8, 0.85),
      performer_ids: r.chance(0.92)
        ? r.distinctSkewed(n.performers, r.int(1, 4), 2.2).map((x) => id(x + 1))
        : [],
      gallery_ids: [],
      groups,
      stash_ids: b.stashIds(0.4),
      created_at: ts.created_at,
      updated_at: ts.updated_at,
    };
    d.Scene.set(row.id, row);
  }

  // Galleries: folder-based or zip-based; some belong to a scene (scene side owns the link).
  const galleriesRoot = b.folder('/data/galleries', root);
  const zipsRoot = b.folder('/data/zips', root);
  const galleryImageFolder = new Map<string, { folderId: string; zipFileId: string | null }>();
  for (let i = 1; i <= n.galleries; i++) {
    const title = b.text(`${r.pick(W.TITLE_ADJECTIVES)} ${r.pick(W.TITLE_NOUNS)} Photos`);
    const zip = r.chance(0.3);
    let folder_id: string | null = null;
    const file_ids: string[] = [];
    if (zip) {
      const basename = b.flat(`${b.slug(title)}_${i}.zip`);
      const path = b.flat(`/data/zips/${basename}`);
      const zipFileId = b.file({
        typename: 'GalleryFile',
        path,
        basename,
        parent_folder_id: zipsRoot,
        zip_file_id: null,
        size: r.int(5_000_000, 500_000_000),
        fingerprints: [{ type: 'md5', value: fakeHex(`md5:${path}`, 32) }],
      });
      file_ids.push(zipFileId);
      galleryImageFolder.set(id(i), { folderId: b.folder(path, zipsRoot, zipFileId), zipFileId });
    } else {
      folder_id = b.folder(b.flat(`/data/galleries/${b.slug(title)}_${i}`), galleriesRoot);
      galleryImageFolder.set(id(i), { folderId: folder_id, zipFileId: null });
    }
    const row: GalleryRow = b.stamped({
      id: id(i),
      title: r.chance(0.9) ? title : null,
      code: r.chance(0.2) ? b.text(`G-${r.int(1000, 9999)}`) : null,
      urls: b.urls('galleries', 0.3, 1),
      date: b.date(0.2),
      details: b.details(0.2),
      photographer: r.chance(0.2) ? b.text(`${r.pick(W.FIRST_NAMES)} ${r.pick(W.LAST_NAMES)}`) : null,
      rating100: b.rating(),
      organized: r.chance(0.3),
      studio_id: r.chance(0.7) ? id(r.skewed(n.studios, 1.6) + 1) : null,
      tag_ids: someTags(4, 0.6),
      performer_ids: r.chance(0.8)
        ? r.distinctSkewed(n.performers, r.int(1, 3), 2.2).map((x) => id(x + 1))
        : [],
      image_ids: [],
      cover_image_id: null,
      file_ids,
      folder_id,
    });
    d.Gallery.set(row.id, row);
    if (r.chance(0.2)) {
      const scene = d.Scene.get(id(r.int(1, n.scenes)))!;
      scene.gallery_ids.push(row.id);
    }
  }

  // Images: most live in a gallery (in gallery order); a few are loose or animated (VideoFile).
  const looseFolder = b.folder('/data/images', root);
  for (let i = 1; i <= n.images; i++) {
    const galleryId = r.chance(0.85) ? id(r.int(1, n.galleries)) : null;
    const place = galleryId ? galleryImageFolder.get(galleryId)! : { folderId: looseFolder, zipFileId: null };
    const animated = r.chance(0.02);
    const basename = b.flat(
      `${String(i).padStart(6, '0')}.${animated ? 'webm' : r.chance(0.8) ? 'jpg' : 'png'}`,
    );
    const path = b.flat(`${d.Folder.get(place.folderId)!.path}/${basename}`);
    const [w, h] = r.pick(W.RESOLUTIONS.slice(1));
    const portrait = r.chance(0.5);
    const fileId = b.file({
      typename: animated ? 'VideoFile' : 'ImageFile',
      path,
      basename,
      parent_folder_id: place.folderId,
      zip_file_id: place.zipFileId,
      size: r.int(80_000, 12_000_000),
      fingerprints: [
        { type: 'md5', value: fakeHex(`md5:${path}`, 32) },
        ...(r.chance(0.5) ? [{ type: 'phash', value: fakeHex(`phash:${path}`, 16) }] : []),
      ],
      format: animated ? 'webm' : basename.endsWith('png') ? 'png' : 'jpeg',
      width: portrait ? h : w,
      height: portrait ? w : h,
      ...(animated
        ? {
            duration: r.int(3, 30),
            video_codec: 'vp9',
            audio_codec: '',
            frame_rate: 30,
            bit_rate: r.int(500_000, 4_000_000),
          }
        : {}),
    });
    const gallery = galleryId ? d.Gallery.get(galleryId)! : null;
    const row: ImageRow = b.stamped({
      id: id(i),
      title: r.chance(0.3) ? b.text(`${r.pick(W.TITLE_ADJECTIVES)} ${r.pick(W.TITLE_NOUNS)}`) : null,
      code: null,
      urls: b.urls('images', 0.1, 1),
      date: b.date(0.6),
      details: b.details(0.05),
      photographer: gallery?.photographer ?? null,
      rating100: b.rating(),
      organized: r.chance(0.2),
      o_counter: r.chance(0.15) ? r.int(1, 5) : 0,
      studio_id: gallery?.studio_id ?? (r.chance(0.3) ? id(r.skewed(n.studios) + 1) : null),
      tag_ids: someTags(3, 0.4),
      performer_ids: gallery ? gallery.performer_ids.slice(0, r.int(0, gallery.performer_ids.length)) : [],
      file_ids: [fileId],
    });
    d.Image.set(row.id, row);
    if (gallery) {
      gallery.image_ids.push(row.id);
      if (gallery.cover_image_id === null && r.chance(0.2)) gallery.cover_image_id = row.id;
    }
  }

  // Scene markers: about 40% of scenes have some.
  let markerId = 0;
  for (const scene of d.Scene.values()) {
    if (!r.chance(0.4)) continue;
    const duration = d.File.get(scene.file_ids[0])?.duration ?? 600;
    const count = r.int(1, 4);
    for (let m = 0; m < count; m++) {
      const seconds = Math.round(r.next() * duration * 10) / 10;
      const primary = id(r.skewed(n.tags, 1.8) + 1);
      const row: SceneMarkerRow = b.stamped({
        id: id(++markerId),
        title: r.chance(0.7) ? d.Tag.get(primary)!.name : b.text(`${r.pick(W.TITLE_NOUNS)} ${m + 1}`),
        seconds,
        end_seconds: r.chance(0.4)
          ? Math.min(duration, Math.round((seconds + 5 + r.next() * 120) * 10) / 10)
          : null,
        scene_id: scene.id,
        primary_tag_id: primary,
        tag_ids: someTags(2, 0.3).filter((t) => t !== primary),
      });
      d.SceneMarker.set(row.id, row);
    }
  }

  // Gallery chapters.
  let chapterId = 0;
  for (const gallery of d.Gallery.values()) {
    if (gallery.image_ids.length < 4 || !r.chance(0.2)) continue;
    const count = r.int(1, 3);
    for (let c = 0; c < count; c++) {
      const row: GalleryChapterRow = b.stamped({
        id: id(++chapterId),
        title: b.text(`Chapter ${c + 1}`),
        image_index: 1 + Math.floor((c * gallery.image_ids.length) / count),
        gallery_id: gallery.id,
      });
      d.GalleryChapter.set(row.id, row);
    }
  }

  // A few saved filters, as a real install has.
  const saved: Omit<SavedFilterRow, 'id'>[] = [
    {
      mode: 'SCENES',
      name: 'Top rated',
      find_filter: { q: null, page: 1, per_page: 40, sort: 'rating', direction: 'DESC' },
      object_filter: { rating100: { value: 80, modifier: 'GREATER_THAN' } },
      ui_options: { display_mode: 0 },
    },
    {
      mode: 'PERFORMERS',
      name: 'Favourites',
      find_filter: { q: null, page: 1, per_page: 25, sort: 'name', direction: 'ASC' },
      object_filter: { filter_favorites: true },
      ui_options: null,
    },
    {
      mode: 'SCENES',
      name: 'Unorganized',
      find_filter: null,
      object_filter: { organized: false },
      ui_options: null,
    },
  ];
  saved.forEach((s, i) => d.SavedFilter.set(id(i + 1), { id: id(i + 1), ...s }));

  return d;
}
