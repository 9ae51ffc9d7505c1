import type { MockLog } from '../jobs/MockLog';
import { parsePluginManifest, type PluginManifest } from './pluginManifest';
import type { PluginSource } from './PluginSource';

/** A loaded plugin: its id (the manifest's file name), folder and manifest. */
export interface LoadedPlugin {
  id: string;
  /** The manifest's path in the source. */
  path: string;
  /** The manifest's folder ('' for the top folder): relative files are read from here. */
  dir: string;
  manifest: PluginManifest;
}

const isUrl = (s: string) => s.startsWith('http://') || s.startsWith('https://');

/** Joins and normalises a relative path inside the source (`..` cannot climb above the top). */
export function joinPath(...parts: string[]): string {
  const out: string[] = [];
  for (const segment of parts.join('/').split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') out.pop();
    else out.push(segment);
  }
  return out.join('/');
}

/**
 * Stash's plugin cache: manifests loaded from a plugins folder (a manifest that does not load is logged
 * and skipped; ids are unique ignoring case), which plugins are disabled, and their tasks and UI files.
 */
export class PluginRegistry {
  private plugins: LoadedPlugin[] = [];
  private disabled: string[] = [];

  constructor(
    private readonly log: MockLog,
    private source: PluginSource | null = null,
  ) {
    this.reload();
  }

  /** Uses another plugins folder (or none) and loads it. */
  setSource(source: PluginSource | null): void {
    this.source = source;
    this.reload();
  }

  /** Reads every manifest again (Stash's `reloadPlugins`). */
  reload(): void {
    const plugins: LoadedPlugin[] = [];
    const ids = new Set<string>();
    for (const { path, text } of this.source?.manifests() ?? []) {
      const name = path.slice(path.lastIndexOf('/') + 1);
      const id = name.slice(0, name.lastIndexOf('.'));
      const where = `${this.source!.location}/${path}`;
      let manifest: PluginManifest;
      try {
        manifest = parsePluginManifest(text);
      } catch (error) {
        this.log.add('Error', `Error loading plugin ${where}: ${(error as Error).message}`);
        continue;
      }
      if (ids.has(id.toLowerCase())) {
        this.log.add('Error', `Error loading plugin ${where}: plugin ID ${id} already exists`);
        continue;
      }
      ids.add(id.toLowerCase());
      plugins.push({
        id,
        path,
        dir: path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '',
        manifest,
      });
    }
    this.plugins = plugins;
  }

  list(): LoadedPlugin[] {
    return [...this.plugins];
  }

  get(id: string): LoadedPlugin | undefined {
    return this.plugins.find((p) => p.id === id);
  }

  enabled(id: string): boolean {
    return !this.disabled.includes(id);
  }

  /** `setPluginsEnabled`: ids mapped to false are disabled, ids mapped to true enabled again. */
  setEnabled(map: Record<string, boolean>): void {
    const next = this.disabled.filter((id) => map[id] !== true);
    for (const [id, on] of Object.entries(map)) if (!on && !next.includes(id)) next.push(id);
    this.disabled = next;
  }

  /** Back to every plugin enabled (the mock's reset). */
  reset(): void {
    this.disabled = [];
  }

  /** Local files (paths in the source) and external URLs of a plugin's `ui.javascript` or `ui.css`. */
  uiFiles(plugin: LoadedPlugin, kind: 'javascript' | 'css'): { local: string[]; external: string[] } {
    const entries = plugin.manifest.ui?.[kind] ?? [];
    return {
      local: entries.filter((e) => !isUrl(e)).map((e) => joinPath(plugin.dir, e)),
      external: entries.filter(isUrl),
    };
  }

  read(path: string): Uint8Array<ArrayBuffer> | null {
    return this.source?.read(path) ?? null;
  }

  isDirectory(path: string): boolean {
    return this.source?.isDirectory(path) ?? false;
  }
}
