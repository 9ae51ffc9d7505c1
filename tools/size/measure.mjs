// `pnpm --filter @stashkit/size run measure [-- --baseline DIR]`: bundles every entry of
// `.size-limit.cjs` the way size-limit's esbuild plugin does (esbuild 0.28, minified, tree-shaken,
// the same externals) and reports min, gzip (level 9, what the budget checks) and brotli bytes,
// for this checkout and, with `--baseline`, for another checkout's built packages in the same run.
// It also bundles the read-only panel from source to show which core folders it carries.
// Results go to results.md and results.json beside this file.
import { build } from 'esbuild';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
const checks = createRequire(import.meta.url)('./.size-limit.cjs');
// `--baseline LABEL=DIR`, repeatable: other checkouts (built) measured in the same run.
const baselines = [];
process.argv.forEach((arg, i) => {
  if (arg !== '--baseline') return;
  const [label, dir] = process.argv[i + 1].split('=');
  baselines.push({ label, dir: resolve(dir) });
});

// `@stashkit/<pkg>[/sub]` -> that checkout's built file (its package.json `exports`, import condition).
function stashkitResolver(root) {
  return {
    name: 'stashkit-checkout',
    setup(b) {
      b.onResolve({ filter: /^@stashkit\/[a-z]+(\/[a-z]+)?$/ }, (args) => {
        const [, pkg, sub] = /^@stashkit\/([a-z]+)(\/[a-z]+)?$/.exec(args.path);
        const dir = join(root, 'packages', pkg);
        if (!existsSync(join(dir, 'package.json')))
          return { errors: [{ text: `${args.path}: not in ${root}` }] };
        const exports = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).exports;
        const entry = exports[sub === undefined ? '.' : `.${sub}`];
        if (entry === undefined) return { errors: [{ text: `${args.path}: no such export in ${root}` }] };
        const file = typeof entry.import === 'string' ? entry.import : entry.import.default;
        return { path: join(dir, file) };
      });
    },
  };
}

async function bundle(check, root, extra = {}) {
  const result = await build({
    entryPoints: [join(here, check.path)],
    bundle: true,
    write: false,
    metafile: true,
    minifyIdentifiers: true,
    minifySyntax: true,
    minifyWhitespace: true,
    treeShaking: true,
    external: check.ignore ?? [],
    outdir: join(here, '.out'),
    logLevel: 'silent',
    plugins: extra.conditions ? [] : [stashkitResolver(root)],
    ...extra,
  });
  const code = result.outputFiles.find((f) => f.path.endsWith('.js')).contents;
  return {
    min: code.length,
    gzip: gzipSync(code, { level: 9 }).length,
    brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    metafile: result.metafile,
  };
}

async function measure(check, root) {
  try {
    const { min, gzip, brotli } = await bundle(check, root);
    return { min, gzip, brotli };
  } catch (error) {
    return { error: String(error.errors?.[0]?.text ?? error.message ?? error) };
  }
}

// Bytes each core/react source folder contributes to the read-only panel (bundled from source).
async function composition(check) {
  const { metafile } = await bundle(check, repo, { conditions: ['source'], absWorkingDir: repo });
  const out = Object.values(metafile.outputs).find((o) => o.entryPoint !== undefined);
  const by = {};
  for (const [input, { bytesInOutput }] of Object.entries(out.inputs)) {
    const key = input.includes('node_modules')
      ? input.replace(/^.*node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+).*$/, '$1')
      : input.replace(/^packages\/(\w+)\/src\/([^/]+)(\/.*)?$/, '$1/$2');
    by[key] = (by[key] ?? 0) + bytesInOutput;
  }
  return Object.entries(by)
    .filter(([, bytes]) => bytes > 0)
    .sort((a, b) => b[1] - a[1]);
}

const kB = (n) => (n === undefined ? 'n/a' : `${(n / 1000).toFixed(2)} kB`);
const rows = [];
for (const check of checks) {
  const before = [];
  for (const b of baselines) before.push(await measure(check, b.dir));
  const after = await measure(check, repo);
  rows.push({ name: check.name, limit: check.limit, ignore: check.ignore ?? [], before, after });
}
const readOnly = checks.find((c) => c.name.startsWith('read-only panel'));
const parts = readOnly === undefined ? [] : await composition(readOnly);

const cell = (m) =>
  m === undefined || m.error !== undefined ? 'n/a' : `${kB(m.min)} / ${kB(m.gzip)} / ${kB(m.brotli)}`;
const lines = [
  '# Bundle sizes',
  '',
  'Measured by `tools/size/measure.mjs` (esbuild 0.28 as size-limit bundles: minified, tree-shaken; gzip level 9, brotli 11), every column in the same run. Cells: min / min+gzip / min+brotli. The budget (`pnpm size`) checks min+gzip.',
  '',
  ...baselines.map((b, i) => `- before ${i + 1}: ${b.label}`),
  '',
  `| entry | external | limit (gzip) | ${baselines.map((_, i) => `before ${i + 1}`).join(' | ')}${baselines.length ? ' | ' : ''}now |`,
  `| --- | --- | --- | ${baselines.map(() => '--- | ').join('')}--- |`,
  ...rows.map(
    (r) =>
      `| ${r.name} | ${r.ignore.join(', ') || '—'} | ${r.limit} | ${r.before.map((m) => cell(m) + ' | ').join('')}${cell(r.after)} |`,
  ),
  '',
];
if (parts.length > 0) {
  lines.push(
    `## What the ${readOnly.name} carries (minified bytes per source folder, bundled from source)`,
    '',
  );
  lines.push('| folder | bytes |', '| --- | --- |', ...parts.map(([k, v]) => `| ${k} | ${v} |`), '');
}
writeFileSync(join(here, 'results.md'), lines.join('\n'));
writeFileSync(
  join(here, 'results.json'),
  JSON.stringify({ baselines, rows, readOnly: parts }, null, 2) + '\n',
);
console.log(lines.join('\n'));
