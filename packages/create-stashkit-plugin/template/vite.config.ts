import { defineConfig } from 'vite';
import { stashkitPlugin } from '@stashkit/plugin/vite';

// `vite build` writes dist/__PLUGIN_ID__/: __PLUGIN_ID__.yml, __PLUGIN_ID__.js (one classic script on
// Stash's own React, taken from window.PluginApi) and __PLUGIN_ID__.css.
export default defineConfig({
  plugins: [
    stashkitPlugin({
      id: '__PLUGIN_ID__',
      name: '__PLUGIN_NAME__',
      description: 'Recent scenes, on stashkit',
      version: '0.1.0',
    }),
  ],
});
