import type { FindScenesData, SceneItem } from '../fixtures/loadFixtures';
import type { SelectionField } from '../fixtures/sceneSelection';

/** A performer as SlimSceneData selects it; the update benchmark writes changed copies of one. */
export interface SlimPerformer {
  __typename: 'Performer';
  id: string;
  name: string;
  disambiguation: string | null;
  gender: string | null;
  favorite: boolean;
  image_path: string | null;
}

/** One normalized cache under test, created empty. */
export interface CoreCache {
  /** Normalizes a whole `findScenes` page. */
  ingest(data: FindScenesData, variables: Record<string, unknown>): void;
  /** Warm read of one cached scene by id (no network); returns the cache's object for it. */
  readScene(id: string): unknown;
  /** Writes a changed performer, as a mutation result or a refetch would. */
  writePerformer(performer: SlimPerformer): void;
  /** Reads a scene and returns its performers' names, resolved through the cache. */
  readScenePerformerNames(id: string): string[];
  /** Reads a cached scene and every field of the list selection below it (links resolved); returns the count. */
  readSceneSelection(id: string, fields: readonly SelectionField[]): number;
}

/** A contender in the core benchmark: a name and a factory for empty caches. */
export interface CoreSubject {
  readonly name: string;
  create(): CoreCache;
}

export type { FindScenesData, SceneItem };
