import type { CoreResponse } from '../server/MockStashCore';
import { contentTypeOf } from '../server/contentTypes';
import { httpError, notFound } from '../server/staticContent';
import { joinPath, type LoadedPlugin, type PluginRegistry } from './PluginRegistry';

const ROUTE = /^\/plugin\/([^/]+)\/(javascript|css|assets)(\/.*)?$/;

/** `ui.assets` maps URL prefixes to folders; the longest matching prefix wins, then `/`. */
function assetLocation(plugin: LoadedPlugin, url: string): { url: string; dir: string } | null {
  const map = plugin.manifest.ui?.assets ?? {};
  const prefixes = Object.keys(map)
    .filter((k) => k !== '/' && url.startsWith(k))
    .sort((a, b) => b.length - a.length);
  if (prefixes[0]) return { url: url.slice(prefixes[0].length), dir: map[prefixes[0]]! };
  return map['/'] ? { url, dir: map['/'] } : null;
}

/** Stash's `/plugin/{id}/javascript`: the plugin's local scripts joined, each followed by a newline. */
function concatenated(registry: PluginRegistry, files: string[], type: string): CoreResponse {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  const newline = new TextEncoder().encode('\n');
  // A missing file is skipped (Stash logs it), the newline is still written.
  for (const file of files) parts.push(registry.read(file) ?? new Uint8Array(0), newline);
  const body = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    body.set(p, at);
    at += p.length;
  }
  return { status: 200, headers: { 'Content-Type': type, 'Cache-Control': 'no-cache' }, body };
}

function asset(registry: PluginRegistry, plugin: LoadedPlugin, rest: string): CoreResponse {
  // http.FileServer would redirect `/index.html` to `/`, so Stash strips it first.
  const url = rest.replace(/\/index\.html$/, '') || '/';
  const location = assetLocation(plugin, url);
  if (!location) return notFound();
  const dir = joinPath(plugin.dir, location.dir);
  // The mapped folder must stay inside the plugin's folder.
  if (plugin.dir && dir !== plugin.dir && !dir.startsWith(`${plugin.dir}/`)) {
    return notFound();
  }
  let file = joinPath(dir, location.url);
  if (dir && file !== dir && !file.startsWith(`${dir}/`)) return notFound();
  if (registry.isDirectory(file)) file = joinPath(file, 'index.html');
  const body = registry.read(file);
  if (!body) return notFound();
  return {
    status: 200,
    headers: { 'Content-Type': contentTypeOf(file), 'Cache-Control': 'no-cache' },
    body,
  };
}

/** True for the paths Stash's plugin router owns. */
export function isPluginRoute(pathname: string): boolean {
  return ROUTE.test(pathname);
}

/**
 * Stash's plugin routes: `/plugin/{id}/javascript` and `/css` (the plugin's `ui.javascript`/`ui.css`
 * files joined) and `/plugin/{id}/assets/...` (files from the folders `ui.assets` maps). Unknown plugin:
 * 404; disabled plugin: 400 `plugin disabled`.
 */
export function servePluginRoute(registry: PluginRegistry, pathname: string): CoreResponse {
  const match = ROUTE.exec(pathname)!;
  const id = decodeURIComponent(match[1]!);
  const plugin = registry.get(id);
  if (!plugin) return httpError(404, 'Not Found');
  if (!registry.enabled(id)) return httpError(400, 'plugin disabled');
  const kind = match[2] as 'javascript' | 'css' | 'assets';
  if (kind === 'assets') return asset(registry, plugin, decodeURIComponent(match[3] ?? ''));
  if (match[3]) return notFound();
  const type = kind === 'javascript' ? 'text/javascript' : 'text/css';
  return concatenated(registry, registry.uiFiles(plugin, kind).local, type);
}
