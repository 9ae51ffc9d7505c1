/** Story parameters the Storybook decorator (.storybook/preview.tsx) reads. */
import type { StashEntityStore } from '@stashkit/core';

export interface StashStoryParameters {
  /** Applied to the story's fresh store before the first render (`store.ingest` fixtures). */
  hydrate?: (store: StashEntityStore) => void;
}

/** `parameters` for a story whose store starts hydrated. */
export function hydrated(hydrate: (store: StashEntityStore) => void): { stashkit: StashStoryParameters } {
  return { stashkit: { hydrate } };
}
