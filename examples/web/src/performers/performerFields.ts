/** What the performers table reads (a literal list keeps `useFind`'s data type narrow). */
import type { Performer } from '@stashkit/core';
import type { Selected } from '@stashkit/react';

export const PERFORMER_ROW_FIELDS = [
  'name',
  'disambiguation',
  'gender',
  'country',
  'birthdate',
  'favorite',
  'rating100',
  'scene_count',
] as const;

export type PerformerRowData = Selected<Performer, typeof PERFORMER_ROW_FIELDS>;
