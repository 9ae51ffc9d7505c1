#!/usr/bin/env node
// `npm create stashkit-plugin <dir> [--id ID] [--name "Display name"]`
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { scaffold } from './scaffold.mjs';

const usage = 'usage: npm create stashkit-plugin <dir> [-- --id my-panel --name "My panel"]';
let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: { id: { type: 'string' }, name: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
} catch (error) {
  console.error(`create-stashkit-plugin: ${error.message}\n${usage}`);
  process.exit(2);
}
const { values, positionals } = parsed;
if (values.help || positionals.length !== 1) {
  console.log(usage);
  process.exit(values.help ? 0 : 2);
}
try {
  const { dir, id } = scaffold(positionals[0], { id: values.id, name: values.name });
  const shown = relative(process.cwd(), dir) || '.';
  console.log(`Stash plugin "${id}" in ${shown}. Next:

  cd ${shown}
  npm install
  npm test            # the panel against a mock Stash, and the build: one script, no React inside
  npm run build       # dist/${id}/: ${id}.yml, ${id}.js, ${id}.css -> copy to <stash>/plugins/${id}/
  npm run dev         # rebuild on change + a mock Stash serving the plugin (http://127.0.0.1:9999)`);
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
