#!/usr/bin/env node
// The browser step of `npm test`: builds the app, the plugin bundle and Storybook, then runs the
// Chromium checks (e2e/*.e2e.test.ts). Without Chromium it skips with a message, except under CI=true.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const web = fileURLToPath(new URL('..', import.meta.url));
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

if (!existsSync(chromium)) {
  const how = 'install it (Debian: apt-get install -y chromium fonts-liberation) or set CHROMIUM_PATH';
  if (process.env.CI === 'true') {
    console.error(`e2e: FAILED: no Chromium at ${chromium} and CI=true; ${how}`);
    process.exit(1);
  }
  console.log(`e2e: SKIPPED the browser checks: no Chromium at ${chromium}; ${how}`);
  process.exit(0);
}

const bin = (name) => `${web}node_modules/.bin/${name}`;
const steps = [
  ['vite build (app)', bin('vite'), ['build', '--logLevel', 'warn']],
  ['vite build (plugin)', bin('vite'), ['build', '--config', 'vite.plugin.config.ts', '--logLevel', 'warn']],
  ['storybook build', bin('storybook'), ['build', '--quiet', '--loglevel', 'warn']],
  [
    'browser checks',
    bin('vitest'),
    [
      'run',
      '--config',
      'e2e/vitest.config.ts',
      // The JSON report feeds the closing "N passed, N failed" line of .ci/run.
      '--reporter=default',
      '--reporter=json',
      '--outputFile.json=../../test-results/e2e.json',
      ...process.argv.slice(2),
    ],
  ],
];
// E2E_SKIP_BUILD=1 reuses the previous builds while iterating on the checks.
const run = process.env.E2E_SKIP_BUILD === '1' ? steps.slice(3) : steps;

const timings = [];
for (const [label, command, args] of run) {
  const started = Date.now();
  const result = spawnSync(command, args, {
    cwd: web,
    stdio: 'inherit',
    env: { ...process.env, CHROMIUM_PATH: chromium },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  timings.push(`${label} ${seconds} s`);
  if (result.status !== 0) {
    console.error(`e2e: FAILED at "${label}" (exit ${result.status ?? result.signal}) after ${seconds} s`);
    process.exit(result.status || 1);
  }
}
console.log(`e2e: passed (${timings.join(', ')})`);
