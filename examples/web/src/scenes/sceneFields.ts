/** What each scene view reads. Literal lists keep the hooks' data types narrow (`Selected`). */
export const SCENE_CARD_FIELDS = [
  'title',
  'date',
  'rating100',
  'organized',
  'studio.name',
  'files.duration',
] as const;

export const SCENE_DETAIL_FIELDS = [
  'title',
  'details',
  'date',
  'rating100',
  'organized',
  'studio.name',
  'performers.name',
  'tags.name',
  'files.path',
  'files.size',
  'files.duration',
  'files.width',
  'files.height',
  'files.video_codec',
] as const;
