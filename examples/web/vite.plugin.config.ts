import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defaultClientConditions, defineConfig, esmExternalRequirePlugin } from 'vite';

// The Stash plugin panel: one classic IIFE script that uses the host's React (window.PluginApi).
const shim = fileURLToPath(new URL('./src/plugin/jsxRuntimeShim.ts', import.meta.url));

const external = ['react', 'react-dom'];

// dist/plugin becomes a complete plugin folder: the YAML next to the script and stylesheet it names.
const pluginManifest = {
  name: 'stashkit-plugin-manifest',
  generateBundle(this: { emitFile(file: { type: 'asset'; fileName: string; source: string }): string }) {
    const source = readFileSync(new URL('./plugin/stashkit.yml', import.meta.url), 'utf8');
    this.emitFile({ type: 'asset', fileName: 'stashkit.yml', source });
  },
};

export default defineConfig({
  // CommonJS dependencies (use-sync-external-store/shim) `require('react')`: turn those into imports
  // so they reach the IIFE's globals instead of a `require` the page does not have.
  plugins: [esmExternalRequirePlugin({ external }), pluginManifest],
  resolve: {
    conditions: ['source', ...defaultClientConditions],
    alias: [{ find: /^react\/jsx-(dev-)?runtime$/, replacement: shim }],
  },
  // Library mode keeps `process.env.NODE_ENV`; a browser script has no `process`.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  publicDir: false,
  build: {
    outDir: 'dist/plugin',
    emptyOutDir: true,
    minify: true,
    lib: {
      entry: fileURLToPath(new URL('./src/plugin/main.ts', import.meta.url)),
      formats: ['iife'],
      name: 'StashkitPlugin',
      fileName: () => 'stashkit.js',
      cssFileName: 'stashkit',
    },
    // The plugin above marks react/react-dom external (listing them in `external` too would skip it).
    rollupOptions: {
      output: {
        globals: { react: 'PluginApi.React', 'react-dom': 'PluginApi.ReactDOM' },
        // Outside Stash the IIFE's arguments would fail with a bare ReferenceError; say why instead.
        banner:
          "if (typeof PluginApi === 'undefined') throw new Error('stashkit plugin: window.PluginApi is missing; load stashkit.js as a Stash UI plugin');",
      },
    },
  },
});
