/**
 * @stashkit/core: a normalized entity store for Stash's GraphQL API. No React, no DOM.
 */

// Store
export {
  createStashStore,
  createStashStoreWith,
  type CreateStashStoreOptions,
} from './store/createStashStore';
// For entries that pick the store class (`@stashkit/core/read`).
export { buildStashStore, type StoreClass } from './store/buildStashStore';
export { StashEntityStore, type StashEntityStoreOptions } from './store/stashEntityStore';
// The facade without drafts, mutations and live (`@stashkit/core/read` builds it).
export { StashStoreBase } from './store/stashStoreBase';
export type { StoreFeatures, StoreWritesApi } from './store/storeFeatures';
export type {
  CacheStats,
  EntityOf,
  EntityOfSnapshot,
  EntityTypeArg,
  FieldSpecs,
  FiltersOf,
  FindCallOptions,
  FindIterOptions,
  FindPageOptions,
  FindPageResult,
  PageAggregates,
  ReadOptions,
  PopulateOptions,
  WriteOptions,
  StashEntity,
} from './store/storeTypes';
export type {
  AsReceived,
  CheckedSpecs,
  LinkStub,
  Selected,
  SelectionOf,
  UnknownFieldSpec,
} from './store/selected';
export type { PopulateStats } from './store/cacheQueries';
export type { TtlSeconds } from './store/ttlPolicy';
export { FindIterator, type FindProgress } from './pagination/findIterator';
export type { FindPage } from './batch/findOp';
export { DEFAULT_QUERY_BATCH, DEFAULT_TTL, FIND_COUNT_PROBE, FIND_LIMIT } from './constants';

// Transport
export {
  createStashClient,
  type StashClient,
  type StashClientOptions,
  type GraphQLResult,
  type ParsedDocument,
  type RequestOptions,
} from './transport/stashClient';
export { createTransportClient } from './transport/transportClient';
export type { StashTransport, TransportRequest, TransportResponse } from './transport/stashTransport';
export { graphqlRequestTransport } from './transport/graphqlRequestTransport';
export { fetchTransport } from './transport/fetchTransport';
export { redactApiKeys } from './transport/secrets';
// Option checks (for bindings: hooks check their options the way store calls do)
export {
  checkOptions,
  isAbortSignal,
  booleanOption,
  fieldsOption,
  signalOption,
  type OptionCheck,
  type OptionSpec,
} from './validate/callOptions';
export { CALL_OPTIONS } from './store/callOptionSpecs';

// Records, subscriptions and the record-source seam (for bindings)
export type { EntitySnapshot, StoreRecord } from './records/storeRecord';
export { MapRecordSource, type RecordSource } from './records/recordSource';
export type { ChangeBatch, ChangeKind, RecordChange } from './tracking/changeBatch';
export type { BatchListener, RecordListener, TypeListener, Unsubscribe } from './tracking/storeSubscriptions';
export {
  recordKey,
  fieldKey,
  parseFieldKey,
  type FieldKey,
  type FieldArgs,
  type RecordKey,
} from './shared/keys';
export type { Clock } from './shared/clock';

// Observers (for bindings: React hooks sit on these)
export * from './observers/index';

// Drafts and mutations
export { EntityDraft, isDraft, type DraftConflict, type QueuedOperation } from './drafts/entityDraft';
export type {
  Draft,
  DraftData,
  DraftRef,
  EntityRef,
  DraftValue,
  SaveResult,
  SceneDraftOperations,
  ImageDraftOperations,
  GalleryDraftOperations,
} from './drafts/draftTypes';
export { WRITABLE_FIELDS, type DraftableType, type WritableField } from './drafts/writableFields';
export { isTemporaryId } from './drafts/draftRegistry';
export { INVALIDATION_RULES, type InvalidationRule } from './mutations/invalidationRules';
export type { CommitListener, StoreCommit } from './mutations/storeCommits';
export { SIDE_OPS, type SideOpSpec } from './mutations/sideOps';
export type { GetOrCreateOptions } from './mutations/storeWrites';
export type { ListListener } from './mutations/listEpochs';

export type { RetryOption, RetryConfig } from './batch/retryPolicy';
export { systemTimers, type StashTimers } from './shared/timers';

// Errors
export {
  StashError,
  isStashError,
  StashNetworkError,
  StashAbortError,
  StashGraphQLError,
  StashValidationError,
  StashNotFoundError,
  FindLimitError,
  MissingFieldsError,
  type GraphQLErrorEntry,
} from './errors';

// Schema model and generated types
export * from './schema/index';

// Filter DSL
export * from './filter/index';
