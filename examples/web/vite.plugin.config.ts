import { defaultClientConditions, defineConfig } from 'vite';
import { stashkitPlugin } from '@stashkit/plugin/vite';

// The Stash plugin panel, built by @stashkit/plugin's preset: dist/plugins/stashkit/ holds
// stashkit.yml, stashkit.js (one classic script on the host's React) and stashkit.css.
// Development loop: `vite build --config vite.plugin.config.ts --watch` + `stashkit-mock --plugins dist/plugins`.
export default defineConfig({
  plugins: [
    stashkitPlugin({
      id: 'stashkit',
      name: 'stashkit panel',
      description: "A small scene and performer browser on stashkit's normalized store (example plugin).",
      version: '0.1.0',
      url: 'https://github.com/stashkit/stashkit',
      entry: 'src/plugin/main.ts',
    }),
  ],
  // The workspace packages build from their TypeScript sources.
  resolve: { conditions: ['source', ...defaultClientConditions] },
  publicDir: false,
  build: { outDir: 'dist/plugins/stashkit' },
});
