// The size budget (`pnpm size`, in `npm test`): min+gzip of each entry as an app bundles it.
// React is the page's (a Stash plugin gets the host's); `measure.mjs` reports min, gzip and brotli
// per entry against a baseline; `composition.mjs` checks the read-only panels carry no writes. Limits: see README.md (what issue 13 asked, what is met).
const react = ['react', 'react-dom', 'react/jsx-runtime'];
// esbuild's notes about tsup's bare chunk imports under sideEffects: false are not budget failures.
const quiet = (config) => ({ ...config, logLevel: 'error' });
module.exports = [
  {
    name: 'browser panel (default transport)',
    path: 'entries/panel.js',
    ignore: react,
    gzip: true,
    modifyEsbuildConfig: quiet,
    limit: '80.0 kB',
  },
  {
    name: 'browser panel (@stashkit/core/fetch)',
    path: 'entries/panel-fetch.js',
    ignore: react,
    gzip: true,
    modifyEsbuildConfig: quiet,
    limit: '66.3 kB',
  },
  {
    name: 'read-only panel (@stashkit/core/read)',
    path: 'entries/panel-read.js',
    ignore: react,
    gzip: true,
    modifyEsbuildConfig: quiet,
    limit: '48.8 kB',
  },
  {
    name: 'panel with edits (fetch, useSave, useDelete)',
    path: 'entries/panel-fetch-edits.js',
    ignore: react,
    gzip: true,
    modifyEsbuildConfig: quiet,
    limit: '66.7 kB',
  },
  {
    name: 'core + react (all exports)',
    path: 'entries/core-react.js',
    ignore: [...react, 'graphql', 'graphql-request', 'zustand', 'zustand/vanilla'],
    gzip: true,
    modifyEsbuildConfig: quiet,
    limit: '69.5 kB',
  },
  {
    name: 'plugin panel (@stashkit/plugin)',
    path: 'entries/plugin-panel.js',
    ignore: react,
    gzip: true,
    modifyEsbuildConfig: quiet,
    limit: '68.1 kB',
  },
  {
    name: 'read-only plugin panel (@stashkit/plugin/read)',
    path: 'entries/plugin-panel-read.js',
    ignore: react,
    gzip: true,
    modifyEsbuildConfig: quiet,
    limit: '50.6 kB',
  },
  {
    name: 'errors only (isStashError from @stashkit/core)',
    path: 'entries/errors-only.js',
    gzip: true,
    modifyEsbuildConfig: quiet,
    limit: '2.7 kB',
  },
];
