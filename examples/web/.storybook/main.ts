import type { StorybookConfig } from '@storybook/react-vite';

// Vite settings (React plugin, the `source` condition for workspace packages) come from vite.config.ts.
const config: StorybookConfig = {
  framework: { name: '@storybook/react-vite', options: {} },
  stories: ['../src/**/*.stories.tsx'],
  // public/ holds msw's mockServiceWorker.js.
  staticDirs: ['../public'],
  core: { disableTelemetry: true },
  // iframe.html has no icon link of its own, so browsers ask for /favicon.ico (a 404).
  previewHead: (head) => `${head}<link rel="icon" type="image/svg+xml" href="./favicon.svg" />`,
  // Prop tables are not used here; docgen over the workspace sources was most of the build time.
  typescript: { reactDocgen: false },
  // The preview bundles the mock Stash (schema and data generator): a large chunk by design.
  viteFinal: (vite) => ({ ...vite, build: { ...vite.build, chunkSizeWarningLimit: 4000 } }),
};

export default config;
