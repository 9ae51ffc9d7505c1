import { MockStashError } from '../errors';
import type { FileRow, SceneRow } from '../db/rows';
import type { FieldTable } from './compileFilter';
import {
  blank,
  bool,
  date,
  duplicated,
  hasAny,
  hier,
  isMissing,
  joinedNum,
  joinedStr,
  multi,
  num,
  orientation,
  phashDistance,
  related,
  resolution,
  str,
  strList,
  studios,
  ts,
} from './fieldKinds';
import type { FilterContext } from './filterContext';
import { compileStashIdCriterion } from './mediaCriteria';
import { compileHierarchicalCriterion } from './multiCriterion';
import { ageAt, castInt, compileNumberCriterion } from './numberCriterion';

const files = (s: SceneRow, ctx: FilterContext): FileRow[] => ctx.files(s.file_ids);
const fingerprint = (f: FileRow, type: string) =>
  f.fingerprints.find((fp) => fp.type === type)?.value ?? null;
const groupIds = (s: SceneRow) => s.groups.map((g) => g.group_id);

/** Union of the tag ids of the given performers (Stash's performer_tags join). */
export function performerTagIds(ctx: FilterContext, performerIds: readonly string[]): string[] {
  const out = new Set<string>();
  for (const p of ctx.rows('Performer', performerIds)) for (const t of p.tag_ids) out.add(t);
  return [...out];
}

/** performer_tags: hierarchical tags of the row's performers; only INCLUDES / INCLUDES_ALL / EXCLUDES / IS_NULL / NOT_NULL. */
export function performerTags<R>(getPerformers: (row: R) => readonly string[]) {
  return (input: any, ctx: FilterContext) => {
    const test = compileHierarchicalCriterion(input, {
      label: 'performer tags',
      equals: 'reject',
      invalidModifier: (m) => `invalid modifier ${m} for performer tags`,
      expand: (id, depth) => ctx.expand('tag', id, depth),
    });
    return test && ((row: R) => test(performerTagIds(ctx, getPerformers(row))));
  };
}

/** performer_favorite: true needs a favorite performer, false means none (or no performers). */
export function performerFavorite<R>(getPerformers: (row: R) => readonly string[]) {
  return (input: any, ctx: FilterContext, field: string) => {
    if (typeof input !== 'boolean') throw new MockStashError(`${field}: expected a Boolean`);
    return (row: R) => ctx.rows('Performer', getPerformers(row)).some((p) => p.favorite) === input;
  };
}

/** performer_age: some performer's age at the row's date (both dates set) satisfies the criterion. */
export function performerAge<R>(
  getPerformers: (row: R) => readonly string[],
  getDate: (row: R) => string | null,
) {
  return (input: any, ctx: FilterContext, field: string) => {
    const test = compileNumberCriterion(input, field);
    return (row: R) => {
      const when = getDate(row);
      if (!when) return false;
      return ctx
        .rows('Performer', getPerformers(row))
        .some((p) => !!p.birthdate && test(ageAt(p.birthdate, when)));
    };
  };
}

export const sceneFields: FieldTable<SceneRow> = {
  id: num((s) => Number(s.id)),
  title: str((s) => s.title),
  code: str((s) => s.code),
  details: str((s) => s.details),
  director: str((s) => s.director),
  oshash: joinedStr((s, ctx) => files(s, ctx).map((f) => fingerprint(f, 'oshash'))),
  checksum: joinedStr((s, ctx) => files(s, ctx).map((f) => fingerprint(f, 'md5'))),
  // deprecated: a phash_distance without distance
  phash: (input, ctx, field) =>
    phashDistance<SceneRow>(files)({ value: input?.value, modifier: input?.modifier }, ctx, field),
  phash_distance: phashDistance(files),
  path: joinedStr((s, ctx) => files(s, ctx).map((f) => f.path)),
  file_count: num((s) => s.file_ids.length),
  rating100: num((s) => s.rating100),
  organized: bool((s) => s.organized),
  o_counter: num((s) => s.o_history.length),
  duplicated: duplicated(files),
  resolution: resolution(files),
  orientation: orientation(files),
  framerate: joinedNum((s, ctx) =>
    files(s, ctx).map((f) => (f.frame_rate == null ? null : Math.round(f.frame_rate))),
  ),
  bitrate: joinedNum((s, ctx) => files(s, ctx).map((f) => f.bit_rate)),
  video_codec: joinedStr((s, ctx) => files(s, ctx).map((f) => f.video_codec)),
  audio_codec: joinedStr((s, ctx) => files(s, ctx).map((f) => f.audio_codec)),
  duration: joinedNum((s, ctx) => files(s, ctx).map((f) => castInt(f.duration))),
  has_markers: hasAny((s, ctx) => ctx.markersOfScene(s.id).length),
  is_missing: isMissing<SceneRow>('Scene', {
    title: (s) => blank(s.title),
    code: (s) => blank(s.code),
    details: (s) => blank(s.details),
    director: (s) => blank(s.director),
    rating: (s) => s.rating100 == null,
    // the mock has no cover blobs: every scene has a (generated) cover
    cover: () => false,
    url: (s) => s.urls.length === 0,
    date: (s) => blank(s.date),
    galleries: (s) => s.gallery_ids.length === 0,
    studio: (s) => s.studio_id == null,
    movie: (s) => s.groups.length === 0,
    group: (s) => s.groups.length === 0,
    performers: (s) => s.performer_ids.length === 0,
    tags: (s) => s.tag_ids.length === 0,
    stash_id: (s) => s.stash_ids.length === 0,
    phash: (s, ctx) => files(s, ctx).every((f) => fingerprint(f, 'phash') == null),
  }),
  studios: studios((s) => s.studio_id),
  movies: multi(groupIds),
  groups: hier('group', groupIds),
  galleries: multi((s) => s.gallery_ids),
  tags: hier('tag', (s) => s.tag_ids),
  tag_count: num((s) => s.tag_ids.length),
  performer_tags: performerTags((s: SceneRow) => s.performer_ids),
  performer_favorite: performerFavorite((s: SceneRow) => s.performer_ids),
  performer_age: performerAge(
    (s: SceneRow) => s.performer_ids,
    (s) => s.date,
  ),
  performers: multi((s) => s.performer_ids),
  performer_count: num((s) => s.performer_ids.length),
  stash_id_endpoint: (input) => {
    const test = compileStashIdCriterion(input);
    return (s: SceneRow) => test(s.stash_ids);
  },
  url: strList((s) => s.urls),
  interactive: bool((s) => s.interactive),
  interactive_speed: num((s) => s.interactive_speed),
  captions: strList((s) => (s.captions ?? []).map((c) => c.language_code), true),
  resume_time: num((s) => castInt(s.resume_time)),
  play_count: num((s) => s.play_history.length),
  play_duration: num((s) => castInt(s.play_duration)),
  // never played sorts as the epoch start (Stash: IFNULL(last_played_at, datetime(0)))
  last_played_at: ts((s) => lastOf(s.play_history) ?? '0000-01-01T00:00:00Z'),
  date: date((s) => s.date),
  created_at: ts((s) => s.created_at),
  updated_at: ts((s) => s.updated_at),
  galleries_filter: related('Gallery', (s) => s.gallery_ids),
  performers_filter: related('Performer', (s) => s.performer_ids),
  studios_filter: related('Studio', (s) => (s.studio_id ? [s.studio_id] : [])),
  tags_filter: related('Tag', (s) => s.tag_ids),
  movies_filter: related('Group', groupIds),
  groups_filter: related('Group', groupIds),
  markers_filter: related('SceneMarker', (s, ctx) => ctx.markersOfScene(s.id)),
  files_filter: related('File', (s) => s.file_ids),
};

/** Latest of a list of RFC3339 times. */
export function lastOf(times: readonly string[]): string | null {
  let best: string | null = null;
  let bestT = -Infinity;
  for (const t of times) {
    const v = Date.parse(t);
    if (v > bestT) {
      bestT = v;
      best = t;
    }
  }
  return best;
}
