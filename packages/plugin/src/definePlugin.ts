/**
 * `definePlugin({ id, routes, components, patches, store })`: a plugin's registrations in one checked
 * declaration. Everything is validated before anything is registered (a bad entry registers nothing);
 * routes and registered components render inside a `StashProvider` on the host store, through the
 * host's React (the plugin build maps `react` to `PluginApi.React`).
 */
import { createElement, type ComponentType } from 'react';
import { StashEntityStore } from '@stashkit/core';
// Types only: the bridge is bundled only by plugins that pass `connectHostCache` (about 2.1 kB gzip).
import type { connectHostCache, HostCacheBridge } from '@stashkit/core/host';
import type { LiveConnection, LiveOptions, LiveStore } from '@stashkit/core/live';
import { StashProvider } from '@stashkit/react';
import { createHostStore } from './createHostStore';
import { getPluginApi } from './getPluginApi';
import type { KnownPatchableName } from './pluginApi/componentNames';
import type {
  AfterPatch,
  BeforePatch,
  InsteadPatch,
  StashLocationDetail,
  StashPluginApi,
} from './pluginApi/StashPluginApi';

type PatchMap<F> = { [K in KnownPatchableName]?: F | F[] } & { [name: string]: F | F[] | undefined };

export interface PluginPatches {
  before?: PatchMap<BeforePatch>;
  instead?: PatchMap<InsteadPatch>;
  after?: PatchMap<AfterPatch>;
}

export interface PluginDefinition {
  /** The plugin's id: its manifest's base name (`<id>.yml`), also the `/plugin/<id>/…` URL segment. */
  id: string;
  /** Full pages: path (Stash recommends a `/plugin/` prefix) to component. */
  routes?: Record<string, ComponentType<any>>;
  /** Added to `PluginApi.components` for other plugins (Stash suggests a `plugin-` prefix). */
  components?: Record<string, ComponentType<any>>;
  /** `PluginApi.patch.before/instead/after` by component name, in registration order. */
  patches?: PluginPatches;
  /**
   * The store routes and components get through `StashProvider`: `true` (default) makes one with
   * `createHostStore()` when first needed, `false` none; or pass a store.
   */
  store?: boolean | StashEntityStore<any>;
  /**
   * Keep the store and the Stash UI's Apollo cache coherent (`connectHostCache`): the store's saves,
   * deletes and side operations update or evict the host cache; the host's mutations invalidate the
   * store. Pass `connectHostCache` (from this package; a function, not `true`, so panels without the
   * bridge do not bundle it); it uses `PluginApi.utils.StashService.getClient()` and
   * `PluginApi.libraries.Apollo`, and is inactive when the page has no host client. Default: off.
   */
  hostCache?: typeof connectHostCache;
  /**
   * Open Stash's job and scan events on the store, over the page's session. `true` or options:
   * `store.connectLive()` (not with a read-only store, which leaves it out); or a function given the
   * store, such as `connectLive` (of `@stashkit/plugin/read`, `@stashkit/core/live`): what a read-only
   * plugin passes, so graphql-ws is bundled only by plugins that use it. Default `false`.
   */
  live?: boolean | LiveOptions | LiveStarter;
  /** Called on every navigation of Stash's router (`stash:location`). */
  onLocation?: (location: StashLocationDetail['data']['location']) => void;
}

/** Opens the live connection on the plugin's store: `connectLive`, or `(store) => connectLive(store, options)`. */
export type LiveStarter = (store: LiveStore) => LiveConnection | Promise<LiveConnection>;

/**
 * What differs between `@stashkit/plugin`'s `definePlugin` and `@stashkit/plugin/read`'s: the store
 * `store: true` makes, and why `live: true` cannot be opened on a store (`undefined`: it can).
 */
export interface PluginStoreKind {
  readonly create: () => StashEntityStore<any>;
  readonly liveProblem: (given: StashEntityStore<any> | undefined) => string | undefined;
}

export interface DefinedPlugin {
  readonly id: string;
  readonly api: StashPluginApi;
  /** The plugin's store (made on first use when `store` was `true`); throws when `store: false`. */
  readonly store: StashEntityStore<any>;
  /** Wraps a component in a `StashProvider` on the plugin's store (for patches that render stashkit hooks). */
  withStore<P extends object>(component: ComponentType<P>): ComponentType<P>;
  /** The host-cache bridge (`hostCache` option; `active: false` off a Stash page), or `null` without the option. */
  readonly hostCache: HostCacheBridge | null;
  /** The store's live connection (`live` option), or `null` without the option. */
  readonly live: Promise<LiveConnection> | null;
  /** Stops `onLocation`, the host-cache bridge and the live connection (registrations in Stash's UI cannot be undone). */
  dispose(): void;
}

const PLUGIN_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const PATCH_KINDS = ['before', 'instead', 'after'] as const;

function fail(message: string): never {
  throw new Error(`definePlugin: ${message}`);
}

function isComponent(value: unknown): boolean {
  // Function components, classes, and memo/forwardRef objects.
  return typeof value === 'function' || (typeof value === 'object' && value !== null && '$$typeof' in value);
}

function ownEntries<T>(what: string, value: Record<string, T> | undefined): [string, T][] {
  if (value === undefined) return [];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(`${what} must be an object`);
  return Object.keys(value).map((key) => [key, value[key]]);
}

function checkDefinition(definition: PluginDefinition, kind: PluginStoreKind): void {
  if (typeof definition !== 'object' || definition === null)
    fail('pass { id, routes?, components?, patches? }');
  const { id, store, onLocation } = definition;
  if (typeof id !== 'string' || !PLUGIN_ID.test(id)) {
    fail(`id must be the plugin's manifest name (letters, digits, _ . -), got ${JSON.stringify(id)}`);
  }
  for (const [path, component] of ownEntries('routes', definition.routes)) {
    if (!path.startsWith('/')) fail(`route ${JSON.stringify(path)} must start with '/' (e.g. /plugin/${id})`);
    if (!isComponent(component)) fail(`route ${path} is not a component`);
  }
  for (const [name, component] of ownEntries('components', definition.components)) {
    if (name === '') fail('a component name is empty');
    if (!isComponent(component)) fail(`component ${name} is not a component`);
  }
  const patches = definition.patches ?? {};
  for (const kind of Object.keys(patches)) {
    if (!(PATCH_KINDS as readonly string[]).includes(kind))
      fail(`patches.${kind} is not one of ${PATCH_KINDS.join(', ')}`);
  }
  for (const kind of PATCH_KINDS) {
    for (const [name, fns] of ownEntries(`patches.${kind}`, patches[kind])) {
      for (const fn of Array.isArray(fns) ? fns : [fns]) {
        if (typeof fn !== 'function')
          fail(`patches.${kind}[${JSON.stringify(name)}] must be a function or a list of them`);
      }
    }
  }
  if (store !== undefined && typeof store !== 'boolean' && (typeof store !== 'object' || store === null)) {
    fail('store must be true, false or a StashEntityStore');
  }
  if (onLocation !== undefined && typeof onLocation !== 'function') fail('onLocation must be a function');
  const { hostCache, live } = definition;
  if (hostCache !== undefined && typeof hostCache !== 'function')
    fail(
      "hostCache must be connectHostCache (import { connectHostCache } from '@stashkit/plugin'; a function, so panels without it do not bundle the bridge)",
    );
  if (
    live !== undefined &&
    typeof live !== 'boolean' &&
    typeof live !== 'function' &&
    (typeof live !== 'object' || live === null)
  )
    fail('live must be true, false, connectLive options or a function such as connectLive');
  if (hostCache !== undefined && store === false) fail('hostCache needs a store (store is false)');
  if (live && store === false) fail('live needs a store (store is false)');
  if (live && typeof live !== 'function') {
    const problem = kind.liveProblem(typeof store === 'object' ? store : undefined);
    if (problem !== undefined) fail(problem);
  }
}

export function definePlugin(definition: PluginDefinition): DefinedPlugin {
  return definePluginWith(
    {
      create: createHostStore,
      liveProblem: (given) =>
        given === undefined || given instanceof StashEntityStore
          ? undefined
          : "live: true calls store.connectLive(), which a read-only store (@stashkit/core/read) leaves out: pass live: connectLive (from '@stashkit/plugin/read' or '@stashkit/core/live')",
    },
    definition,
  );
}

/** `definePlugin` on a store kind (the full one above, or `@stashkit/plugin/read`'s read-only one). */
export function definePluginWith(kind: PluginStoreKind, definition: PluginDefinition): DefinedPlugin {
  checkDefinition(definition, kind);
  const api = getPluginApi('definePlugin');
  const { id, store: storeOption = true } = definition;

  let store: StashEntityStore<any> | undefined = typeof storeOption === 'object' ? storeOption : undefined;
  const getStore = () => {
    if (store !== undefined) return store;
    if (storeOption === false) fail(`plugin ${id} was defined with store: false`);
    return (store = kind.create());
  };
  const withStore = <P extends object>(component: ComponentType<P>): ComponentType<P> => {
    if (storeOption === false) return component;
    const name = component.displayName ?? component.name ?? 'Component';
    const Wrapped = (props: P) =>
      createElement(StashProvider, { store: getStore() }, createElement(component, props));
    Wrapped.displayName = `WithStashStore(${name})`;
    return Wrapped;
  };

  for (const [path, component] of ownEntries('routes', definition.routes))
    api.register.route(path, withStore(component));
  for (const [name, component] of ownEntries('components', definition.components)) {
    api.register.component(name, withStore(component) as (...args: any[]) => any);
  }
  for (const kind of PATCH_KINDS) {
    for (const [name, fns] of ownEntries(`patches.${kind}`, definition.patches?.[kind])) {
      for (const fn of Array.isArray(fns) ? fns : [fns]) api.patch[kind](name, fn as never);
    }
  }

  // The bridge and the live connection are made now (a store makes no request until it is read).
  const hostCache =
    definition.hostCache?.(getStore(), {
      client: api.utils?.StashService?.getClient?.(),
      apollo: api.libraries?.Apollo,
    }) ?? null;
  const liveOption = definition.live ?? false;
  const live =
    liveOption === false
      ? null
      : typeof liveOption === 'function'
        ? new Promise<LiveConnection>((resolve) => resolve(liveOption(getStore())))
        : getStore().connectLive(liveOption === true ? {} : liveOption);
  // Nobody may await `plugin.live`: say why it failed rather than leave an unhandled rejection.
  live?.catch((error: Error) => console.error(`definePlugin: ${id}: live events: ${error.message}`));

  const { onLocation } = definition;
  const listener = (event: Event) =>
    onLocation?.((event as CustomEvent<StashLocationDetail>).detail.data.location);
  if (onLocation !== undefined) api.Event.addEventListener('stash:location', listener);

  return {
    id,
    api,
    get store() {
      return getStore();
    },
    withStore,
    hostCache,
    live,
    dispose: () => {
      api.Event?.removeEventListener('stash:location', listener);
      hostCache?.dispose();
      void live?.then((connection) => connection.close()).catch(() => {});
    },
  };
}
