import type { Fixtures } from '../fixtures/loadFixtures';
import type { SelectionField } from '../fixtures/sceneSelection';

/** Which page a list read covers: the 1k page or the 10k one (both are in every cache). */
export type ListPage = 'small' | 'large';

/** One cache under test in the lists suite, holding both pages of the fixtures. */
export interface ListCache {
  /** What the read goes through, for the report (e.g. `readEntity` or `getCached`). */
  readonly readPath: string;
  /** Reads the page's list from the cache and every selected field of every scene; returns the count. */
  readList(page: ListPage, fields: readonly SelectionField[]): number;
  /** Mounts one card (an observer of `id` with the card selection); `render` runs on each delivery. */
  mount(id: string, render: (data: unknown) => void): void;
  /** Unmounts every card. */
  unmountAll(): void;
  /** Renames a studio, as a mutation result or a refetch would write it. */
  renameStudio(id: string, name: string): void;
}

export interface ListSubject {
  readonly name: string;
  /** `false`: the contender has no observers (the Map walk floor), so it runs the read metrics only. */
  readonly observes: boolean;
  create(fixtures: Fixtures): ListCache;
}
