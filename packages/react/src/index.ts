/**
 * @stashkit/react: a provider, a Zustand entity slice and hooks on @stashkit/core's observers.
 * React 17.0.2 (the Stash plugin host), 18 and 19.
 */

// Provider
export { StashProvider, type StashProviderProps, type EntitySliceStore } from './provider/StashProvider';
export { useStashStore } from './provider/stashContext';

// Zustand entity slice (types without zustand's; `@stashkit/react/zustand` has zustand-typed ones)
export {
  createEntitySlice,
  type CreateEntitySliceOptions,
  type EntitySlice,
  type EntitySliceCreator,
  type EntitySliceState,
} from './slice/createEntitySlice';

// Hooks
export { useEntity, useSuspenseEntity, type UseEntityOptions, type UseEntityResult } from './hooks/useEntity';
export { usePopulate } from './hooks/usePopulate';
export { useFind, type UseFindOptions } from './hooks/useFind';
export { useFindIter, type UseFindIterOptions } from './hooks/useFindIter';
export { useFindPage, type UseFindPageOptions } from './hooks/useFindPage';
export { useCached } from './hooks/useCached';
export { useCacheStats } from './hooks/useCacheStats';
export { useLive, type UseLiveOptions } from './hooks/useLive';
export { useSave, type UseSaveResult } from './hooks/useSave';
export { useDelete, type UseDeleteResult } from './hooks/useDelete';

// TanStack Query interop
export { stashQueryOptions, type StashQueryOptions } from './query/stashQueryOptions';

// Types
// `Selected` lives in core (the store's reads narrow too); re-exported for existing imports.
export type {
  AsReceived,
  CheckedSpecs,
  LinkStub,
  Selected,
  SelectionOf,
  UnknownFieldSpec,
} from '@stashkit/core';
