/**
 * `createEntitySlice`: the Zustand slices pattern for stashkit. The slice *is* the normalized
 * entity state: `stash.records` holds every record (one copy; the `StashEntityStore` in
 * `stash.store` reads and writes it through `SliceRecordSource`), and `stash.version` changes once
 * per write batch. It composes with an app's own slices and under middleware such as `devtools`:
 *
 * ```ts
 * const useBound = create<EntitySlice & UiSlice>()(
 *   devtools((...a) => ({ ...createEntitySlice({ url })(...a), ...createUiSlice(...a) })),
 * );
 * <StashProvider store={useBound}>...
 * ```
 *
 * Hooks subscribe to the store's keyed notifications, not to the Zustand store, so an update
 * re-renders only the components that read what changed; a Zustand selector on `stash.version`
 * runs on every batch.
 *
 * Its types do not name zustand's (an app without zustand typechecks these declarations with
 * `skipLibCheck: false`); `@stashkit/react/zustand` exports the same function typed as zustand's
 * `StateCreator<S, Mis, [], EntitySlice>`.
 */
import {
  createStashClient,
  StashEntityStore,
  type ChangeBatch,
  type StashClient,
  type StashClientOptions,
  type StashEntityStoreOptions,
} from '@stashkit/core';
import { SliceRecordSource, type RecordMap } from './sliceRecordSource';

export interface EntitySliceState {
  /** Records by typename, then id: the normalized state itself, mutated in place by the store. */
  readonly records: RecordMap;
  /** Bumped once per write batch (a new `stash` object each time, the same `records` map). */
  readonly version: number;
  /** How many records the last write batch changed. */
  readonly lastBatchSize: number;
  /** The store that reads and writes `records`; pass the Zustand store to `StashProvider`. */
  readonly store: StashEntityStore;
}

export interface EntitySlice {
  stash: EntitySliceState;
}

export type CreateEntitySliceOptions = Omit<StashEntityStoreOptions, 'source'> &
  ({ client: StashClient } | StashClientOptions);

/**
 * A Zustand slice creator, typed without zustand: `create<EntitySlice>()(createEntitySlice(o))`,
 * or spread into a combined creator (`(...a) => ({ ...createEntitySlice(o)(...a), ... })`).
 */
// `any`: zustand's `setState` (plain or under middleware) must be assignable to it.
export type EntitySliceCreator = (
  set: (...args: any[]) => void,
  get: () => unknown,
  api?: unknown,
) => EntitySlice;

type LooseSet = (
  partial: (state: EntitySlice) => Partial<EntitySlice>,
  replace?: false,
  action?: string,
) => void;

export function createEntitySlice(options: CreateEntitySliceOptions): EntitySliceCreator {
  return (set, get) => {
    const initial: RecordMap = new Map();
    // Before the first `get()` works (during creation) the initial map is the state's map.
    const records = () => (get() as EntitySlice | undefined)?.stash?.records ?? initial;
    const publish = (batch: ChangeBatch) =>
      (set as unknown as LooseSet)(
        (state) => ({
          stash: { ...state.stash, version: state.stash.version + 1, lastBatchSize: batch.changes.size },
        }),
        false,
        'stash/write',
      );
    const {
      client: given,
      url,
      apiKey,
      fetch,
      headers,
      ...storeOptions
    } = options as Partial<StashClientOptions & { client: StashClient }> &
      Omit<StashEntityStoreOptions, 'source'>;
    const client = given ?? createStashClient({ url: url!, apiKey, fetch, headers });
    const store = new StashEntityStore(client, {
      ...storeOptions,
      source: new SliceRecordSource(records, publish),
    });
    return { stash: { records: initial, version: 0, lastBatchSize: 0, store } };
  };
}
