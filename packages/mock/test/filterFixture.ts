// A small hand-built library for the filter/sort engine tests: a data fixture implementing
// MockDbReader directly (the engine reads through that interface only).
import { blankGallery, blankPerformer, blankScene } from '../src/db/blankRows';
import type {
  FileRow,
  FolderRow,
  GalleryChapterRow,
  GalleryRow,
  GroupRow,
  ImageRow,
  MockDbReader,
  PerformerRow,
  RowsByTable,
  SceneMarkerRow,
  SceneRow,
  StudioRow,
  TableName,
  TagRow,
} from '../src/db/rows';

const T0 = '2024-01-01T00:00:00Z';
const stamps = { created_at: T0, updated_at: T0 };

export function scene(id: string, p: Partial<SceneRow> = {}): SceneRow {
  return {
    ...blankScene(T0),
    id,
    ...p,
  };
}

export function performer(id: string, name: string, p: Partial<PerformerRow> = {}): PerformerRow {
  return {
    ...blankPerformer(T0),
    id,
    name,
    ...p,
  };
}

export function studio(id: string, name: string, p: Partial<StudioRow> = {}): StudioRow {
  return {
    id,
    name,
    urls: [],
    aliases: [],
    details: null,
    rating100: null,
    favorite: false,
    ignore_auto_tag: false,
    parent_id: null,
    tag_ids: [],
    stash_ids: [],
    has_image: false,
    ...stamps,
    ...p,
  };
}

export function tag(id: string, name: string, p: Partial<TagRow> = {}): TagRow {
  return {
    id,
    name,
    sort_name: null,
    description: null,
    aliases: [],
    favorite: false,
    ignore_auto_tag: false,
    parent_ids: [],
    stash_ids: [],
    has_image: false,
    ...stamps,
    ...p,
  };
}

export function group(id: string, name: string, p: Partial<GroupRow> = {}): GroupRow {
  return {
    id,
    name,
    aliases: null,
    duration: null,
    date: null,
    rating100: null,
    director: null,
    synopsis: null,
    urls: [],
    studio_id: null,
    tag_ids: [],
    containing_groups: [],
    has_front_image: false,
    has_back_image: false,
    ...stamps,
    ...p,
  };
}

export function gallery(id: string, p: Partial<GalleryRow> = {}): GalleryRow {
  return {
    ...blankGallery(T0),
    id,
    ...p,
  };
}

export function image(id: string, p: Partial<ImageRow> = {}): ImageRow {
  return {
    id,
    title: null,
    code: null,
    urls: [],
    date: null,
    details: null,
    photographer: null,
    rating100: null,
    organized: false,
    o_counter: 0,
    studio_id: null,
    tag_ids: [],
    performer_ids: [],
    file_ids: [],
    ...stamps,
    ...p,
  };
}

export function marker(
  id: string,
  sceneId: string,
  primaryTag: string,
  p: Partial<SceneMarkerRow> = {},
): SceneMarkerRow {
  return {
    id,
    title: '',
    seconds: 0,
    end_seconds: null,
    scene_id: sceneId,
    primary_tag_id: primaryTag,
    tag_ids: [],
    ...stamps,
    ...p,
  };
}

export function file(id: string, path: string, p: Partial<FileRow> = {}): FileRow {
  return {
    id,
    typename: 'VideoFile',
    path,
    basename: path.slice(path.lastIndexOf('/') + 1),
    parent_folder_id: '1',
    zip_file_id: null,
    mod_time: T0,
    size: 1000,
    fingerprints: [],
    ...stamps,
    ...p,
  };
}

export function folder(id: string, path: string, parent: string | null): FolderRow {
  return { id, path, parent_folder_id: parent, zip_file_id: null, mod_time: T0, ...stamps };
}

type Tables = { [T in TableName]?: RowsByTable[T][] };

/** A MockDbReader over hand-built rows; inverse indexes are computed by scanning. */
export class FixtureDb implements MockDbReader {
  private readonly data = new Map<TableName, Map<string, any>>();

  constructor(tables: Tables) {
    for (const [name, rows] of Object.entries(tables) as [TableName, { id: string }[]][]) {
      this.data.set(name, new Map(rows.map((r) => [r.id, r])));
    }
  }

  table<T extends TableName>(name: T): ReadonlyMap<string, RowsByTable[T]> {
    return (this.data.get(name) ?? new Map()) as ReadonlyMap<string, RowsByTable[T]>;
  }

  get<T extends TableName>(name: T, id: string): RowsByTable[T] | undefined {
    return this.table(name).get(id);
  }

  private ids<T extends TableName>(name: T, test: (row: RowsByTable[T]) => boolean): string[] {
    return [...this.table(name).values()].filter(test).map((r) => (r as { id: string }).id);
  }

  tagChildren(id: string): string[] {
    return this.ids('Tag', (t) => t.parent_ids.includes(id));
  }

  studioChildren(id: string): string[] {
    return this.ids('Studio', (s) => s.parent_id === id);
  }

  subGroups(id: string): string[] {
    return this.ids('Group', (g) => g.containing_groups.some((c) => c.group_id === id));
  }

  scenesOf(kind: 'performer' | 'tag' | 'studio' | 'group' | 'gallery', id: string): string[] {
    return this.ids('Scene', (s) =>
      kind === 'performer'
        ? s.performer_ids.includes(id)
        : kind === 'tag'
          ? s.tag_ids.includes(id)
          : kind === 'studio'
            ? s.studio_id === id
            : kind === 'group'
              ? s.groups.some((g) => g.group_id === id)
              : s.gallery_ids.includes(id),
    );
  }

  imagesOf(kind: 'performer' | 'tag' | 'studio' | 'gallery', id: string): string[] {
    if (kind === 'gallery') return this.get('Gallery', id)?.image_ids ?? [];
    return this.ids('Image', (i) =>
      kind === 'performer'
        ? i.performer_ids.includes(id)
        : kind === 'tag'
          ? i.tag_ids.includes(id)
          : i.studio_id === id,
    );
  }

  galleriesOf(kind: 'performer' | 'tag' | 'studio' | 'scene', id: string): string[] {
    if (kind === 'scene') return this.get('Scene', id)?.gallery_ids ?? [];
    return this.ids('Gallery', (g) =>
      kind === 'performer'
        ? g.performer_ids.includes(id)
        : kind === 'tag'
          ? g.tag_ids.includes(id)
          : g.studio_id === id,
    );
  }

  markersOf(kind: 'scene' | 'tag', id: string): string[] {
    return this.ids('SceneMarker', (m) =>
      kind === 'scene' ? m.scene_id === id : m.primary_tag_id === id || m.tag_ids.includes(id),
    );
  }
}

const STASHDB = 'https://stashdb.org/graphql';

/** The shared library: 4 scenes, 3 performers, studio and tag hierarchies, groups, galleries, images, files. */
export function library(): FixtureDb {
  const chapters: GalleryChapterRow[] = [
    { id: '1', title: 'Opening', image_index: 1, gallery_id: '1', ...stamps },
  ];
  return new FixtureDb({
    Tag: [
      tag('1', 'Outdoor', { aliases: ['outside'], favorite: true }),
      tag('2', 'Beach', { parent_ids: ['1'], sort_name: 'A beach' }),
      tag('3', 'Sunset', { parent_ids: ['2'], description: 'golden hour' }),
      tag('4', 'Indoor', { has_image: true }),
      tag('5', 'Kitchen', { parent_ids: ['4'] }),
    ],
    Studio: [
      studio('1', 'Alpha Studios', { aliases: ['AS'], favorite: true, urls: ['https://alpha.example'] }),
      studio('2', 'Beta', { parent_id: '1', tag_ids: ['1'] }),
      studio('3', 'Gamma', { parent_id: '2', details: 'third' }),
      studio('4', 'Delta'),
    ],
    Performer: [
      performer('1', 'Alice', {
        gender: 'FEMALE',
        birthdate: '1990-07-20',
        favorite: true,
        tag_ids: ['1'],
        alias_list: ['Ally', 'Al'],
        country: 'US',
        height_cm: 170,
        penis_length: null,
        rating100: 90,
        custom_fields: { hair: 'red', score: 7 },
        stash_ids: [{ endpoint: STASHDB, stash_id: 'p-alice', updated_at: T0 }],
      }),
      performer('2', 'Bob', {
        gender: 'MALE',
        birthdate: '1985-01-01',
        tag_ids: ['4'],
        circumcised: 'CUT',
        penis_length: 15.5,
        height_cm: 185,
        custom_fields: { score: 3 },
      }),
      performer('3', 'Cara', { death_date: '2020-01-01' }),
    ],
    Group: [
      group('1', 'Series A', { tag_ids: ['1'], studio_id: '1', duration: 3600 }),
      group('2', 'Part 1', { containing_groups: [{ group_id: '1', description: null }] }),
      group('3', 'Part 1a', { containing_groups: [{ group_id: '2', description: null }] }),
    ],
    Folder: [
      folder('1', '/media', null),
      folder('2', '/media/videos', '1'),
      folder('3', '/media/images', '1'),
    ],
    File: [
      file('1', '/media/videos/Sunset Beach.mp4', {
        parent_folder_id: '2',
        width: 1920,
        height: 1080,
        duration: 600.4,
        frame_rate: 29.97,
        bit_rate: 5_000_000,
        video_codec: 'h264',
        audio_codec: 'aac',
        size: 5000,
        fingerprints: [
          { type: 'md5', value: 'aaa1' },
          { type: 'oshash', value: 'o1' },
          { type: 'phash', value: 'ffff000000000000' },
        ],
      }),
      file('2', '/media/videos/kitchen_2.mp4', {
        parent_folder_id: '2',
        width: 1280,
        height: 720,
        duration: 1200,
        frame_rate: 60,
        bit_rate: 2_000_000,
        video_codec: 'hevc',
        audio_codec: 'opus',
        size: 3000,
        fingerprints: [
          { type: 'md5', value: 'bbb2' },
          { type: 'phash', value: 'ffff000000000001' },
        ],
      }),
      file('3', '/media/videos/portrait.mp4', {
        parent_folder_id: '2',
        width: 720,
        height: 1280,
        duration: 30,
        size: 100,
        fingerprints: [{ type: 'phash', value: 'FFFF000000000000' }],
      }),
      file('4', '/media/videos/square.mp4', {
        parent_folder_id: '2',
        width: 1000,
        height: 1000,
        duration: 90,
      }),
      file('5', '/media/images/img1.jpg', {
        typename: 'ImageFile',
        parent_folder_id: '3',
        width: 4000,
        height: 3000,
        format: 'jpg',
      }),
      file('6', '/media/images/img2.png', {
        typename: 'ImageFile',
        parent_folder_id: '3',
        width: 640,
        height: 480,
        format: 'png',
      }),
      file('7', '/media/images/set.zip', {
        typename: 'GalleryFile',
        parent_folder_id: '3',
        fingerprints: [{ type: 'md5', value: 'zip7' }],
      }),
    ],
    Scene: [
      scene('1', {
        title: 'Sunset Beach',
        details: 'A warm evening',
        code: 'ABC-1',
        director: 'Dee',
        urls: ['https://example.com/s1'],
        date: '2020-06-15',
        rating100: 80,
        organized: true,
        interactive: true,
        interactive_speed: 50,
        captions: [{ language_code: 'en', caption_type: 'srt' }],
        resume_time: 10.5,
        play_duration: 100.9,
        o_history: ['2024-02-01T00:00:00Z', '2024-02-02T00:00:00Z', '2024-02-03T00:00:00Z'],
        play_history: ['2024-03-01T00:00:00Z', '2024-03-05T00:00:00Z'],
        file_ids: ['1'],
        studio_id: '2',
        tag_ids: ['3'],
        performer_ids: ['1', '2'],
        gallery_ids: ['1'],
        groups: [{ group_id: '1', scene_index: 1 }],
        stash_ids: [{ endpoint: STASHDB, stash_id: 'abc', updated_at: T0 }],
        created_at: '2024-01-10T12:00:00Z',
        updated_at: '2024-05-01T00:00:00Z',
      }),
      scene('2', {
        title: 'kitchen talk',
        file_ids: ['2'],
        studio_id: '4',
        tag_ids: ['5', '2'],
        performer_ids: ['2'],
        date: '2021-01-01',
        groups: [{ group_id: '2', scene_index: 3 }],
        urls: ['https://other.example/k'],
        o_history: ['2024-02-01T00:00:00Z'],
        created_at: '2024-01-11T12:00:00Z',
      }),
      scene('3', { file_ids: ['3'], created_at: '2024-01-12T12:00:00Z' }),
      scene('4', {
        title: 'Square one',
        file_ids: ['4'],
        performer_ids: ['3'],
        tag_ids: ['4'],
        studio_id: '3',
        date: '2019',
        rating100: 20,
        details: '   ',
        created_at: '2024-01-13T12:00:00Z',
      }),
    ],
    SceneMarker: [
      marker('1', '1', '3', { title: 'Kiss', seconds: 10, end_seconds: 20 }),
      marker('2', '1', '1', { seconds: 50, tag_ids: ['4'] }),
      marker('3', '2', '5', { title: 'Chop', seconds: 5, end_seconds: 65 }),
    ],
    Gallery: [
      gallery('1', {
        title: 'Beach set',
        file_ids: ['7'],
        image_ids: ['1', '2'],
        performer_ids: ['1'],
        studio_id: '1',
        tag_ids: ['2'],
        date: '2020-06-01',
      }),
      gallery('2', { folder_id: '3', image_ids: ['2'] }),
    ],
    GalleryChapter: chapters,
    Image: [
      image('1', { title: 'Img One', file_ids: ['5'], o_counter: 2, performer_ids: ['1'], studio_id: '2' }),
      image('2', { file_ids: ['6'], tag_ids: ['1'] }),
    ],
  });
}
