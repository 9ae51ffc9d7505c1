// `pnpm --filter @stashkit/size run measure [-- --baseline DIR]`: bundles every entry of
// `.size-limit.cjs` the way size-limit's esbuild plugin does (esbuild 0.28, minified, tree-shaken,
// the same externals) and reports min, gzip (level 9, what the budget checks) and brotli bytes,
// for this checkout and, with `--baseline`, for another checkout's built packages in the same run.
// It also bundles the read-only panel and the panel with edits from source to show which core
// folders each carries.
// Results go to results.md and results.json beside this file.
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { bundle, here, inputsOf, splitBundle } from './bundle.mjs';

const repo = resolve(here, '../..');
const checks = createRequire(import.meta.url)('./.size-limit.cjs');
// `--baseline LABEL=DIR`, repeatable: other checkouts (built) measured in the same run.
const baselines = [];
process.argv.forEach((arg, i) => {
  if (arg !== '--baseline') return;
  const [label, dir] = process.argv[i + 1].split('=');
  baselines.push({ label, dir: resolve(dir) });
});

async function measure(check, root) {
  try {
    const { min, gzip, brotli } = await bundle(check, root);
    return { min, gzip, brotli };
  } catch (error) {
    return { error: String(error.errors?.[0]?.text ?? error.message ?? error) };
  }
}

// Bytes each core/react source folder contributes to an entry (bundled from source).
async function composition(check) {
  const { metafile } = await bundle(check, repo, { fromSource: true });
  const by = {};
  for (const [input, bytes] of inputsOf(metafile)) {
    const key = input.replace(/^packages\/(\w+)\/src\/([^/]+)(\/.*)?$/, '$1/$2');
    by[key] = (by[key] ?? 0) + bytes;
  }
  return Object.entries(by).sort((a, b) => b[1] - a[1]);
}

// An entry a baseline cannot build (its import did not exist yet) is measured there as users had to
// write it then: before `@stashkit/core/read`, a read-only panel took the full store of `/fetch`
// (and before `@stashkit/plugin/read`, a read-only plugin panel the full `@stashkit/plugin`).
const WRITTEN_BEFORE = {
  'entries/panel-read.js': 'entries/panel-fetch.js',
  'entries/plugin-panel-read.js': 'entries/plugin-panel.js',
};

const kB = (n) => (n === undefined ? 'n/a' : `${(n / 1000).toFixed(2)} kB`);
const rows = [];
for (const check of checks) {
  const before = [];
  for (const b of baselines) {
    let m = await measure(check, b.dir);
    const then = WRITTEN_BEFORE[check.path];
    if (m.error !== undefined && then !== undefined)
      m = { ...(await measure({ ...check, path: then }, b.dir)), as: then };
    before.push(m);
  }
  const after = await measure(check, repo);
  const split = await splitBundle(check, repo);
  rows.push({ name: check.name, limit: check.limit, ignore: check.ignore ?? [], before, after, split });
}
// The read-only panel against the panel with edits: what drafts and mutations cost, per folder.
const shown = ['read-only panel', 'panel with edits']
  .map((prefix) => checks.find((c) => c.name.startsWith(prefix)))
  .filter((c) => c !== undefined);
const parts = [];
for (const check of shown) parts.push(Object.fromEntries(await composition(check)));
const folders = [...new Set(parts.flatMap((p) => Object.keys(p)))].sort(
  (a, b) => Math.max(...parts.map((p) => p[b] ?? 0)) - Math.max(...parts.map((p) => p[a] ?? 0)),
);

const cell = (m) =>
  m === undefined || m.error !== undefined
    ? 'n/a'
    : `${kB(m.min)} / ${kB(m.gzip)} / ${kB(m.brotli)}${m.as ? ` (as ${m.as})` : ''}`;
const lines = [
  '# Bundle sizes',
  '',
  'Measured by `tools/size/measure.mjs` (esbuild 0.28 as size-limit bundles: minified, tree-shaken; gzip level 9, brotli 11), every column in the same run. Cells: min / min+gzip / min+brotli. The budget (`pnpm size`) checks min+gzip.',
  '',
  ...baselines.map((b, i) => `- before ${i + 1}: ${b.label}`),
  '',
  `| entry | external | limit (gzip) | ${baselines.map((_, i) => `before ${i + 1}`).join(' | ')}${baselines.length ? ' | ' : ''}now | now, code-split: initial / lazy (gzip) |`,
  `| --- | --- | --- | ${baselines.map(() => '--- | ').join('')}--- | --- |`,
  ...rows.map(
    (r) =>
      `| ${r.name} | ${r.ignore.join(', ') || '—'} | ${r.limit} | ${r.before.map((m) => cell(m) + ' | ').join('')}${cell(r.after)} | ${kB(r.split.initial.gzip)} / ${kB(r.split.lazy.gzip)} |`,
  ),
  '',
  'Code-split: the same entry bundled with `splitting` as Vite, webpack or Rollup ship an app: what loads at start (the entry chunk and the chunks it imports statically) and what only an `import()` loads (the live events of `connectLive()`). gzip per chunk, summed; a single-file build (size-limit, a Stash plugin script) carries both. Chunk boundaries cost gzip a little, so an entry with nothing lazy is slightly larger split.',
  '',
];
if (shown.length > 0) {
  lines.push(
    '## What the panels carry (minified bytes per source folder, bundled from source; `composition.mjs` checks the read-only one)',
    '',
    `| folder | ${shown.map((c) => c.name).join(' | ')} |`,
    `| --- | ${shown.map(() => '---').join(' | ')} |`,
    ...folders.map((f) => `| ${f} | ${parts.map((p) => p[f] ?? 0).join(' | ')} |`),
    '',
  );
}
writeFileSync(join(here, 'results.md'), lines.join('\n'));
writeFileSync(
  join(here, 'results.json'),
  JSON.stringify(
    { baselines, rows, composition: Object.fromEntries(shown.map((c, i) => [c.name, parts[i]])) },
    null,
    2,
  ) + '\n',
);
console.log(lines.join('\n'));
