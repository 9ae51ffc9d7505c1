import { createStashStore } from '@stashkit/core';
import { walkPlain, type SelectionField } from '../fixtures/sceneSelection';
import type { CoreCache, CoreSubject, FindScenesData, SlimPerformer } from './coreSubject';

// Never contacted: ingest and getCached make no requests (a request would fail loudly on port 9).
const UNUSED_URL = 'http://127.0.0.1:9/graphql';

interface SceneView {
  performers: readonly { name: string }[];
}

/** The part of a stashkit store the benchmark uses (the same across core versions). */
interface BenchStore {
  ingest(typename: string, data: Record<string, unknown> | readonly Record<string, unknown>[]): unknown;
  getCached(typename: string, id: string): unknown;
}
type CreateStore = (options: { url: string }) => BenchStore;

/** `@stashkit/core`: `store.ingest('Scene', page.scenes)` in, `store.getCached` out. */
export class StashkitCache implements CoreCache {
  readonly store: BenchStore;

  constructor(create: CreateStore) {
    this.store = create({ url: UNUSED_URL });
  }

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
    const scene = this.store.getCached('Scene', id) as SceneView | null;
    if (scene === null) throw new Error(`bench: stashkit has no Scene:${id}`);
    return scene.performers.map((p) => p.name);
  }

  readSceneSelection(id: string, fields: readonly SelectionField[]): number {
    // getCached's live snapshot: links resolve through getters as the fields are read.
    return walkPlain(this.store.getCached('Scene', id), fields);
  }
}

/** A stashkit contender over a given core build (this checkout's, or a baseline commit's). */
export function stashkitSubjectOf(name: string, create: CreateStore): CoreSubject {
  return { name, create: () => new StashkitCache(create) };
}

export const stashkitSubject: CoreSubject = stashkitSubjectOf('stashkit', createStashStore as CreateStore);

/**
 * The core of another checkout (`--baseline DIR`, e.g. a `git worktree add` of an older commit with
 * its own `pnpm install`), loaded from its sources into this process so both run interleaved.
 */
export async function baselineSubject(dir: string): Promise<CoreSubject> {
  const { pathToFileURL } = await import('node:url');
  const { resolve } = await import('node:path');
  const core = (await import(pathToFileURL(resolve(dir, 'packages/core/src/index.ts')).href)) as {
    createStashStore: CreateStore;
  };
  return stashkitSubjectOf('stashkit@base', core.createStashStore);
}
