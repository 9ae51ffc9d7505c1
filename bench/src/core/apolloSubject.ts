import { apollo } from '../apolloModule';
import { findScenesDocument, slimPerformerFragment, slimSceneFragment } from '../fixtures/findScenesQuery';
import { walkPlain, type SelectionField } from '../fixtures/sceneSelection';
import type { CoreCache, CoreSubject, FindScenesData, SlimPerformer } from './coreSubject';

/** Stash's UI declares these (ui/v2.5/src/core/createClient.ts); Apollo needs them to match fragments. */
export const STASH_POSSIBLE_TYPES = {
  BaseFile: ['VideoFile', 'ImageFile', 'GalleryFile'],
  VisualFile: ['VideoFile', 'ImageFile'],
};

interface SlimSceneRead {
  performers: { name: string }[];
}

/** Apollo Client 3.14's `InMemoryCache` as Stash's UI configures it: `writeQuery` in, `readFragment` out. */
export class ApolloCache implements CoreCache {
  readonly cache = new apollo.InMemoryCache({ possibleTypes: STASH_POSSIBLE_TYPES });

  ingest(data: FindScenesData, variables: Record<string, unknown>): void {
    this.cache.writeQuery({ query: findScenesDocument, variables, data });
  }

  readScene(id: string): unknown {
    return this.cache.readFragment({ id: `Scene:${id}`, fragment: slimSceneFragment });
  }

  writePerformer(performer: SlimPerformer): void {
    this.cache.writeFragment({
      id: `Performer:${performer.id}`,
      fragment: slimPerformerFragment,
      data: performer,
    });
  }

  readScenePerformerNames(id: string): string[] {
    const scene = this.cache.readFragment<SlimSceneRead>({ id: `Scene:${id}`, fragment: slimSceneFragment })!;
    return scene.performers.map((p) => p.name);
  }

  readSceneSelection(id: string, fields: readonly SelectionField[]): number {
    return walkPlain(this.cache.readFragment({ id: `Scene:${id}`, fragment: slimSceneFragment }), fields);
  }
}

export const apolloSubject: CoreSubject = { name: 'apollo', create: () => new ApolloCache() };
