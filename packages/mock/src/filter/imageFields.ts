import type { FileRow, ImageRow } from '../db/rows';
import type { FieldTable } from './compileFilter';
import {
  blank,
  bool,
  date,
  hier,
  isMissing,
  joinedStr,
  multi,
  num,
  orientation,
  related,
  resolution,
  str,
  strList,
  studios,
  ts,
} from './fieldKinds';
import type { FilterContext } from './filterContext';
import { performerAge, performerFavorite, performerTags } from './sceneFields';
import { compileStringCriterion } from './stringCriterion';

const files = (i: ImageRow, ctx: FilterContext): FileRow[] => ctx.files(i.file_ids);
const galleries = (i: ImageRow, ctx: FilterContext) => ctx.galleriesOfImage(i.id);

export const imageFields: FieldTable<ImageRow> = {
  title: str((i) => i.title),
  details: str((i) => i.details),
  id: num((i) => Number(i.id)),
  // an INNER JOIN in Stash: images without an md5 never match
  checksum: (input, ctx, field) => {
    const test = compileStringCriterion(input, field);
    return (i: ImageRow) =>
      files(i, ctx).some((f) => f.fingerprints.some((fp) => fp.type === 'md5' && test(fp.value)));
  },
  path: joinedStr((i, ctx) => files(i, ctx).map((f) => f.path)),
  file_count: num((i) => i.file_ids.length),
  rating100: num((i) => i.rating100),
  date: date((i) => i.date),
  url: strList((i) => i.urls),
  organized: bool((i) => i.organized),
  o_counter: num((i) => i.o_counter),
  resolution: resolution(files),
  orientation: orientation(files),
  is_missing: isMissing<ImageRow>('Image', {
    title: (i) => blank(i.title),
    code: (i) => blank(i.code),
    details: (i) => blank(i.details),
    photographer: (i) => blank(i.photographer),
    date: (i) => blank(i.date),
    rating: (i) => i.rating100 == null,
    studio: (i) => i.studio_id == null,
    performers: (i) => i.performer_ids.length === 0,
    galleries: (i, ctx) => galleries(i, ctx).length === 0,
    tags: (i) => i.tag_ids.length === 0,
  }),
  studios: studios((i) => i.studio_id),
  tags: hier('tag', (i) => i.tag_ids),
  tag_count: num((i) => i.tag_ids.length),
  performer_tags: performerTags((i: ImageRow) => i.performer_ids),
  performers: multi((i) => i.performer_ids),
  performer_count: num((i) => i.performer_ids.length),
  performer_favorite: performerFavorite((i: ImageRow) => i.performer_ids),
  performer_age: performerAge(
    (i: ImageRow) => i.performer_ids,
    (i) => i.date,
  ),
  galleries: multi(galleries),
  created_at: ts((i) => i.created_at),
  updated_at: ts((i) => i.updated_at),
  code: str((i) => i.code),
  photographer: str((i) => i.photographer),
  galleries_filter: related('Gallery', galleries),
  performers_filter: related('Performer', (i) => i.performer_ids),
  studios_filter: related('Studio', (i) => (i.studio_id ? [i.studio_id] : [])),
  tags_filter: related('Tag', (i) => i.tag_ids),
  files_filter: related('File', (i) => i.file_ids),
};
