import type { PluginRegistry } from '../plugins/PluginRegistry';
import type { PluginSource } from '../plugins/PluginSource';
import { contentTypeOf } from '../server/contentTypes';
import type { CoreRequest, CoreResponse } from '../server/MockStashCore';
import { notFound, staticContent } from '../server/staticContent';
import { pageSecurityHeaders } from './pageSecurityHeaders';

/** A Stash UI build the user made (`ui/v2.5/build`): read per request. */
export type UiFolder = Pick<PluginSource, 'location' | 'read'>;

/** Stash's default `theme_color`, put where index.html says `%COLOR%`. */
export const DEFAULT_THEME_COLOR = '#202b33';

/** What `/css`, `/javascript` and `/customlocales` serve (Stash: custom.css etc. when enabled; see MockConfig.customFile). */
export interface CustomFiles {
  css(): string;
  javascript(): string;
  customLocales(): string;
  themeColor(): string;
}

/** True for `/css`, `/javascript` and `/customlocales`, which Stash serves with or without a UI. */
export function isCustomRoute(path: string): boolean {
  return path === '/css' || path === '/javascript' || path === '/customlocales';
}

export function serveCustomRoute(req: CoreRequest, path: string, custom: CustomFiles): CoreResponse {
  if (path === '/css') return staticContent(req, custom.css(), 'text/css');
  if (path === '/javascript') return staticContent(req, custom.javascript(), 'text/javascript');
  // Stash answers `{}` when there is no custom-locales.json.
  return staticContent(req, custom.customLocales() || '{}', 'application/json');
}

/** Paths the UI does not own in the mock: GraphQL, health, login (the mock has no login page). */
export function isUiPath(path: string): boolean {
  return (
    !path.endsWith('/graphql') && path !== '/healthz' && !path.startsWith('/login') && path !== '/logout'
  );
}

function extension(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return name.includes('.') ? name.slice(name.lastIndexOf('.')) : '';
}

async function gunzip(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * Stash's UI handler: an extension-less path, `/` and `/index.html` get index.html with `%COLOR%` and
 * `<base href="/"` rewritten for the proxy prefix (the SPA fallback); other paths are files of the build,
 * `/assets/*` cached for a year. Stash's build keeps only `.gz` of js/css/json/svg/md, served as
 * statigz does: gzip to a client that accepts it, decompressed otherwise.
 */
export async function serveUiRoute(
  folder: UiFolder,
  req: CoreRequest,
  path: string,
  plugins: PluginRegistry,
  custom: CustomFiles,
): Promise<CoreResponse> {
  const ext = extension(path);
  const page = ext === '' || ext === '.html' ? pageSecurityHeaders(plugins) : {};
  if (ext === '' || path === '/' || path === '/index.html') {
    const index = folder.read('index.html');
    if (!index) return notFound();
    const prefix = (req.header('x-forwarded-prefix') ?? '').replace(/\/+$/, '');
    const html = new TextDecoder()
      .decode(index)
      .replaceAll('%COLOR%', custom.themeColor())
      .replace('<base href="/"', `<base href="${prefix}/"`);
    const answer = staticContent(req, html, 'text/html');
    return { ...answer, headers: { ...answer.headers, ...page } };
  }
  const file = path.slice(1);
  const cache = /^\/assets\/[^/]+$/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache';
  const type = ext === '.html' ? 'text/html' : contentTypeOf(path);
  let body = folder.read(file);
  let encoding: string | null = null;
  if (!body) {
    const gz = folder.read(`${file}.gz`);
    if (!gz) return notFound();
    if (/\bgzip\b/.test(req.header('accept-encoding') ?? '')) {
      body = gz;
      encoding = 'gzip';
    } else body = await gunzip(gz);
  }
  const answer = staticContent(req, body, type);
  const headers = { ...answer.headers, ...page, 'Cache-Control': cache };
  if (encoding) Object.assign(headers, { 'Content-Encoding': encoding, Vary: 'Accept-Encoding' });
  return { ...answer, headers };
}
