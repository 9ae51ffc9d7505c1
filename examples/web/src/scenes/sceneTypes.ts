/** Scene data as the list and detail views select it. */
import type { Scene } from '@stashkit/core';
import type { Selected } from '@stashkit/react';
import type { SCENE_CARD_FIELDS, SCENE_DETAIL_FIELDS } from './sceneFields';

export type SceneCardData = Selected<Scene, typeof SCENE_CARD_FIELDS>;
export type SceneDetailData = Selected<Scene, typeof SCENE_DETAIL_FIELDS>;

/** One file row of the detail view: every `files.*` spec of the detail selection. */
export type SceneFileData = SceneDetailData['files'][number];
