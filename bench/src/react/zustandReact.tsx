import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { SceneItem } from '../fixtures/loadFixtures';
import { renderCounter, type ReactSetup, type ReactSubject } from './reactSubject';

interface EntityState {
  entities: Record<string, SceneItem>;
}

/** The plain Zustand pattern: one entities map, a selector per component, immutable updates. */
export const zustandReactSubject: ReactSubject = {
  name: 'zustand selector',
  setup(page): ReactSetup {
    const entities: Record<string, SceneItem> = {};
    for (const scene of page.findScenes.scenes) entities[scene.id] = scene;
    const store = createStore<EntityState>()(() => ({ entities }));

    function Item({ id }: { id: string }) {
      const scene = useStore(store, (s) => s.entities[id]);
      renderCounter.count++;
      return <li>{scene.title as string}</li>;
    }

    return {
      Provider: ({ children }) => <>{children}</>,
      Item,
      update(id, title) {
        store.setState((s) => ({ entities: { ...s.entities, [id]: { ...s.entities[id], title } } }));
      },
    };
  },
};
