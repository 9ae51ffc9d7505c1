/** Framework-agnostic observers: the subscribable results bindings (React hooks) sit on. */
export { Subscribable, type ObserverListener } from './subscribable';
export { notifyManager, type BatchNotifyFunction } from './notifyManager';
export {
  EntityObserver,
  type EntityObserverOptions,
  type EntityResult,
  type ObserverStatus,
} from './entityObserver';
export {
  FindObserver,
  findQueryKey,
  type FindObserverOptions,
  type FindResult,
  type QueryClientLike,
} from './findObserver';
export { FindIterObserver, type FindIterObserverOptions, type FindIterResult } from './findIterObserver';
export {
  FindPageObserver,
  type FindPageObserverOptions,
  type FindPageObserverResult,
} from './findPageObserver';
export { CachedObserver, type CachedObserverOptions } from './cachedObserver';
export { CacheStatsObserver } from './cacheStatsObserver';
export { MutationObserver, type MutationResult, type MutationStatus } from './mutationObserver';
