import type { GroupRow } from '../db/rows';
import type { FieldTable } from './compileFilter';
import { blank, date, hier, isMissing, multi, num, related, str, strList, studios, ts } from './fieldKinds';
import type { FilterContext } from './filterContext';
import { hierarchyRelation } from './hierarchyRelation';
import { castInt } from './numberCriterion';

const scenes = (g: GroupRow, ctx: FilterContext) => ctx.db.scenesOf('group', g.id);
const containing = (g: GroupRow) => g.containing_groups.map((c) => c.group_id);

/** Performers of the group's scenes. */
function groupPerformers(g: GroupRow, ctx: FilterContext): string[] {
  const out = new Set<string>();
  for (const s of ctx.rows('Scene', scenes(g, ctx))) for (const p of s.performer_ids) out.add(p);
  return [...out];
}

export const groupFields: FieldTable<GroupRow> = {
  name: str((g) => g.name),
  director: str((g) => g.director),
  synopsis: str((g) => g.synopsis),
  duration: num((g) => castInt(g.duration)),
  rating100: num((g) => g.rating100),
  studios: studios((g) => g.studio_id),
  is_missing: isMissing<GroupRow>('Group', {
    front_image: (g) => !g.has_front_image,
    back_image: (g) => !g.has_back_image,
    scenes: (g, ctx) => scenes(g, ctx).length === 0,
    aliases: (g) => blank(g.aliases),
    director: (g) => blank(g.director),
    synopsis: (g) => blank(g.synopsis),
    date: (g) => blank(g.date),
    rating: (g) => g.rating100 == null,
    duration: (g) => g.duration == null,
    url: (g) => g.urls.length === 0,
    studio: (g) => g.studio_id == null,
  }),
  url: strList((g) => g.urls),
  performers: multi(groupPerformers),
  tags: hier('tag', (g) => g.tag_ids),
  tag_count: num((g) => g.tag_ids.length),
  date: date((g) => g.date),
  created_at: ts((g) => g.created_at),
  updated_at: ts((g) => g.updated_at),
  o_counter: num((g, ctx) => ctx.rows('Scene', scenes(g, ctx)).reduce((n, s) => n + s.o_history.length, 0)),
  containing_groups: hierarchyRelation<GroupRow>('group', true, containing),
  sub_groups: hierarchyRelation<GroupRow>('group', false, (g, ctx) => ctx.db.subGroups(g.id)),
  containing_group_count: num((g) => g.containing_groups.length),
  sub_group_count: num((g, ctx) => ctx.db.subGroups(g.id).length),
  scenes_filter: related('Scene', scenes),
  studios_filter: related('Studio', (g) => (g.studio_id ? [g.studio_id] : [])),
};
