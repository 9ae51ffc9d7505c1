/**
 * What a store installs beyond reads: drafts and mutations (`StoreWrites`), and live events
 * (`LiveConnection`). `StashEntityStore` installs both; `@stashkit/core/read`'s store neither, so a
 * bundle that only reads carries no draft, save, delete or graphql-ws code.
 */
import type { LiveConnection, LiveOptions, LiveStore } from '../live/liveConnection';
import type { StoreWrites } from '../mutations/storeWrites';
import type { WriteHost } from '../mutations/writeHost';

/** The part of `StoreWrites` the facade delegates to. */
export type StoreWritesApi = Pick<
  StoreWrites,
  | 'registry'
  | 'edit'
  | 'create'
  | 'add'
  | 'discard'
  | 'save'
  | 'saveBatch'
  | 'saveAll'
  | 'delete'
  | 'getOrCreate'
>;

export interface StoreFeatures {
  /** Builds the draft and mutation machinery on the store's internals. */
  readonly writes?: (host: WriteHost) => StoreWritesApi;
  /** Loads the live connection class (a dynamic import: graphql-ws stays out until it is used). */
  readonly live?: () => Promise<new (store: LiveStore, options?: LiveOptions) => LiveConnection>;
}
