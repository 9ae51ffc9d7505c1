/**
 * `@stashkit/plugin/read`: `definePlugin` and `createHostStore` on the read-only store of
 * `@stashkit/core/read`, for a panel that shows data: it bundles no drafts, mutations or live code
 * and no graphql-ws. `hostCache: connectHostCache` works (the host's mutations invalidate the
 * store); live events are `live: connectLive` (bundled only then); `live: true` is refused, since the
 * read-only store has no `connectLive()`. Everything else is `@stashkit/plugin`'s.
 */
import type { SchemaTypes, StashEntityStore, StashTypes } from '@stashkit/core';
import { createStashStore } from '@stashkit/core/read';
import { hostStoreOptions, type HostStoreOptions } from './createHostStore';
import { definePluginWith, type DefinedPlugin, type PluginDefinition } from './definePlugin';

export type { DefinedPlugin, LiveStarter, PluginDefinition, PluginPatches } from './definePlugin';
export type { HostStoreOptions } from './createHostStore';
export { connectHostCache, type HostCacheBridge, type HostCacheOptions } from '@stashkit/core/host';
export { connectLive, type LiveConnection, type LiveOptions } from '@stashkit/core/live';

/** The read-only `createHostStore`: same options and session; `save`, `edit`, `connectLive()`... fail naming the entry to use. */
export function createHostStore<S extends SchemaTypes = StashTypes>(
  options: HostStoreOptions<S> = {},
): StashEntityStore<S> {
  return createStashStore<S>(hostStoreOptions('createHostStore', options));
}

/** `@stashkit/plugin`'s `definePlugin`, whose `store: true` is the read-only `createHostStore()`. */
export function definePlugin(definition: PluginDefinition): DefinedPlugin {
  return definePluginWith(
    {
      create: () => createHostStore(),
      liveProblem: () =>
        "live: true calls store.connectLive(), which the read-only store of @stashkit/plugin/read leaves out: pass live: connectLive (import { connectLive } from '@stashkit/plugin/read'; graphql-ws is bundled only then)",
    },
    definition,
  );
}
