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
  checkOptions,
  booleanOption,
  createStashClient,
  redactApiKeys,
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
  /** What devtools and `JSON.stringify` show (see the module comment); never the ApiKey. */
  toJSON(): EntitySliceJSON;
}

/** The serialized slice: records by typename and id, as their received scalar fields. */
export interface EntitySliceJSON {
  readonly url: string;
  readonly version: number;
  readonly lastBatchSize: number;
  readonly records: Record<string, Record<string, unknown>>;
}

export interface EntitySlice {
  stash: EntitySliceState;
}

export type CreateEntitySliceOptions = Omit<StashEntityStoreOptions, 'source'> &
  ({ client: StashClient } | StashClientOptions) & {
    /** Redact `?apikey=` in server data shown by devtools / `toJSON` (default false). */
    redactDevtools?: boolean;
  };

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
      redactDevtools,
      transport,
      ...storeOptions
    } = options as Partial<StashClientOptions & { client: StashClient; redactDevtools: boolean }> &
      Omit<StashEntityStoreOptions, 'source'>;
    checkOptions({ redactDevtools }, { redactDevtools: booleanOption }, 'createEntitySlice');
    const client = given ?? createStashClient({ url: url!, apiKey, fetch, headers, transport });
    const store = new StashEntityStore(client, {
      ...storeOptions,
      source: new SliceRecordSource(records, publish),
    });
    const toJSON = function (this: EntitySliceState): EntitySliceJSON {
      const out: Record<string, Record<string, unknown>> = {};
      for (const [typename, byId] of this.records) {
        const shown: Record<string, unknown> = (out[typename] = {});
        for (const [id, record] of byId) shown[id] = record.snap;
      }
      const json = {
        url: client.url,
        version: this.version,
        lastBatchSize: this.lastBatchSize,
        records: out,
      };
      // A JSON round trip first: snapshots serialize as their own (scalar) fields.
      const plain = JSON.parse(JSON.stringify(json)) as EntitySliceJSON;
      return redactDevtools === true ? redactApiKeys(plain) : plain;
    };
    return { stash: { records: initial, version: 0, lastBatchSize: 0, store, toJSON } };
  };
}
