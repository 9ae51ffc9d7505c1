#!/usr/bin/env node
// `npm start`: the embedded mock Stash on 127.0.0.1:9999 and the Vite dev server on 127.0.0.1:5173,
// which forwards /graphql to the mock. Ctrl-C (or either process ending) stops both.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('..', import.meta.url));
const repo = fileURLToPath(new URL('../../..', import.meta.url));
const mockPort = process.env.STASHKIT_MOCK_PORT ?? '9999';
const mockUrl = `http://127.0.0.1:${mockPort}`;

const children = [
  spawn(
    process.execPath,
    [`${repo}node_modules/tsx/dist/cli.mjs`, `${repo}packages/mock/src/cli.ts`, '--port', mockPort],
    { stdio: 'inherit' },
  ),
  spawn(process.execPath, [`${here}node_modules/vite/bin/vite.js`, '--clearScreen', 'false'], {
    cwd: here,
    stdio: 'inherit',
    env: { ...process.env, STASHKIT_MOCK_URL: mockUrl },
  }),
];

let stopping = false;
function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exitCode = code;
}

for (const child of children) {
  child.on('exit', (code) => stop(code ?? 0));
  child.on('error', (error) => {
    console.error(`start: ${error.message}`);
    stop(1);
  });
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
console.log(`start: app http://127.0.0.1:5173/ · mock Stash ${mockUrl}/graphql · Ctrl-C stops both`);
