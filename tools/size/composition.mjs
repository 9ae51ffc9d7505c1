// `pnpm size` (after size-limit): the read-only panels (core's and the plugin's) carry no draft, mutation or live code and
// none of graphql-ws, graphql-request, graphql-js (bundled from source: per-file inputs); the panel
// with edits does carry drafts and saves, so the check is not vacuous. Exits 1 naming what leaked.
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { bundle, here, inputsOf } from './bundle.mjs';

const repo = resolve(here, '../..');
const checks = createRequire(import.meta.url)('./.size-limit.cjs');
const entry = (prefix) => {
  const check = checks.find((c) => c.name.startsWith(prefix));
  if (check === undefined) throw new Error(`composition: no "${prefix}" entry in .size-limit.cjs`);
  return check;
};
// What reads keep of mutations/: list epochs, commit notices, and the rule applier of invalidateRule.
const READ_SIDE = new Set(['listEpochs.ts', 'storeCommits.ts', 'cacheEffects.ts']);
const writeCode = (input) =>
  input.startsWith('packages/core/src/drafts/') ||
  input.startsWith('packages/core/src/live/') ||
  (input.startsWith('packages/core/src/mutations/') && !READ_SIDE.has(input.split('/').pop()));
const heavyPackage = (input) => ['graphql-ws', 'graphql-request', 'graphql'].includes(input);

const failures = [];
// The read-only panel of @stashkit/core/read and the read-only plugin panel of @stashkit/plugin/read.
const readOnly = [entry('read-only panel'), entry('read-only plugin panel')];
const read = [];
for (const check of readOnly) {
  const inputs = inputsOf((await bundle(check, repo, { fromSource: true })).metafile);
  const leaked = [...inputs].filter(([input]) => writeCode(input) || heavyPackage(input));
  for (const [input, bytes] of leaked) failures.push(`${check.name} carries ${input} (${bytes} B)`);
  read.push(inputs);
}

const edits = entry('panel with edits');
const write = inputsOf((await bundle(edits, repo, { fromSource: true })).metafile);
for (const needed of ['packages/core/src/drafts/entityDraft.ts', 'packages/core/src/mutations/saveRunner.ts'])
  if (!write.has(needed))
    failures.push(`${edits.name} lacks ${needed}: is the check still looking at the right files?`);

if (failures.length > 0) {
  for (const f of failures) console.error(`composition: ${f}`);
  process.exit(1);
}
const sum = (m) => [...m.values()].reduce((a, b) => a + b, 0);
console.log(
  `composition: ${readOnly.map((c, i) => `${c.name} (${sum(read[i])} B from source)`).join(' and ')} carry no drafts, mutations, live or graphql packages; with edits ${sum(write)} B`,
);
