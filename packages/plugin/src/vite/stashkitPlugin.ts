/**
 * `stashkitPlugin({ id, name, description, version })`: the Vite preset that builds a Stash UI plugin.
 * One classic IIFE script on the host's React 17 (`react`, `react-dom`, `react/jsx-runtime` and the
 * host's UI libraries come from `window.PluginApi`, CommonJS `require('react')` in dependencies too),
 * its CSS, and the `<id>.yml` manifest Stash reads, in `dist/<id>/` (a plugins folder entry).
 */
import { esmExternalRequirePlugin, type Plugin } from 'vite';
import { JSX_RUNTIME_ID, JSX_RUNTIME_SOURCE } from './jsxRuntimeModule';
import { pluginManifestYaml, type PluginManifestOptions } from './pluginManifest';

export interface StashkitPluginOptions extends PluginManifestOptions {
  /** The plugin id: the manifest's base name, the script's and stylesheet's too (`<id>.yml`, `<id>.js`, `<id>.css`). */
  id: string;
  /** The entry module, relative to Vite's root (default `src/main.tsx`). */
  entry?: string;
  /**
   * Map `@apollo/client`, `react-router-dom`, `react-bootstrap` and `react-intl` to the host's
   * instances in `PluginApi.libraries` (default true): a bundled copy would not see Stash's providers.
   */
  hostLibraries?: boolean;
}

/** The host's modules, as the IIFE's arguments. */
export const HOST_REACT_GLOBALS: Record<string, string> = {
  react: 'PluginApi.React',
  'react-dom': 'PluginApi.ReactDOM',
};

export const HOST_LIBRARY_GLOBALS: Record<string, string> = {
  '@apollo/client': 'PluginApi.libraries.Apollo',
  'react-router-dom': 'PluginApi.libraries.ReactRouterDOM',
  'react-bootstrap': 'PluginApi.libraries.Bootstrap',
  'react-intl': 'PluginApi.libraries.Intl',
};

const PLUGIN_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const JSX_RUNTIME = /^react\/jsx-(dev-)?runtime$/;
// A module of React itself in the bundle means a second React next to the host's.
const REACT_SOURCE = /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/;

function check(options: StashkitPluginOptions): void {
  const fail = (message: string): never => {
    throw new Error(`stashkitPlugin: ${message}`);
  };
  if (typeof options !== 'object' || options === null) fail('pass { id, name, description?, version? }');
  if (typeof options.id !== 'string' || !PLUGIN_ID.test(options.id)) {
    fail(
      `id must be a plugin id (letters, digits, _ . -; it names <id>.yml), got ${JSON.stringify(options.id)}`,
    );
  }
  if (typeof options.name !== 'string' || options.name.trim() === '') fail('name must be a non-empty string');
  for (const key of ['description', 'version', 'url', 'entry'] as const) {
    if (options[key] !== undefined && typeof options[key] !== 'string') fail(`${key} must be a string`);
  }
}

export function stashkitPlugin(options: StashkitPluginOptions): Plugin[] {
  check(options);
  const { id, entry = 'src/main.tsx', hostLibraries = true } = options;
  const globals = { ...HOST_REACT_GLOBALS, ...(hostLibraries ? HOST_LIBRARY_GLOBALS : {}) };
  const globalName = `StashPlugin_${id.replace(/[^A-Za-z0-9_]/g, '_')}`;
  // Outside Stash the IIFE's arguments would fail with a bare ReferenceError; say why instead.
  const banner = `if (typeof PluginApi === 'undefined') throw new Error(${JSON.stringify(
    `${id} plugin: window.PluginApi is missing; load ${id}.js as a Stash UI plugin`,
  )});`;

  const preset: Plugin = {
    name: 'stashkit-plugin',
    enforce: 'pre',
    config(user, env) {
      const production = env.mode !== 'development';
      return {
        // Library mode keeps `process.env.NODE_ENV`; a browser script has no `process`. Only for builds:
        // vitest copies `define` into process.env, which would load React's production build in tests.
        ...(env.command === 'build'
          ? { define: { 'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development') } }
          : {}),
        build: {
          outDir: user.build?.outDir ?? `dist/${id}`,
          emptyOutDir: user.build?.emptyOutDir ?? true,
          minify: user.build?.minify ?? production,
          lib: { entry, formats: ['iife'], name: globalName, fileName: () => `${id}.js`, cssFileName: id },
          // esmExternalRequirePlugin below marks the host modules external (listing them here would skip it).
          rollupOptions: { output: { globals, banner } },
        },
      };
    },
    resolveId(source) {
      return JSX_RUNTIME.test(source) ? JSX_RUNTIME_ID : null;
    },
    load(moduleId) {
      return moduleId === JSX_RUNTIME_ID ? JSX_RUNTIME_SOURCE : null;
    },
  };
  // After Vite's CSS plugin emitted the stylesheet, so the manifest can list it.
  const manifest: Plugin = {
    name: 'stashkit-plugin-manifest',
    enforce: 'post',
    generateBundle(_output, bundle) {
      const javascript: string[] = [];
      const css: string[] = [];
      for (const file of Object.values(bundle)) {
        if (file.type === 'chunk') {
          const copy = file.moduleIds.find((moduleId) => REACT_SOURCE.test(moduleId));
          if (copy !== undefined) {
            this.error(
              `stashkitPlugin: ${file.fileName} would bundle a second React (${copy}); import react/react-dom only as bare 'react' / 'react-dom' so they map to PluginApi`,
            );
          }
          if (file.isEntry) javascript.push(file.fileName);
        } else if (file.fileName.endsWith('.css')) css.push(file.fileName);
      }
      this.emitFile({
        type: 'asset',
        fileName: `${id}.yml`,
        source: pluginManifestYaml(id, options, { javascript, css }),
      });
    },
  };
  // CommonJS dependencies (use-sync-external-store/shim, ...) `require('react')`: turned into imports
  // so they reach the IIFE's arguments instead of a `require` the page does not have.
  return [preset, manifest, esmExternalRequirePlugin({ external: Object.keys(globals) })];
}
