/**
 * The scene list's filter form state and its translation into stashkit's filter DSL
 * (`rating100__gte`, `organized`, `tags__includes_all`); the store compiles and checks it.
 */
import type { FiltersOf } from '@stashkit/core';

export interface SceneFilterState {
  /** Free text: Stash's `q` (title, details, path, ...). */
  q: string;
  /** Minimum rating on the 0–100 scale, or null for any. */
  minRating: number | null;
  /** `true`/`false` to filter on the organized flag, null for any. */
  organized: boolean | null;
  /** Tags every scene must carry. */
  tags: readonly TagChoice[];
}

export interface TagChoice {
  id: string;
  name: string;
}

export const EMPTY_SCENE_FILTER: SceneFilterState = { q: '', minRating: null, organized: null, tags: [] };

export function toSceneFilters(state: SceneFilterState): FiltersOf<'Scene'> {
  return {
    ...(state.minRating !== null && { rating100__gte: state.minRating }),
    ...(state.organized !== null && { organized: state.organized }),
    ...(state.tags.length > 0 && { tags__includes_all: state.tags.map((tag) => tag.id) }),
  };
}
