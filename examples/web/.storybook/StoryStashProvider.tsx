import { useState, type ReactNode } from 'react';
import { createStashStore, type StashEntityStore } from '@stashkit/core';
import { StashProvider } from '@stashkit/react';

export interface StoryStashProviderProps {
  children: ReactNode;
  /** Hydrates the store before the first render (`store.ingest` fixtures: no request needed). */
  hydrate?: (store: StashEntityStore) => void;
}

/** A fresh store per story, talking to `/graphql` on the Storybook origin (answered by MSW). */
export function StoryStashProvider({ children, hydrate }: StoryStashProviderProps) {
  const [store] = useState(() => {
    // graphql-request needs an absolute URL.
    const created = createStashStore({ url: new URL('/graphql', window.location.href).href });
    hydrate?.(created);
    return created;
  });
  return <StashProvider store={store}>{children}</StashProvider>;
}
