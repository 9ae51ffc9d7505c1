/**
 * `@stashkit/core/host`: coherence with the Stash UI's Apollo cache on the same page (a plugin
 * panel). `connectHostCache(store)` is off outside a Stash page. Moves to `@stashkit/plugin`.
 */
export {
  connectHostCache,
  type HostCacheBridge,
  type HostCacheOptions,
  type HostCacheStore,
  type HostMutationEvent,
} from './hostCacheBridge';
export {
  HOST_EXTRA_MUTATIONS,
  hostMutationTable,
  type HostMutation,
  type HostMutationKind,
} from './hostMutations';
export type {
  ApolloCacheLike,
  ApolloClientLike,
  ApolloModifier,
  ApolloModuleLike,
  ApolloOperationLike,
  ApolloResultLike,
  LooseModule,
} from './apolloLike';
