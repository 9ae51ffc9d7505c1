import { defineConfig } from 'vitest/config';

// One `vitest run` covers every package; each project keeps its own environment.
export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'codegen', root: 'tools/codegen', environment: 'node', include: ['test/**/*.test.ts'] },
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
    ],
  },
  resolve: { conditions: ['source'] },
  // Workspace packages resolve to their TypeScript sources in the node (SSR) environment too.
  ssr: { resolve: { conditions: ['source'], externalConditions: ['source'] } },
});
