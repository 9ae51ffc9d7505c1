import { MockStashError } from '../errors';
import type { SceneMarkerRow, SceneRow } from '../db/rows';
import type { FieldTable } from './compileFilter';
import { date, hier, multi, num, related, ts } from './fieldKinds';
import type { FilterContext } from './filterContext';
import { hierarchicalParts } from './multiCriterion';

const scene = (m: SceneMarkerRow, ctx: FilterContext): SceneRow | undefined =>
  ctx.db.get('Scene', m.scene_id);

/**
 * Marker `tags` (Stash's sceneMarkerFilterHandler): the primary tag counts as a tag, except for
 * IS_NULL / NOT_NULL, which look at the extra tags only; EQUALS means exactly these tags.
 */
function markerTags(input: any, ctx: FilterContext, field: string) {
  const original = String(input?.modifier);
  if (original === 'IS_NULL') return (m: SceneMarkerRow) => m.tag_ids.length === 0;
  if (original === 'NOT_NULL') return (m: SceneMarkerRow) => m.tag_ids.length > 0;
  if (original === 'NOT_EQUALS')
    throw new MockStashError('not equals modifier is not supported for scene marker tags');
  if (original === 'EQUALS' && input.depth != null && input.depth !== 0) {
    throw new MockStashError('depth is not supported for equals modifier for marker tag filtering');
  }
  if (!['INCLUDES', 'INCLUDES_ALL', 'EXCLUDES', 'EQUALS'].includes(original)) {
    throw new MockStashError(`invalid modifier ${original} for ${field}`);
  }
  const { modifier, depth, value, excludes } = hierarchicalParts(input, field);
  if (value.length === 0 && excludes.length === 0) return null;
  const roots = value.map((id) => ctx.expand('tag', id, depth));
  const banned = new Set(excludes.flatMap((id) => [...ctx.expand('tag', id, depth)]));
  return (m: SceneMarkerRow) => {
    const ids = [m.primary_tag_id, ...m.tag_ids];
    if (roots.length > 0) {
      const hit =
        modifier === 'INCLUDES'
          ? ids.some((id) => roots.some((r) => r.has(id)))
          : roots.every((r) => ids.some((id) => r.has(id)));
      if (!hit) return false;
      if (modifier === 'EQUALS' && m.tag_ids.length !== value.length - 1) return false;
    }
    return !ids.some((id) => banned.has(id));
  };
}

/** SceneMarkerFilterType has no AND / OR / NOT. */
export const sceneMarkerFields: FieldTable<SceneMarkerRow> = {
  tags: markerTags,
  scene_tags: hier('tag', (m, ctx) => scene(m, ctx)?.tag_ids ?? []),
  performers: multi((m, ctx) => scene(m, ctx)?.performer_ids ?? []),
  scenes: multi((m) => [m.scene_id]),
  duration: num((m) => (m.end_seconds == null ? null : m.end_seconds - m.seconds)),
  created_at: ts((m) => m.created_at),
  updated_at: ts((m) => m.updated_at),
  scene_date: date((m, ctx) => scene(m, ctx)?.date ?? null),
  scene_created_at: ts((m, ctx) => scene(m, ctx)?.created_at ?? null),
  scene_updated_at: ts((m, ctx) => scene(m, ctx)?.updated_at ?? null),
  scene_filter: related('Scene', (m) => [m.scene_id]),
};
