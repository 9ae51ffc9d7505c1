#!/usr/bin/env node
// `npm start`: the embedded mock Stash on 127.0.0.1:9999 and then the Vite dev server on
// 127.0.0.1:5173, which forwards /graphql to the mock. Ctrl-C (or either process ending) stops both.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('..', import.meta.url));
const repo = fileURLToPath(new URL('../../..', import.meta.url));
const mockPort = process.env.STASHKIT_MOCK_PORT ?? '9999';
const mockUrl = `http://127.0.0.1:${mockPort}`;
const children = [];

let stopping = false;
function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exitCode = code;
}

function track(child, name) {
  children.push(child);
  child.on('exit', (code) => {
    if (!stopping) console.error(`start: ${name} exited (${code ?? 'signal'}); stopping`);
    stop(code ?? 0);
  });
  child.on('error', (error) => {
    console.error(`start: ${name}: ${error.message}`);
    stop(1);
  });
  return child;
}

const mock = track(
  spawn(
    process.execPath,
    [`${repo}node_modules/tsx/dist/cli.mjs`, `${repo}packages/mock/src/cli.ts`, '--port', mockPort],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  ),
  'mock Stash',
);

// Vite starts once the mock listens, so the app's first requests find it.
let viteStarted = false;
mock.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  if (viteStarted || stopping || !String(chunk).includes('listening on')) return;
  viteStarted = true;
  track(
    spawn(process.execPath, [`${here}node_modules/vite/bin/vite.js`, '--clearScreen', 'false'], {
      cwd: here,
      stdio: 'inherit',
      env: { ...process.env, STASHKIT_MOCK_URL: mockUrl },
    }),
    'vite',
  );
  console.log(`start: app http://127.0.0.1:5173/ · mock Stash ${mockUrl}/graphql · Ctrl-C stops both`);
});

process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
