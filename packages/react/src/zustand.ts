/**
 * `@stashkit/react/zustand`: `createEntitySlice` typed by zustand's own `StateCreator`, for apps
 * that compose it with middleware and want zustand's mutator types checked. Needs zustand
 * installed (the main entry does not).
 */
import type { StateCreator, StoreMutatorIdentifier } from 'zustand/vanilla';
import {
  createEntitySlice as createSlice,
  type CreateEntitySliceOptions,
  type EntitySlice,
} from './slice/createEntitySlice';

export type { CreateEntitySliceOptions, EntitySlice, EntitySliceState } from './slice/createEntitySlice';

export function createEntitySlice<
  S extends EntitySlice = EntitySlice,
  Mis extends [StoreMutatorIdentifier, unknown][] = [],
>(options: CreateEntitySliceOptions): StateCreator<S, Mis, [], EntitySlice> {
  return createSlice(options) as StateCreator<S, Mis, [], EntitySlice>;
}
