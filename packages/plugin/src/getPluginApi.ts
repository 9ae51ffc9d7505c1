/** The page's `window.PluginApi`, checked: outside Stash (or before its UI loaded) it says why it is missing. */
import type { StashPluginApi } from './pluginApi/StashPluginApi';
import type { HostLibraries, HostLibraryName } from './pluginApi/HostLibraries';

export function findPluginApi(): StashPluginApi | undefined {
  return typeof window === 'undefined' ? undefined : window.PluginApi;
}

export function getPluginApi(caller = 'getPluginApi'): StashPluginApi {
  const api = findPluginApi();
  if (api === undefined || typeof api !== 'object') {
    throw new Error(
      `${caller}: window.PluginApi is missing (load this script as a Stash UI plugin; Stash sets PluginApi before it loads plugin scripts)`,
    );
  }
  if (typeof api.register?.route !== 'function' || api.React === undefined) {
    throw new Error(`${caller}: window.PluginApi has no React or register.route; is this a Stash UI page?`);
  }
  return api;
}

/**
 * One of the host's libraries, typed by the module you name:
 * `hostLibrary<typeof import('@apollo/client')>('Apollo')` (types only: nothing is bundled).
 */
export function hostLibrary<T = HostLibraries[HostLibraryName]>(name: HostLibraryName): T {
  const library = getPluginApi('hostLibrary').libraries?.[name];
  if (library === undefined) {
    throw new Error(
      `hostLibrary: PluginApi.libraries.${name} is missing (this Stash version does not expose it)`,
    );
  }
  return library as T;
}
