import { isMediaRoute, serveMediaRoute } from '../media/mediaRoutes';
import { isPluginRoute, servePluginRoute } from '../plugins/pluginRoutes';
import { isLoginRoute, serveLoginRoute } from '../ui/loginRoutes';
import { isCustomRoute, isUiPath, serveCustomRoute, serveUiRoute } from '../ui/uiRoutes';
import type { CoreRequest, CoreResponse, MockStashCore } from './MockStashCore';

/** Stash's authenticateHandler lets these through without a session (#2715: the UI's files). */
function allowUnauthenticated(path: string): boolean {
  return path.startsWith('/login') || path === '/logout' || path === '/css' || path.startsWith('/assets');
}

/** Go's path.Ext: the suffix from the last dot of the last element. */
function extension(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot);
}

/**
 * Stash's authentication for the routes outside `/graphql`: a wrong key is a 401; without a key (and
 * with one configured) a file-like path is a 401 and a page is redirected to the login page.
 */
function refused(core: MockStashCore, req: CoreRequest, path: string): CoreResponse | null {
  if (core.authorized(req)) return null;
  const unauthorized: CoreResponse = { status: 401, headers: { 'WWW-Authenticate': 'FormBased' }, body: '' };
  const key = req.header('apikey') || req.url.searchParams.get('apikey');
  if (key) return unauthorized;
  if (allowUnauthenticated(path)) return null;
  const ext = extension(path);
  if (ext !== '' && ext !== '.html') return unauthorized;
  const prefix = (req.header('x-forwarded-prefix') ?? '').replace(/\/+$/, '');
  const back = new URLSearchParams({ returnURL: `${prefix}${path}${req.url.search}` });
  return { status: 302, headers: { Location: `${prefix}/login?${back}` }, body: '' };
}

/**
 * The mock's routes besides `/graphql`, as Stash's router mounts them: `/plugin/{id}/...` and the media
 * routes (`/scene/{id}/screenshot`, `/performer/{id}/image`, ...), `/css`, `/javascript`, `/customlocales`,
 * and with a UI folder every other path (the SPA). Returns null for a path no route owns.
 */
export async function serveRoutes(core: MockStashCore, req: CoreRequest): Promise<CoreResponse | null> {
  // chi's StripSlashes: `/plugin/x/javascript/` is `/plugin/x/javascript`.
  const path = req.url.pathname.length > 1 ? req.url.pathname.replace(/\/+$/, '') : req.url.pathname;
  if (isLoginRoute(path)) return serveLoginRoute(req, path, core.config, core.sessions);
  if (req.method !== 'GET' && req.method !== 'HEAD') return null;
  const ui = core.ui;
  const route = isPluginRoute(path)
    ? () => servePluginRoute(core.runtime.plugins, path)
    : isMediaRoute(path)
      ? () => serveMediaRoute(core.db, req, path)
      : isCustomRoute(path)
        ? () => serveCustomRoute(req, path, core.customFiles)
        : ui && isUiPath(path)
          ? () => serveUiRoute(ui, req, path, core.runtime.plugins, core.customFiles)
          : null;
  if (!route) return null;
  const answer = refused(core, req, path) ?? (await route());
  if (answer.drop) return answer;
  const headers = { 'X-Content-Type-Options': 'nosniff', ...answer.headers };
  return { ...answer, headers, body: req.method === 'HEAD' ? '' : answer.body };
}
