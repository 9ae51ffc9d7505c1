import { DEFAULT_SEED, DEFAULT_SIZE, generateDataset, rfc3339, type Dataset } from '../data/generateDataset';
import type { MockDbReader, RowsByTable, TableName } from './rows';
import { sortSubGroupLists } from './subGroupOrder';

type InverseKind = 'performer' | 'tag' | 'studio' | 'group' | 'gallery' | 'scene';

interface Indexes {
  tagChildren: Map<string, string[]>;
  studioChildren: Map<string, string[]>;
  subGroups: Map<string, string[]>;
  scenes: Map<InverseKind, Map<string, string[]>>;
  images: Map<InverseKind, Map<string, string[]>>;
  galleries: Map<InverseKind, Map<string, string[]>>;
  markers: Map<InverseKind, Map<string, string[]>>;
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function kinds(...names: InverseKind[]): Map<InverseKind, Map<string, string[]>> {
  return new Map(names.map((n) => [n, new Map()]));
}

const EMPTY: readonly string[] = Object.freeze([]);

/**
 * The mock's in-memory database: tables of rows (relationships owned by one side, as in rows.ts),
 * inverse indexes rebuilt lazily after writes, and the write primitives mutations use.
 * Rows are treated as immutable: an update stores a new row object in the same table position.
 * Every write moves `version`, which invalidates everything derived from the rows (see derivedCache).
 */
export class MockDb implements MockDbReader {
  private data: Dataset;
  private indexes: Indexes | null = null;
  private nextIds = new Map<TableName, number>();
  private writes = 0;
  /** One per open transaction: the tables it has written, as they were when it began. */
  private readonly snapshots: Map<TableName, Map<string, unknown>>[] = [];

  constructor(
    readonly seed: number = DEFAULT_SEED,
    readonly size: number = DEFAULT_SIZE,
  ) {
    this.data = generateDataset(seed, size);
    this.resetIds();
  }

  /** Back to the seed state (regenerates: the dataset is a pure function of seed and size). */
  reset(): void {
    this.data = generateDataset(this.seed, this.size);
    this.indexes = null;
    this.writes++;
    this.resetIds();
  }

  /** A counter that moves on every write, reset and rolled-back transaction. */
  get version(): number {
    return this.writes;
  }

  /** Called before a table changes: moves the version and saves the table for open transactions. */
  private writing(name: TableName): void {
    this.writes++;
    this.indexes = null;
    for (const snapshot of this.snapshots) {
      if (!snapshot.has(name)) snapshot.set(name, new Map(this.data[name] as Map<string, unknown>));
    }
  }

  private resetIds(): void {
    this.nextIds.clear();
    for (const name of Object.keys(this.data) as TableName[]) {
      let max = 0;
      for (const id of this.data[name].keys()) max = Math.max(max, Number(id));
      this.nextIds.set(name, max + 1);
    }
  }

  table<T extends TableName>(name: T): ReadonlyMap<string, RowsByTable[T]> {
    return this.data[name] as ReadonlyMap<string, RowsByTable[T]>;
  }

  get<T extends TableName>(name: T, id: string): RowsByTable[T] | undefined {
    return this.data[name].get(id) as RowsByTable[T] | undefined;
  }

  // --- writes -------------------------------------------------------------------------------

  /**
   * Runs `fn` all-or-nothing: if it throws, every table is restored (Stash runs each mutation in one
   * transaction). Tables are copied on their first write only, so a mutation costs what it touches.
   */
  transaction<T>(fn: () => T): T {
    const snapshot = new Map<TableName, Map<string, unknown>>();
    const ids = new Map(this.nextIds);
    this.snapshots.push(snapshot);
    try {
      return fn();
    } catch (error) {
      const data = this.data as Record<TableName, Map<string, unknown>>;
      for (const [name, rows] of snapshot) data[name] = rows;
      this.nextIds = ids;
      this.indexes = null;
      this.writes++;
      throw error;
    } finally {
      this.snapshots.splice(this.snapshots.lastIndexOf(snapshot), 1);
    }
  }

  /** Inserts a row with the next id of its table and returns it. */
  insert<T extends TableName>(name: T, row: Omit<RowsByTable[T], 'id'>): RowsByTable[T] {
    const id = String(this.nextIds.get(name) ?? 1);
    this.nextIds.set(name, Number(id) + 1);
    const full = { ...row, id } as RowsByTable[T];
    this.writing(name);
    (this.data[name] as Map<string, RowsByTable[T]>).set(id, full);
    return full;
  }

  /** Replaces fields of a row (a new object at the same position) and returns the new row. */
  update<T extends TableName>(name: T, id: string, patch: Partial<RowsByTable[T]>): RowsByTable[T] {
    const table = this.data[name] as Map<string, RowsByTable[T]>;
    const old = table.get(id);
    if (!old) throw new Error(`MockStash: ${name} ${id} does not exist`);
    const next = { ...old, ...patch, id } as RowsByTable[T];
    this.writing(name);
    table.set(id, next);
    return next;
  }

  /** Updates a row and bumps its `updated_at` (tables that have one). */
  touch<T extends TableName>(
    name: T,
    id: string,
    patch: Partial<RowsByTable[T]>,
    now: string = nowTime(),
  ): RowsByTable[T] {
    const row = this.get(name, id);
    const withTime = row && 'updated_at' in row ? { ...patch, updated_at: now } : patch;
    return this.update(name, id, withTime as Partial<RowsByTable[T]>);
  }

  /** Deletes a row and removes references to it elsewhere, as Stash's foreign keys do. */
  delete(name: TableName, id: string): boolean {
    if (!this.data[name].has(id)) return false;
    this.writing(name);
    this.data[name].delete(id);
    const strip = <T extends TableName>(table: T, field: keyof RowsByTable[T]) => {
      for (const row of this.data[table].values()) {
        const list = (row as any)[field] as string[];
        if (list.includes(id)) this.update(table, row.id, { [field]: list.filter((x) => x !== id) } as any);
      }
    };
    const nullify = <T extends TableName>(table: T, field: keyof RowsByTable[T]) => {
      for (const row of this.data[table].values()) {
        if ((row as any)[field] === id) this.update(table, row.id, { [field]: null } as any);
      }
    };
    switch (name) {
      case 'Tag':
        for (const t of ['Scene', 'Performer', 'Studio', 'Gallery', 'Image', 'Group', 'SceneMarker'] as const)
          strip(t, 'tag_ids');
        strip('Tag', 'parent_ids');
        for (const m of [...this.data.SceneMarker.values()])
          if (m.primary_tag_id === id) this.delete('SceneMarker', m.id);
        break;
      case 'Performer':
        for (const t of ['Scene', 'Gallery', 'Image'] as const) strip(t, 'performer_ids');
        break;
      case 'Studio':
        for (const t of ['Scene', 'Gallery', 'Image', 'Group'] as const) nullify(t, 'studio_id');
        nullify('Studio', 'parent_id');
        break;
      case 'Gallery':
        strip('Scene', 'gallery_ids');
        for (const c of [...this.data.GalleryChapter.values()])
          if (c.gallery_id === id) this.delete('GalleryChapter', c.id);
        break;
      case 'Image':
        strip('Gallery', 'image_ids');
        nullify('Gallery', 'cover_image_id');
        break;
      case 'Group':
        for (const s of this.data.Scene.values()) {
          if (s.groups.some((g) => g.group_id === id))
            this.update('Scene', s.id, { groups: s.groups.filter((g) => g.group_id !== id) });
        }
        for (const g of this.data.Group.values()) {
          if (g.containing_groups.some((c) => c.group_id === id)) {
            this.update('Group', g.id, {
              containing_groups: g.containing_groups.filter((c) => c.group_id !== id),
            });
          }
        }
        break;
      case 'Scene':
        for (const m of [...this.data.SceneMarker.values()])
          if (m.scene_id === id) this.delete('SceneMarker', m.id);
        break;
      default:
        break;
    }
    return true;
  }

  // --- derived look-ups ---------------------------------------------------------------------

  private idx(): Indexes {
    if (this.indexes) return this.indexes;
    const ix: Indexes = {
      tagChildren: new Map(),
      studioChildren: new Map(),
      subGroups: new Map(),
      scenes: kinds('performer', 'tag', 'studio', 'group', 'gallery'),
      images: kinds('performer', 'tag', 'studio', 'gallery'),
      galleries: kinds('performer', 'tag', 'studio', 'scene'),
      markers: kinds('scene', 'tag'),
    };
    for (const t of this.data.Tag.values()) for (const p of t.parent_ids) push(ix.tagChildren, p, t.id);
    for (const s of this.data.Studio.values()) if (s.parent_id) push(ix.studioChildren, s.parent_id, s.id);
    for (const g of this.data.Group.values())
      for (const c of g.containing_groups) push(ix.subGroups, c.group_id, g.id);
    sortSubGroupLists(ix.subGroups, this.data.Group);
    const sc = ix.scenes;
    const ga = ix.galleries;
    for (const s of this.data.Scene.values()) {
      for (const p of s.performer_ids) push(sc.get('performer')!, p, s.id);
      for (const t of s.tag_ids) push(sc.get('tag')!, t, s.id);
      if (s.studio_id) push(sc.get('studio')!, s.studio_id, s.id);
      for (const g of s.groups) push(sc.get('group')!, g.group_id, s.id);
      for (const g of s.gallery_ids) {
        push(sc.get('gallery')!, g, s.id);
        push(ga.get('scene')!, s.id, g);
      }
    }
    const im = ix.images;
    for (const i of this.data.Image.values()) {
      for (const p of i.performer_ids) push(im.get('performer')!, p, i.id);
      for (const t of i.tag_ids) push(im.get('tag')!, t, i.id);
      if (i.studio_id) push(im.get('studio')!, i.studio_id, i.id);
    }
    for (const g of this.data.Gallery.values()) {
      for (const p of g.performer_ids) push(ga.get('performer')!, p, g.id);
      for (const t of g.tag_ids) push(ga.get('tag')!, t, g.id);
      if (g.studio_id) push(ga.get('studio')!, g.studio_id, g.id);
      for (const i of g.image_ids) push(im.get('gallery')!, g.id, i);
    }
    for (const m of this.data.SceneMarker.values()) {
      push(ix.markers.get('scene')!, m.scene_id, m.id);
      push(ix.markers.get('tag')!, m.primary_tag_id, m.id);
      for (const t of m.tag_ids) if (t !== m.primary_tag_id) push(ix.markers.get('tag')!, t, m.id);
    }
    // Galleries list their images in gallery order; Image.galleries wants galleries in id order.
    const galleriesOfImage = new Map<string, string[]>();
    for (const g of this.data.Gallery.values()) for (const i of g.image_ids) push(galleriesOfImage, i, g.id);
    this.galleriesOfImage = galleriesOfImage;
    for (const list of ga.get('scene')!.values()) list.sort((a, b) => Number(a) - Number(b));
    this.indexes = ix;
    return ix;
  }

  private galleriesOfImage = new Map<string, string[]>();

  tagChildren(id: string): string[] {
    return (this.idx().tagChildren.get(id) ?? EMPTY) as string[];
  }

  studioChildren(id: string): string[] {
    return (this.idx().studioChildren.get(id) ?? EMPTY) as string[];
  }

  subGroups(id: string): string[] {
    return (this.idx().subGroups.get(id) ?? EMPTY) as string[];
  }

  scenesOf(kind: 'performer' | 'tag' | 'studio' | 'group' | 'gallery', id: string): string[] {
    return (this.idx().scenes.get(kind)!.get(id) ?? EMPTY) as string[];
  }

  /** For kind `gallery`: the gallery's images in gallery order. */
  imagesOf(kind: 'performer' | 'tag' | 'studio' | 'gallery', id: string): string[] {
    return (this.idx().images.get(kind)!.get(id) ?? EMPTY) as string[];
  }

  galleriesOf(kind: 'performer' | 'tag' | 'studio' | 'scene', id: string): string[] {
    return (this.idx().galleries.get(kind)!.get(id) ?? EMPTY) as string[];
  }

  markersOf(kind: 'scene' | 'tag', id: string): string[] {
    return (this.idx().markers.get(kind)!.get(id) ?? EMPTY) as string[];
  }

  /** Galleries that contain an image, in gallery id order. */
  galleriesOfImageId(id: string): string[] {
    this.idx();
    return (this.galleriesOfImage.get(id) ?? EMPTY) as string[];
  }

  /** Ids of a tag's/studio's/group's descendants up to `depth` levels (-1 = all), excluding itself. */
  descendants(kind: 'Tag' | 'Studio' | 'Group', id: string, depth: number): string[] {
    const childrenOf = (x: string) =>
      kind === 'Tag' ? this.tagChildren(x) : kind === 'Studio' ? this.studioChildren(x) : this.subGroups(x);
    const seen = new Set<string>([id]);
    let frontier = [id];
    for (let level = 0; frontier.length > 0 && (depth < 0 || level < depth); level++) {
      const next: string[] = [];
      for (const x of frontier)
        for (const c of childrenOf(x)) {
          if (seen.has(c)) continue;
          seen.add(c);
          next.push(c);
        }
      frontier = next;
    }
    seen.delete(id);
    return [...seen];
  }
}

/** The current time as Stash prints `Time`. */
export function nowTime(): string {
  return rfc3339(Date.now());
}

/** A database for a seed and size (defaults: seed 1, 2,000 scenes). */
export function createDb(options: { seed?: number; size?: number } = {}): MockDb {
  return new MockDb(options.seed ?? DEFAULT_SEED, options.size ?? DEFAULT_SIZE);
}
