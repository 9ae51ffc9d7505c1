import type {
  FileRow,
  FolderRow,
  GalleryRow,
  MockDbReader,
  RowsByTable,
  SceneRow,
  TableName,
} from '../db/rows';
import { cachesDerived, derived } from '../db/derivedCache';
import type { FilterEntity, FilterInput, Predicate } from './types';

export type CompileFn = (
  entity: FilterEntity,
  filter: FilterInput | null | undefined,
  ctx: FilterContext,
) => Predicate<any> | null;

type Hierarchy = 'tag' | 'studio' | 'group' | 'folder';

/**
 * What compiled criteria read besides the row: the db, the clock, and derived indexes (inverse links
 * the db does not index, hierarchy expansions). These depend on the rows only, so they are built once
 * per db version and shared by later requests (see derivedCache); one context serves a whole request.
 */
export class FilterContext {
  private readonly memos = new Map<string, unknown>();

  constructor(
    readonly db: MockDbReader,
    readonly compile: CompileFn,
    readonly now: Date = new Date(),
  ) {}

  /** A value derived from the rows only (never from the clock or the filter). */
  memo<T>(key: string, build: () => T): T {
    if (cachesDerived(this.db)) return derived(this.db, `filter:${key}`, build);
    if (this.memos.has(key)) return this.memos.get(key) as T;
    const v = build();
    this.memos.set(key, v);
    return v;
  }

  rows<T extends TableName>(table: T, ids: readonly string[]): RowsByTable[T][] {
    const out: RowsByTable[T][] = [];
    for (const id of ids) {
      const row = this.db.get(table, id);
      if (row) out.push(row);
    }
    return out;
  }

  files(ids: readonly string[]): FileRow[] {
    return this.rows('File', ids);
  }

  primaryFile(ids: readonly string[]): FileRow | undefined {
    return ids.length > 0 ? this.db.get('File', ids[0]) : undefined;
  }

  folder(id: string | null | undefined): FolderRow | undefined {
    return id == null ? undefined : this.db.get('Folder', id);
  }

  /** Direct children in a hierarchy (tags and groups have several parents; studios and folders one). */
  children(kind: Hierarchy, id: string): readonly string[] {
    switch (kind) {
      case 'tag':
        return this.db.tagChildren(id);
      case 'studio':
        return this.db.studioChildren(id);
      case 'group':
        return this.db.subGroups(id);
      default:
        return (
          this.inverse('Folder', 'folder-children', (f) =>
            f.parent_folder_id ? [f.parent_folder_id] : [],
          ).get(id) ?? []
        );
    }
  }

  parents(kind: Hierarchy, id: string): readonly string[] {
    switch (kind) {
      case 'tag':
        return this.db.get('Tag', id)?.parent_ids ?? [];
      case 'studio': {
        const p = this.db.get('Studio', id)?.parent_id;
        return p ? [p] : [];
      }
      case 'group':
        return this.db.get('Group', id)?.containing_groups.map((g) => g.group_id) ?? [];
      default: {
        const p = this.db.get('Folder', id)?.parent_folder_id;
        return p ? [p] : [];
      }
    }
  }

  /** `id` plus `depth` levels of descendants (-1: all), as Stash's getHierarchicalValues. */
  expand(kind: Hierarchy, id: string, depth: number): ReadonlySet<string> {
    return this.memo(`expand:${kind}:${id}:${depth}`, () => {
      const out = new Set([id]);
      this.walk(out, [id], depth, (x) => this.children(kind, x));
      return out;
    });
  }

  /** Strict descendants (`down`) or ancestors within `levels` levels (-1: all). */
  reach(kind: Hierarchy, id: string, levels: number, direction: 'down' | 'up'): ReadonlySet<string> {
    return this.memo(`reach:${kind}:${id}:${levels}:${direction}`, () => {
      const out = new Set<string>();
      const step =
        direction === 'down' ? (x: string) => this.children(kind, x) : (x: string) => this.parents(kind, x);
      let frontier = [id];
      for (let level = 0; frontier.length > 0 && (levels < 0 || level < levels); level++) {
        const next: string[] = [];
        for (const x of frontier) {
          for (const y of step(x)) {
            if (!out.has(y)) {
              out.add(y);
              next.push(y);
            }
          }
        }
        frontier = next;
      }
      return out;
    });
  }

  private walk(
    out: Set<string>,
    start: string[],
    depth: number,
    step: (id: string) => readonly string[],
  ): void {
    let frontier = start;
    for (let level = 0; frontier.length > 0 && (depth < 0 || level < depth); level++) {
      const next: string[] = [];
      for (const x of frontier) {
        for (const y of step(x)) {
          if (!out.has(y)) {
            out.add(y);
            next.push(y);
          }
        }
      }
      frontier = next;
    }
  }

  /** A lazily built inverse index: for each row of `table`, the ids `keys(row)` map back to that row's id. */
  inverse<T extends TableName>(
    table: T,
    name: string,
    keys: (row: RowsByTable[T]) => readonly string[],
  ): ReadonlyMap<string, string[]> {
    return this.memo(`inverse:${name}`, () => {
      const index = new Map<string, string[]>();
      for (const row of this.db.table(table).values()) {
        for (const key of keys(row)) {
          const list = index.get(key);
          if (list) list.push((row as { id: string }).id);
          else index.set(key, [(row as { id: string }).id]);
        }
      }
      return index;
    });
  }

  performersWithTag(tagId: string): readonly string[] {
    return this.inverse('Performer', 'performer-tags', (p) => p.tag_ids).get(tagId) ?? [];
  }

  studiosWithTag(tagId: string): readonly string[] {
    return this.inverse('Studio', 'studio-tags', (s) => s.tag_ids).get(tagId) ?? [];
  }

  groupsWithTag(tagId: string): readonly string[] {
    return this.inverse('Group', 'group-tags', (g) => g.tag_ids).get(tagId) ?? [];
  }

  /** Markers whose primary tag or extra tags include the tag (Stash's marker_count). */
  markersWithTag(tagId: string): readonly string[] {
    return (
      this.inverse('SceneMarker', 'marker-tags', (m) => [...new Set([m.primary_tag_id, ...m.tag_ids])]).get(
        tagId,
      ) ?? []
    );
  }

  galleriesOfImage(imageId: string): readonly string[] {
    return this.inverse('Gallery', 'gallery-images', (g) => g.image_ids).get(imageId) ?? [];
  }

  chaptersOfGallery(galleryId: string): readonly string[] {
    return this.inverse('GalleryChapter', 'gallery-chapters', (c) => [c.gallery_id]).get(galleryId) ?? [];
  }

  galleriesInFolder(folderId: string): readonly string[] {
    return (
      this.inverse('Gallery', 'gallery-folder', (g) => (g.folder_id ? [g.folder_id] : [])).get(folderId) ?? []
    );
  }

  filesInFolder(folderId: string): readonly string[] {
    return this.inverse('File', 'file-folder', (f) => [f.parent_folder_id]).get(folderId) ?? [];
  }

  scenesOfFile(fileId: string): readonly string[] {
    return this.inverse('Scene', 'scene-files', (s) => s.file_ids).get(fileId) ?? [];
  }

  imagesOfFile(fileId: string): readonly string[] {
    return this.inverse('Image', 'image-files', (i) => i.file_ids).get(fileId) ?? [];
  }

  galleriesOfFile(fileId: string): readonly string[] {
    return this.inverse('Gallery', 'gallery-files', (g: GalleryRow) => g.file_ids).get(fileId) ?? [];
  }

  /** How many files carry each phash (lower-case hex), for `duplicated`. */
  phashCounts(): ReadonlyMap<string, number> {
    return this.memo('phash-counts', () => {
      const counts = new Map<string, number>();
      for (const f of this.db.table('File').values()) {
        for (const fp of f.fingerprints) {
          if (fp.type === 'phash')
            counts.set(fp.value.toLowerCase(), (counts.get(fp.value.toLowerCase()) ?? 0) + 1);
        }
      }
      return counts;
    });
  }

  /** Markers of a scene. */
  markersOfScene(sceneId: string): readonly string[] {
    return this.db.markersOf('scene', sceneId);
  }

  sceneOCount(scene: SceneRow): number {
    return scene.o_history.length;
  }

  scenePlayCount(scene: SceneRow): number {
    return scene.play_history.length;
  }
}
