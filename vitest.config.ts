import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The @stashkit/react suite runs again on React 17 and 18: their harness packages
// (packages/react/compat/react-<v>) hold react, react-dom, @testing-library/react and the shim.
const reactCompat = (version: 17 | 18) => {
  const dir = fileURLToPath(
    new URL(`./packages/react/compat/react-${version}/node_modules/`, import.meta.url),
  );
  const names = ['react', 'react-dom', '@testing-library/react', 'use-sync-external-store'];
  return names.flatMap((name) => {
    const escaped = name.replace(/[/.-]/g, (c) => '\\' + c);
    return [
      { find: new RegExp(`^${escaped}$`), replacement: dir + name },
      { find: new RegExp(`^${escaped}/(.*)$`), replacement: dir + name + '/$1' },
    ];
  });
};

// One `vitest run` covers every package; each project keeps its own environment.
export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'codegen',
          root: 'packages/codegen',
          environment: 'node',
          include: ['test/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: { name: 'mock', root: 'packages/mock', environment: 'node', include: ['test/**/*.test.ts'] },
      },
      {
        extends: true,
        test: { name: 'testkit', root: 'tools/testkit', environment: 'node', include: ['test/**/*.test.ts'] },
      },
      {
        extends: true,
        test: { name: 'core', root: 'packages/core', environment: 'node', include: ['test/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'react',
          root: 'packages/react',
          environment: 'happy-dom',
          include: ['test/**/*.test.{ts,tsx}'],
        },
      },
      {
        extends: true,
        test: { name: 'docs', root: 'docs', environment: 'node', include: ['test/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'plugin',
          root: 'packages/plugin',
          environment: 'node',
          include: ['test/**/*.test.{ts,tsx}'],
        },
      },
      {
        extends: true,
        test: {
          name: 'create-plugin',
          root: 'packages/create-stashkit-plugin',
          environment: 'node',
          include: ['test/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'example-web',
          root: 'examples/web',
          environment: 'node',
          include: ['src/**/*.test.ts'],
        },
      },
      ...([17, 18] as const).map((version) => ({
        extends: true,
        resolve: { alias: reactCompat(version) },
        test: {
          name: `react-${version}`,
          root: 'packages/react',
          environment: 'happy-dom',
          // TanStack Query v5 needs React 18's useSyncExternalStore; its interop runs on the default project.
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: ['test/**/*.query.test.{ts,tsx}'],
        },
      })),
    ],
  },
  resolve: { conditions: ['source'] },
  // Workspace packages resolve to their TypeScript sources in the node (SSR) environment too.
  ssr: { resolve: { conditions: ['source'], externalConditions: ['source'] } },
});
