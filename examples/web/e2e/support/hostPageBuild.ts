/**
 * Builds the Stash-like host page for hostPage.e2e.test.ts into `.tmp/host-page/` (git-ignored): `ui/`
 * (index.html, React 17.0.2 and ReactDOM 17.0.2 UMD from node_modules, `host.js`: hostPage/hostApp.ts
 * with Apollo Client 3 bundled), and `plugins/`, a Stash plugins folder with two plugins built by
 * `@stashkit/plugin/vite`: the create-stashkit-plugin template, scaffolded as `npm create` does, and
 * the probe (hostPage/probe). The mock serves `ui/` at `/` (`--ui`) and `plugins/` (`--plugins`), so
 * the page, `/graphql`, the websocket and the plugin scripts share one origin, as on a Stash server.
 */
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { build, defaultClientConditions, esmExternalRequirePlugin, type InlineConfig } from 'vite';
import { stashkitPlugin, type StashkitPluginOptions } from '@stashkit/plugin/vite';
// @ts-expect-error the scaffolder is plain JavaScript without declarations
import { scaffold } from 'create-stashkit-plugin';
import { WEB_DIR } from './paths';

const require = createRequire(import.meta.url);

export const TEMPLATE_ID = 'e2e-template-panel';
export const PROBE_ID = 'stashkit-e2e-probe';

export interface HostPageBuild {
  uiDir: string;
  pluginsDir: string;
  pluginJs(id: string): string;
}

const INDEX_HTML = `<!doctype html>
<html>
  <head>
    <meta charset="utf-8" />
    <base href="/" />
    <link rel="icon" href="data:," />
    <title>Stash</title>
    <script src="react.development.js"></script>
    <script src="react-dom.development.js"></script>
  </head>
  <body>
    <div id="root"></div>
    <script src="host.js"></script>
  </body>
</html>
`;

// Workspace packages from their sources (the e2e step must not depend on a previous `pnpm build`).
const SOURCE_RESOLVE = { conditions: ['source', ...defaultClientConditions] };

async function buildPlugin(root: string, outDir: string, options: StashkitPluginOptions): Promise<void> {
  const config: InlineConfig = {
    configFile: false,
    logLevel: 'warn',
    root,
    resolve: SOURCE_RESOLVE,
    plugins: [stashkitPlugin(options)],
    build: { outDir, emptyOutDir: true },
  };
  await build(config);
}

export async function buildHostPage(): Promise<HostPageBuild> {
  const out = join(WEB_DIR, '.tmp/host-page');
  rmSync(out, { recursive: true, force: true });
  const uiDir = join(out, 'ui');
  const pluginsDir = join(out, 'plugins');
  mkdirSync(uiDir, { recursive: true });

  writeFileSync(join(uiDir, 'index.html'), INDEX_HTML);
  copyFileSync(require.resolve('react-17/umd/react.development.js'), join(uiDir, 'react.development.js'));
  copyFileSync(
    require.resolve('react-dom-17/umd/react-dom.development.js'),
    join(uiDir, 'react-dom.development.js'),
  );
  await build({
    configFile: false,
    logLevel: 'warn',
    root: WEB_DIR,
    // Apollo's CommonJS helpers (rehackt) require('react'): the page's UMD global, like the imports.
    plugins: [esmExternalRequirePlugin({ external: ['react', 'react-dom'] })],
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    publicDir: false,
    build: {
      outDir: uiDir,
      emptyOutDir: false,
      minify: false,
      lib: {
        entry: join(WEB_DIR, 'e2e/hostPage/hostApp.ts'),
        formats: ['iife'],
        name: 'StashHost',
        fileName: () => 'host.js',
      },
      rollupOptions: { output: { globals: { react: 'React', 'react-dom': 'ReactDOM' } } },
    },
  });

  // The template as `npm create stashkit-plugin` writes it, built with the options its vite.config.ts passes.
  const templateDir = join(out, 'template', TEMPLATE_ID);
  scaffold(templateDir, { id: TEMPLATE_ID, name: 'E2E template panel' });
  await buildPlugin(templateDir, join(pluginsDir, TEMPLATE_ID), {
    id: TEMPLATE_ID,
    name: 'E2E template panel',
    description: 'Recent scenes, on stashkit',
    version: '0.1.0',
  });
  await buildPlugin(join(WEB_DIR, 'e2e/hostPage/probe'), join(pluginsDir, PROBE_ID), {
    id: PROBE_ID,
    name: 'stashkit e2e probe',
    description: 'useEntity, useFindIter and live state next to the host page',
    version: '0.1.0',
    entry: 'main.tsx',
  });
  return { uiDir, pluginsDir, pluginJs: (id) => join(pluginsDir, id, `${id}.js`) };
}
