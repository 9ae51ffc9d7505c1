/** @stashkit/plugin/vite: the Vite preset for Stash UI plugins (runs in Node, at build time). */
export {
  stashkitPlugin,
  HOST_LIBRARY_GLOBALS,
  HOST_REACT_GLOBALS,
  type StashkitPluginOptions,
} from './stashkitPlugin';
export { pluginManifestYaml, type PluginManifestOptions, type PluginSettingType } from './pluginManifest';
