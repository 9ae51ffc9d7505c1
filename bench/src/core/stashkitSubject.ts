import { createStashStore, type StashEntityStore } from '@stashkit/core';
import type { CoreCache, CoreSubject, FindScenesData, SlimPerformer } from './coreSubject';

// Never contacted: ingest and getCached make no requests (a request would fail loudly on port 9).
const UNUSED_URL = 'http://127.0.0.1:9/graphql';

interface SceneView {
  performers: readonly { name: string }[];
}

/** `@stashkit/core`: `store.ingest('Scene', page.scenes)` in, `store.getCached` out. */
export class StashkitCache implements CoreCache {
  readonly store: StashEntityStore = createStashStore({ url: UNUSED_URL });

  ingest(data: FindScenesData): void {
    this.store.ingest('Scene', data.findScenes.scenes);
  }

  readScene(id: string): unknown {
    return this.store.getCached('Scene', id);
  }

  writePerformer(performer: SlimPerformer): void {
    this.store.ingest('Performer', performer as unknown as Record<string, unknown>);
  }

  readScenePerformerNames(id: string): string[] {
    const scene = this.store.getCached('Scene', id) as unknown as SceneView | null;
    if (scene === null) throw new Error(`bench: stashkit has no Scene:${id}`);
    return scene.performers.map((p) => p.name);
  }
}

export const stashkitSubject: CoreSubject = { name: 'stashkit', create: () => new StashkitCache() };
