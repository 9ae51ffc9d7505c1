import { MockStashError } from '../errors';
import type { PerformerRow } from '../db/rows';
import type { FieldTable } from './compileFilter';
import { compileCustomFieldCriterion } from './customFieldCriterion';
import { blank, bool, date, hier, isMissing, num, related, str, strList, ts } from './fieldKinds';
import type { FilterContext } from './filterContext';
import { compileStashIdCriterion } from './mediaCriteria';
import { compileEnumCriterion, hierarchicalParts, type IdsTest } from './multiCriterion';
import { ageAt, todayUtc, yearOf } from './numberCriterion';
import type { FilterInput } from './types';

const scenes = (p: PerformerRow, ctx: FilterContext) => ctx.db.scenesOf('performer', p.id);
const images = (p: PerformerRow, ctx: FilterContext) => ctx.db.imagesOf('performer', p.id);
const galleries = (p: PerformerRow, ctx: FilterContext) => ctx.db.galleriesOf('performer', p.id);

/** Studios of everything the performer appears in (scenes, images, galleries). */
function performerStudios(p: PerformerRow, ctx: FilterContext): string[] {
  const out = new Set<string>();
  for (const s of ctx.rows('Scene', scenes(p, ctx))) if (s.studio_id) out.add(s.studio_id);
  for (const i of ctx.rows('Image', images(p, ctx))) if (i.studio_id) out.add(i.studio_id);
  for (const g of ctx.rows('Gallery', galleries(p, ctx))) if (g.studio_id) out.add(g.studio_id);
  return [...out];
}

function performerGroups(p: PerformerRow, ctx: FilterContext): string[] {
  const out = new Set<string>();
  for (const s of ctx.rows('Scene', scenes(p, ctx))) for (const g of s.groups) out.add(g.group_id);
  return [...out];
}

/** Performers sharing a scene, image or gallery with this one. */
function coPerformers(p: PerformerRow, ctx: FilterContext): string[] {
  const out = new Set<string>();
  for (const s of ctx.rows('Scene', scenes(p, ctx))) for (const id of s.performer_ids) out.add(id);
  for (const i of ctx.rows('Image', images(p, ctx))) for (const id of i.performer_ids) out.add(id);
  for (const g of ctx.rows('Gallery', galleries(p, ctx))) for (const id of g.performer_ids) out.add(id);
  out.delete(p.id);
  return [...out];
}

/**
 * Performer `studios` / `groups` (Stash: derived performer_studio / performer_group tables):
 * INCLUDES means "appears in content of one of them" (with hierarchy depth), EXCLUDES the opposite,
 * IS_NULL / NOT_NULL whether any such content exists. INCLUDES_ALL needs every value.
 */
function appearsIn(kind: 'studio' | 'group', get: (p: PerformerRow, ctx: FilterContext) => string[]) {
  return (input: FilterInput, ctx: FilterContext, field: string) => {
    const original = String(input?.modifier);
    if (original === 'IS_NULL') return (p: PerformerRow) => get(p, ctx).length === 0;
    if (original === 'NOT_NULL') return (p: PerformerRow) => get(p, ctx).length > 0;
    if (!['INCLUDES', 'INCLUDES_ALL', 'EXCLUDES'].includes(original)) {
      throw new MockStashError(`invalid modifier ${original} for ${field}`);
    }
    const { modifier, depth, value, excludes } = hierarchicalParts(input, field);
    if (value.length === 0 && excludes.length === 0) return null;
    const roots = value.map((id) => ctx.expand(kind, id, depth));
    const banned = new Set(excludes.flatMap((id) => [...ctx.expand(kind, id, depth)]));
    const test: IdsTest = (ids) =>
      (roots.length === 0 ||
        (modifier === 'INCLUDES'
          ? ids.some((id) => roots.some((r) => r.has(id)))
          : roots.every((r) => ids.some((id) => r.has(id))))) &&
      !ids.some((id) => banned.has(id));
    return (p: PerformerRow) => test(get(p, ctx));
  };
}

export const performerFields: FieldTable<PerformerRow> = {
  name: str((p) => p.name),
  disambiguation: str((p) => p.disambiguation),
  details: str((p) => p.details),
  filter_favorites: bool((p) => p.favorite),
  birth_year: num((p) => yearOf(p.birthdate)),
  // age at death, or today
  age: num((p, ctx) => ageAt(p.birthdate, p.death_date ?? todayUtc(ctx.now))),
  ethnicity: str((p) => p.ethnicity),
  country: str((p) => p.country),
  eye_color: str((p) => p.eye_color),
  height_cm: num((p) => p.height_cm),
  measurements: str((p) => p.measurements),
  fake_tits: str((p) => p.fake_tits),
  penis_length: num((p) => p.penis_length),
  circumcised: (input, _ctx, field) => {
    const test = compileEnumCriterion(input?.modifier, (input?.value ?? []).map(String), field);
    return test && ((p: PerformerRow) => test(p.circumcised));
  },
  career_length: str((p) => p.career_length),
  tattoos: str((p) => p.tattoos),
  piercings: str((p) => p.piercings),
  aliases: strList((p) => p.alias_list),
  gender: (input, _ctx, field) => {
    const list: string[] = (input?.value_list ?? []).map(String);
    if (list.length === 0 && input?.value != null) list.push(String(input.value));
    const test = compileEnumCriterion(input?.modifier, list, field);
    return test && ((p: PerformerRow) => test(p.gender));
  },
  is_missing: isMissing<PerformerRow>('Performer', {
    url: (p) => p.urls.length === 0,
    scenes: (p, ctx) => scenes(p, ctx).length === 0,
    image: (p) => !p.has_image,
    stash_id: (p) => p.stash_ids.length === 0,
    aliases: (p) => p.alias_list.length === 0,
    disambiguation: (p) => blank(p.disambiguation),
    gender: (p) => blank(p.gender),
    birthdate: (p) => blank(p.birthdate),
    death_date: (p) => blank(p.death_date),
    ethnicity: (p) => blank(p.ethnicity),
    country: (p) => blank(p.country),
    eye_color: (p) => blank(p.eye_color),
    hair_color: (p) => blank(p.hair_color),
    height: (p) => p.height_cm == null,
    weight: (p) => p.weight == null,
    measurements: (p) => blank(p.measurements),
    fake_tits: (p) => blank(p.fake_tits),
    penis_length: (p) => p.penis_length == null,
    circumcised: (p) => blank(p.circumcised),
    career_length: (p) => blank(p.career_length),
    tattoos: (p) => blank(p.tattoos),
    piercings: (p) => blank(p.piercings),
    details: (p) => blank(p.details),
    rating: (p) => p.rating100 == null,
  }),
  tags: hier('tag', (p) => p.tag_ids),
  tag_count: num((p) => p.tag_ids.length),
  scene_count: num((p, ctx) => scenes(p, ctx).length),
  image_count: num((p, ctx) => images(p, ctx).length),
  gallery_count: num((p, ctx) => galleries(p, ctx).length),
  // distinct play times over the performer's scenes, as Stash counts view dates
  play_count: num((p, ctx) => new Set(ctx.rows('Scene', scenes(p, ctx)).flatMap((s) => s.play_history)).size),
  o_counter: num(
    (p, ctx) =>
      ctx.rows('Scene', scenes(p, ctx)).reduce((n, s) => n + s.o_history.length, 0) +
      ctx.rows('Image', images(p, ctx)).reduce((n, i) => n + i.o_counter, 0),
  ),
  stash_id_endpoint: (input) => {
    const test = compileStashIdCriterion(input);
    return (p: PerformerRow) => test(p.stash_ids);
  },
  rating100: num((p) => p.rating100),
  url: strList((p) => p.urls),
  hair_color: str((p) => p.hair_color),
  weight: num((p) => p.weight),
  death_year: num((p) => yearOf(p.death_date)),
  studios: appearsIn('studio', performerStudios),
  groups: appearsIn('group', performerGroups),
  performers: (input, ctx, field) => {
    const modifier = String(input?.modifier);
    if (modifier === 'IS_NULL') return (p: PerformerRow) => coPerformers(p, ctx).length === 0;
    if (modifier === 'NOT_NULL') return (p: PerformerRow) => coPerformers(p, ctx).length > 0;
    if (!['INCLUDES', 'INCLUDES_ALL', 'EXCLUDES'].includes(modifier)) {
      throw new MockStashError(`invalid modifier ${modifier} for ${field}`);
    }
    const value: string[] = (input.value ?? []).map(String);
    if (value.length === 0) return null;
    return (p: PerformerRow) => {
      const co = new Set(coPerformers(p, ctx));
      if (modifier === 'INCLUDES') return value.some((v) => co.has(v));
      if (modifier === 'INCLUDES_ALL') return value.every((v) => co.has(v));
      return !value.some((v) => co.has(v));
    };
  },
  ignore_auto_tag: bool((p) => p.ignore_auto_tag),
  birthdate: date((p) => p.birthdate),
  death_date: date((p) => p.death_date),
  scenes_filter: related('Scene', scenes),
  images_filter: related('Image', images),
  galleries_filter: related('Gallery', galleries),
  tags_filter: related('Tag', (p) => p.tag_ids),
  created_at: ts((p) => p.created_at),
  updated_at: ts((p) => p.updated_at),
  custom_fields: (input, _ctx, field) => {
    if (!Array.isArray(input)) throw new MockStashError(`${field}: expected a list of criteria`);
    const tests = input.map((c: FilterInput) => compileCustomFieldCriterion(c));
    if (tests.length === 0) return null;
    return (p: PerformerRow) => tests.every((t) => t(p.custom_fields ?? {}));
  },
};
