import { blankGallery } from '../../db/blankRows';
import type { MockDb } from '../../db/MockDb';
import { nowTime } from '../../db/MockDb';
import type { GalleryRow, ImageRow } from '../../db/rows';
import { MockStashError } from '../../errors';
import type { ResolverContext } from '../context';
import { toId } from '../ids';
import {
  applyBulk,
  bulkTargets,
  bulkUpdate,
  has,
  legacyUrl,
  mustGet,
  relatedId,
  relatedIds,
  scalars,
  stringLists,
  type Input,
} from './changes';

type Resolver = (source: unknown, args: any, ctx: ResolverContext) => unknown;

const GALLERY_SCALARS = ['title', 'code', 'date', 'details', 'photographer', 'rating100'] as const;
const IMAGE_SCALARS = ['title', 'code', 'date', 'details', 'photographer', 'rating100'] as const;

/** The scene side owns scene↔gallery links, so a gallery's `scene_ids` rewrites scenes. */
function setGalleryScenes(db: MockDb, galleryId: string, sceneIds: string[], now: string): void {
  for (const s of db.table('Scene').values()) {
    const linked = s.gallery_ids.includes(galleryId);
    const should = sceneIds.includes(s.id);
    if (linked && !should)
      db.touch('Scene', s.id, { gallery_ids: s.gallery_ids.filter((g) => g !== galleryId) }, now);
    if (!linked && should) db.touch('Scene', s.id, { gallery_ids: [...s.gallery_ids, galleryId] }, now);
  }
}

/** The gallery side owns image order, so an image's `gallery_ids` rewrites galleries. */
function setImageGalleries(db: MockDb, imageId: string, galleryIds: string[], now: string): void {
  for (const g of db.table('Gallery').values()) {
    const linked = g.image_ids.includes(imageId);
    const should = galleryIds.includes(g.id);
    if (linked && !should) {
      db.touch(
        'Gallery',
        g.id,
        {
          image_ids: g.image_ids.filter((i) => i !== imageId),
          cover_image_id: g.cover_image_id === imageId ? null : g.cover_image_id,
        },
        now,
      );
    }
    if (!linked && should) db.touch('Gallery', g.id, { image_ids: [...g.image_ids, imageId] }, now);
  }
}

function galleryPatch(db: MockDb, input: Input, current: GalleryRow | null): Input {
  const patch: Input = {};
  scalars(input, GALLERY_SCALARS, patch);
  if (
    has(input, 'title') &&
    (!input.title || !String(input.title).trim()) &&
    !current?.file_ids.length &&
    !current?.folder_id
  ) {
    throw new MockStashError('title must not be blank');
  }
  if (has(input, 'organized')) patch.organized = input.organized ?? false;
  stringLists(input, { urls: 'urls' }, patch);
  legacyUrl(input, patch);
  if (has(input, 'studio_id')) patch.studio_id = relatedId(db, 'Studio', input.studio_id);
  if (has(input, 'tag_ids')) patch.tag_ids = relatedIds(db, 'Tag', input.tag_ids, 'tag ids');
  if (has(input, 'performer_ids'))
    patch.performer_ids = relatedIds(db, 'Performer', input.performer_ids, 'performer ids');
  if (current && has(input, 'primary_file_id') && input.primary_file_id !== null) {
    const fileId = toId(input.primary_file_id);
    if (!current.file_ids.includes(fileId))
      throw new MockStashError(`file with id ${fileId} not associated with gallery`);
    patch.file_ids = [fileId, ...current.file_ids.filter((f) => f !== fileId)];
  }
  return patch;
}

function saveGallery(db: MockDb, input: Input, current: GalleryRow | null): GalleryRow {
  const now = nowTime();
  const patch = galleryPatch(db, input, current);
  const sceneIds = has(input, 'scene_ids') ? relatedIds(db, 'Scene', input.scene_ids, 'scene ids') : null;
  const row = current
    ? db.touch('Gallery', current.id, patch, now)
    : db.insert('Gallery', {
        ...blankGallery(now),
        ...patch,
      });
  if (sceneIds) setGalleryScenes(db, row.id, sceneIds, now);
  return db.get('Gallery', row.id)!;
}

function imagePatch(db: MockDb, input: Input, current: ImageRow): Input {
  const patch: Input = {};
  scalars(input, IMAGE_SCALARS, patch);
  if (has(input, 'organized')) patch.organized = input.organized ?? false;
  stringLists(input, { urls: 'urls' }, patch);
  legacyUrl(input, patch);
  if (has(input, 'studio_id')) patch.studio_id = relatedId(db, 'Studio', input.studio_id);
  if (has(input, 'tag_ids')) patch.tag_ids = relatedIds(db, 'Tag', input.tag_ids, 'tag ids');
  if (has(input, 'performer_ids'))
    patch.performer_ids = relatedIds(db, 'Performer', input.performer_ids, 'performer ids');
  if (has(input, 'primary_file_id') && input.primary_file_id !== null) {
    const fileId = toId(input.primary_file_id);
    if (!current.file_ids.includes(fileId))
      throw new MockStashError(`file with id ${fileId} not associated with image`);
    patch.file_ids = [fileId, ...current.file_ids.filter((f) => f !== fileId)];
  }
  return patch;
}

function updateImage(db: MockDb, input: Input): ImageRow {
  const current = mustGet(db, 'Image', input.id);
  const now = nowTime();
  const patch = imagePatch(db, input, current);
  const galleryIds = has(input, 'gallery_ids')
    ? relatedIds(db, 'Gallery', input.gallery_ids, 'gallery ids')
    : null;
  db.touch('Image', current.id, patch, now);
  if (galleryIds) setImageGalleries(db, current.id, galleryIds, now);
  return db.get('Image', current.id)!;
}

function setO(db: MockDb, rawId: unknown, change: (n: number) => number): number {
  const image = mustGet(db, 'Image', rawId);
  return db.touch('Image', image.id, { o_counter: Math.max(0, change(image.o_counter)) }).o_counter;
}

export const galleryImageMutations: Record<string, Resolver> = {
  galleryCreate: (_, { input }, { db }) => saveGallery(db, input, null),
  galleryUpdate: (_, { input }, { db }) => saveGallery(db, input, mustGet(db, 'Gallery', input.id)),
  galleriesUpdate: (_, { input }: { input: Input[] }, { db }) =>
    input.map((i) => saveGallery(db, i, mustGet(db, 'Gallery', i.id))),
  bulkGalleryUpdate: (_, { input }, { db }) =>
    bulkUpdate(db, 'Gallery', input, {
      scalars: ['code', 'date', 'details', 'photographer', 'rating100'],
      flags: ['organized'],
      legacyUrl: true,
      idFields: { studio_id: 'Studio' },
      stringLists: ['urls'],
      idLists: {
        tag_ids: ['Tag', 'tag ids'],
        performer_ids: ['Performer', 'performer ids'],
        scene_ids: ['Scene', 'scene ids', (g) => db.scenesOf('gallery', g.id)],
      },
      after: (id, { scene_ids }, now) => {
        if (scene_ids) setGalleryScenes(db, id, scene_ids, now);
      },
    }),
  galleryDestroy: (_, { input }, { db }) => {
    for (const id of bulkTargets(db, 'Gallery', input.ids)) db.delete('Gallery', id);
    return true;
  },
  addGalleryImages: (_, { input }, { db }) => {
    const gallery = mustGet(db, 'Gallery', input.gallery_id);
    const ids = relatedIds(db, 'Image', input.image_ids, 'image ids');
    db.touch('Gallery', gallery.id, { image_ids: applyBulk(gallery.image_ids, ids, 'ADD') });
    return true;
  },
  removeGalleryImages: (_, { input }, { db }) => {
    const gallery = mustGet(db, 'Gallery', input.gallery_id);
    const ids = relatedIds(db, 'Image', input.image_ids, 'image ids');
    const cover =
      gallery.cover_image_id && ids.includes(gallery.cover_image_id) ? null : gallery.cover_image_id;
    db.touch('Gallery', gallery.id, {
      image_ids: applyBulk(gallery.image_ids, ids, 'REMOVE'),
      cover_image_id: cover,
    });
    return true;
  },
  setGalleryCover: (_, { input }, { db }) => {
    const gallery = mustGet(db, 'Gallery', input.gallery_id);
    const image = mustGet(db, 'Image', input.cover_image_id);
    if (!gallery.image_ids.includes(image.id))
      throw new MockStashError(`image ${image.id} is not in gallery ${gallery.id}`);
    db.touch('Gallery', gallery.id, { cover_image_id: image.id });
    return true;
  },
  resetGalleryCover: (_, { input }, { db }) => {
    const gallery = mustGet(db, 'Gallery', input.gallery_id);
    db.touch('Gallery', gallery.id, { cover_image_id: null });
    return true;
  },
  galleryChapterCreate: (_, { input }, { db }) => {
    const gallery = mustGet(db, 'Gallery', input.gallery_id);
    const now = nowTime();
    const row = db.insert('GalleryChapter', {
      title: String(input.title).trim(),
      image_index: input.image_index,
      gallery_id: gallery.id,
      created_at: now,
      updated_at: now,
    });
    return db.get('GalleryChapter', row.id);
  },
  galleryChapterUpdate: (_, { input }, { db }) => {
    const chapter = mustGet(db, 'GalleryChapter', input.id);
    const patch: Input = {};
    scalars(input, ['title', 'image_index'], patch);
    if (has(input, 'gallery_id') && input.gallery_id !== null)
      patch.gallery_id = relatedId(db, 'Gallery', input.gallery_id);
    return db.touch('GalleryChapter', chapter.id, patch);
  },
  galleryChapterDestroy: (_, { id }, { db }) =>
    db.delete('GalleryChapter', mustGet(db, 'GalleryChapter', id).id),

  imageUpdate: (_, { input }, { db }) => updateImage(db, input),
  imagesUpdate: (_, { input }: { input: Input[] }, { db }) => input.map((i) => updateImage(db, i)),
  bulkImageUpdate: (_, { input }, { db }) =>
    bulkUpdate(db, 'Image', input, {
      scalars: IMAGE_SCALARS,
      flags: ['organized'],
      legacyUrl: true,
      idFields: { studio_id: 'Studio' },
      stringLists: ['urls'],
      idLists: {
        tag_ids: ['Tag', 'tag ids'],
        performer_ids: ['Performer', 'performer ids'],
        gallery_ids: ['Gallery', 'gallery ids', (image) => db.galleriesOfImageId(image.id)],
      },
      after: (id, { gallery_ids }, now) => {
        if (gallery_ids) setImageGalleries(db, id, gallery_ids, now);
      },
    }),
  imageDestroy: (_, { input }, { db }) => db.delete('Image', mustGet(db, 'Image', input.id).id),
  imagesDestroy: (_, { input }, { db }) => {
    for (const id of bulkTargets(db, 'Image', input.ids)) db.delete('Image', id);
    return true;
  },
  imageIncrementO: (_, { id }, { db }) => setO(db, id, (n) => n + 1),
  imageDecrementO: (_, { id }, { db }) => setO(db, id, (n) => n - 1),
  imageResetO: (_, { id }, { db }) => setO(db, id, () => 0),
};
