/** The context `StashProvider` fills and every hook reads: the store, and an optional TanStack `QueryClient`. */
import { createContext, useContext } from 'react';
import { StashError, type QueryClientLike, type StashEntityStore } from '@stashkit/core';

export interface StashContextValue {
  readonly store: StashEntityStore;
  readonly queryClient: QueryClientLike | undefined;
}

export const StashContext = createContext<StashContextValue | null>(null);

/** The provider's value; throws a clear error when a hook is used outside `StashProvider`. */
export function useStashContext(hook: string): StashContextValue {
  const value = useContext(StashContext);
  if (value === null) {
    throw new StashError(
      `${hook}: no StashProvider above this component; wrap the tree in <StashProvider store={store}>`,
    );
  }
  return value;
}

/** The `StashEntityStore` of the nearest `StashProvider`. */
export function useStashStore(): StashEntityStore {
  return useStashContext('useStashStore').store;
}
