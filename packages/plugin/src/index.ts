/**
 * @stashkit/plugin: write Stash UI plugin panels on stashkit. Types for `window.PluginApi`,
 * `definePlugin`, and `createHostStore` (a store on the page's own /graphql and session).
 * The Vite preset that builds the plugin is `@stashkit/plugin/vite`; the read-only `definePlugin` and
 * `createHostStore` (no drafts, mutations or graphql-ws in the bundle) are `@stashkit/plugin/read`'s.
 */
export {
  definePlugin,
  type DefinedPlugin,
  type LiveStarter,
  type PluginDefinition,
  type PluginPatches,
} from './definePlugin';
export { createHostStore, type HostStoreOptions } from './createHostStore';
// The host-cache bridge, for a store made by hand or `definePlugin({ hostCache: connectHostCache })`.
export {
  connectHostCache,
  type HostCacheBridge,
  type HostCacheOptions,
  type HostMutationEvent,
} from '@stashkit/core/host';
// For `definePlugin({ live: connectLive })` (the form a read-only store takes).
export { connectLive } from '@stashkit/core/live';
export { findPluginApi, getPluginApi, hostLibrary } from './getPluginApi';
export { hostGraphqlUrl, hostLoginUrl, pageBaseURI } from './hostGraphqlUrl';
export {
  PATCHABLE_COMPONENTS,
  type KnownPatchableName,
  type PatchableName,
} from './pluginApi/componentNames';
export type * from './pluginApi/StashPluginApi';
export type * from './pluginApi/StashGQLModule';
export type * from './pluginApi/HostLibraries';
export type * from './pluginApi/StashServiceModule';
export type * from './pluginApi/hostApollo';
