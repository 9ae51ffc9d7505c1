/**
 * The plugin's YAML manifest as Stash reads it (pkg/plugin Config, decoded strictly: unknown keys
 * are errors): name, description, version, url, ui.javascript/css/requires/assets/csp, settings.
 */
import { stringify } from 'yaml';

export type PluginSettingType = 'STRING' | 'NUMBER' | 'BOOLEAN';

export interface PluginManifestOptions {
  name: string;
  description?: string;
  version?: string;
  url?: string;
  /** Ids of plugins whose UI must load first. */
  requires?: string[];
  /** URL prefix to folder (relative to the manifest), served at `/plugin/<id>/assets/<prefix>/…`. */
  assets?: Record<string, string>;
  /** Extra Content-Security-Policy sources for the Stash page. */
  csp?: { 'script-src'?: string[]; 'style-src'?: string[]; 'connect-src'?: string[] };
  /** Settings Stash's plugin page shows; read them with `useSettings().plugins[id]`. */
  settings?: Record<string, { displayName?: string; description?: string; type: PluginSettingType }>;
}

export function pluginManifestYaml(
  id: string,
  options: PluginManifestOptions,
  files: { javascript: string[]; css: string[] },
): string {
  const ui: Record<string, unknown> = {};
  if (options.requires?.length) ui.requires = options.requires;
  ui.javascript = files.javascript;
  if (files.css.length > 0) ui.css = files.css;
  if (options.assets !== undefined) ui.assets = options.assets;
  if (options.csp !== undefined) ui.csp = options.csp;
  const manifest: Record<string, unknown> = { name: options.name };
  if (options.description !== undefined) manifest.description = options.description;
  if (options.version !== undefined) manifest.version = options.version;
  if (options.url !== undefined) manifest.url = options.url;
  manifest.ui = ui;
  if (options.settings !== undefined) manifest.settings = options.settings;
  const header = `# Stash UI plugin "${id}", written by @stashkit/plugin/vite: copy this folder to <stash>/plugins/${id}/\n`;
  return header + stringify(manifest, { lineWidth: 0 });
}
