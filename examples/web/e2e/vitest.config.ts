import { defineConfig } from 'vitest/config';

// The browser checks (e2e/run.mjs builds first, then runs this). One file at a time: 2 cores.
export default defineConfig({
  root: new URL('..', import.meta.url).pathname,
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'], externalConditions: ['source'] } },
  test: {
    name: 'e2e',
    include: ['e2e/**/*.e2e.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // expect.poll waits for the page (first paint, a service worker starting) up to 10 s.
    expect: { poll: { timeout: 10_000, interval: 100 } },
  },
});
