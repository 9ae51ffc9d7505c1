import type { TagRow } from '../db/rows';
import type { FieldTable } from './compileFilter';
import { blank, bool, isMissing, num, related, str, strList, ts } from './fieldKinds';
import { hierarchyRelation } from './hierarchyRelation';
import { compileStashIdCriterion } from './mediaCriteria';

export const tagFields: FieldTable<TagRow> = {
  name: str((t) => t.name),
  sort_name: str((t) => t.sort_name),
  aliases: strList((t) => t.aliases),
  favorite: bool((t) => t.favorite),
  description: str((t) => t.description),
  is_missing: isMissing<TagRow>('Tag', {
    image: (t) => !t.has_image,
    description: (t) => blank(t.description),
    sort_name: (t) => blank(t.sort_name),
  }),
  scene_count: num((t, ctx) => ctx.db.scenesOf('tag', t.id).length),
  image_count: num((t, ctx) => ctx.db.imagesOf('tag', t.id).length),
  gallery_count: num((t, ctx) => ctx.db.galleriesOf('tag', t.id).length),
  performer_count: num((t, ctx) => ctx.performersWithTag(t.id).length),
  studio_count: num((t, ctx) => ctx.studiosWithTag(t.id).length),
  movie_count: num((t, ctx) => ctx.groupsWithTag(t.id).length),
  group_count: num((t, ctx) => ctx.groupsWithTag(t.id).length),
  marker_count: num((t, ctx) => ctx.markersWithTag(t.id).length),
  parents: hierarchyRelation<TagRow>('tag', true, (t) => t.parent_ids),
  children: hierarchyRelation<TagRow>('tag', false, (t, ctx) => ctx.db.tagChildren(t.id)),
  parent_count: num((t) => t.parent_ids.length),
  child_count: num((t, ctx) => ctx.db.tagChildren(t.id).length),
  ignore_auto_tag: bool((t) => t.ignore_auto_tag),
  stash_id_endpoint: (input) => {
    const test = compileStashIdCriterion(input);
    return (t: TagRow) => test(t.stash_ids);
  },
  scenes_filter: related('Scene', (t, ctx) => ctx.db.scenesOf('tag', t.id)),
  images_filter: related('Image', (t, ctx) => ctx.db.imagesOf('tag', t.id)),
  galleries_filter: related('Gallery', (t, ctx) => ctx.db.galleriesOf('tag', t.id)),
  created_at: ts((t) => t.created_at),
  updated_at: ts((t) => t.updated_at),
};
