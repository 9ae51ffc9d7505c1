import type { StudioRow } from '../db/rows';
import type { FieldTable } from './compileFilter';
import { blank, bool, hier, isMissing, multi, num, related, str, strList, ts } from './fieldKinds';
import { compileStashIdCriterion } from './mediaCriteria';

export const studioFields: FieldTable<StudioRow> = {
  name: str((s) => s.name),
  details: str((s) => s.details),
  parents: multi((s) => (s.parent_id ? [s.parent_id] : [])),
  stash_id_endpoint: (input) => {
    const test = compileStashIdCriterion(input);
    return (s: StudioRow) => test(s.stash_ids);
  },
  tags: hier('tag', (s) => s.tag_ids),
  is_missing: isMissing<StudioRow>('Studio', {
    url: (s) => s.urls.length === 0,
    image: (s) => !s.has_image,
    stash_id: (s) => s.stash_ids.length === 0,
    details: (s) => blank(s.details),
    rating: (s) => s.rating100 == null,
    parent_id: (s) => s.parent_id == null,
  }),
  rating100: num((s) => s.rating100),
  favorite: bool((s) => s.favorite),
  scene_count: num((s, ctx) => ctx.db.scenesOf('studio', s.id).length),
  image_count: num((s, ctx) => ctx.db.imagesOf('studio', s.id).length),
  gallery_count: num((s, ctx) => ctx.db.galleriesOf('studio', s.id).length),
  tag_count: num((s) => s.tag_ids.length),
  url: strList((s) => s.urls),
  aliases: strList((s) => s.aliases),
  child_count: num((s, ctx) => ctx.db.studioChildren(s.id).length),
  ignore_auto_tag: bool((s) => s.ignore_auto_tag),
  scenes_filter: related('Scene', (s, ctx) => ctx.db.scenesOf('studio', s.id)),
  images_filter: related('Image', (s, ctx) => ctx.db.imagesOf('studio', s.id)),
  galleries_filter: related('Gallery', (s, ctx) => ctx.db.galleriesOf('studio', s.id)),
  created_at: ts((s) => s.created_at),
  updated_at: ts((s) => s.updated_at),
};
