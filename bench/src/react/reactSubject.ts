import type { ComponentType, ReactNode } from 'react';
import type { FindScenesData } from '../fixtures/loadFixtures';

/** One store holding the 10k-scene page, and a component that shows one scene's title from it. */
export interface ReactSetup {
  /** Wraps the mounted list in whatever provider the library needs. */
  Provider: ComponentType<{ children: ReactNode }>;
  /** Renders `<li>{title}</li>` for the scene `id`, read through the library's hook. */
  Item: ComponentType<{ id: string }>;
  /** Changes one scene's title in the store, the way an app would after a mutation or refetch. */
  update(id: string, title: string): void;
  /** Throws when the run broke the benchmark's premise (for example, the library sent requests). */
  check?(): void;
}

/** A contender in the React benchmark. */
export interface ReactSubject {
  readonly name: string;
  setup(page: FindScenesData, variables: Record<string, unknown>): ReactSetup;
}

/** Counts renders of `Item` components, to check that one update re-renders one component. */
export const renderCounter = { count: 0 };
