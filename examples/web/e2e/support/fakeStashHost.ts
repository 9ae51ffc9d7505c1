/**
 * A stand-in for the Stash UI as a plugin sees it: React 17.0.2 and ReactDOM 17.0.2 as UMD globals,
 * `window.PluginApi` with `register.route`, the plugin's CSS and script loaded as Stash loads them
 * (classic scripts, in order), and a "router" that renders the registered route's component.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Route } from './staticServer';

const require = createRequire(import.meta.url);

/** Routes for `startStaticServer`, all under `prefix` (a reverse-proxy path like Stash behind `/stash/`). */
export function fakeStashHostRoutes(prefix: string, plugin: { js: string; css: string }, routePath: string) {
  const umd = (pkg: string, file: string) => readFileSync(require.resolve(`${pkg}/umd/${file}`), 'utf8');
  const html = `<!doctype html>
<html>
  <head>
    <meta charset="utf-8" />
    <base href="${prefix}" />
    <link rel="icon" href="data:," />
    <title>Fake Stash host</title>
    <script src="react.development.js"></script>
    <script src="react-dom.development.js"></script>
    <script>
      window.__routes = {};
      window.PluginApi = {
        React: window.React,
        ReactDOM: window.ReactDOM,
        libraries: {},
        register: { route: function (path, component) { window.__routes[path] = component; } },
      };
    </script>
    <link rel="stylesheet" href="plugin/stashkit/css" />
    <script src="plugin/stashkit/javascript"></script>
  </head>
  <body>
    <div id="root"></div>
    <script>
      var Panel = window.__routes[${JSON.stringify(routePath)}];
      var root = document.getElementById('root');
      if (Panel) PluginApi.ReactDOM.render(PluginApi.React.createElement(Panel), root);
      else root.textContent = 'no route registered at ${routePath}';
    </script>
  </body>
</html>`;
  const routes: Record<string, Route> = {
    [prefix]: { type: 'text/html; charset=utf-8', body: () => html },
    [`${prefix}react.development.js`]: {
      type: 'text/javascript',
      body: () => umd('react-17', 'react.development.js'),
    },
    [`${prefix}react-dom.development.js`]: {
      type: 'text/javascript',
      body: () => umd('react-dom-17', 'react-dom.development.js'),
    },
    [`${prefix}plugin/stashkit/javascript`]: { type: 'text/javascript', body: () => readFileSync(plugin.js) },
    [`${prefix}plugin/stashkit/css`]: { type: 'text/css', body: () => readFileSync(plugin.css) },
  };
  return routes;
}
