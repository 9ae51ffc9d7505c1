// Bundles one `.size-limit.cjs` entry the way size-limit's esbuild plugin does (esbuild 0.28,
// minified, tree-shaken, the same externals), from a checkout's built packages or from source.
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const here = dirname(fileURLToPath(import.meta.url));

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

/**
 * `fromSource`: the packages' `source` condition (per-file metafile inputs) instead of `root`'s dist;
 * `plugins`: more esbuild plugins (from source only; `ablate.mjs` stubs modules out with one).
 */
export async function bundle(check, root, { fromSource = false, plugins = [] } = {}) {
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
    ...(fromSource
      ? { conditions: ['source'], absWorkingDir: root, plugins }
      : { plugins: [stashkitResolver(root)] }),
  });
  const code = result.outputFiles.find((f) => f.path.endsWith('.js')).contents;
  return {
    min: code.length,
    gzip: gzipSync(code, { level: 9 }).length,
    brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    metafile: result.metafile,
    code,
  };
}

/**
 * The entry as a code-splitting bundler (Vite, webpack, Rollup) ships it: esbuild with `splitting`,
 * the entry chunk plus every chunk it imports statically (`initial`: loaded at start) against the
 * chunks only an `import()` reaches (`lazy`: `connectLive()`'s live events). gzip per chunk, summed.
 */
export async function splitBundle(check, root) {
  const result = await build({
    entryPoints: [join(here, check.path)],
    bundle: true,
    write: false,
    metafile: true,
    splitting: true,
    format: 'esm',
    minify: true,
    treeShaking: true,
    external: check.ignore ?? [],
    outdir: join(here, '.out-split'),
    logLevel: 'silent',
    plugins: [stashkitResolver(root)],
  });
  const outputs = result.metafile.outputs;
  const rel = (file) => Object.keys(outputs).find((k) => file.endsWith(k));
  const entry = Object.keys(outputs).find((k) => outputs[k].entryPoint !== undefined);
  const initial = new Set([entry]);
  for (const k of initial)
    for (const i of outputs[k].imports) if (i.kind === 'import-statement' && !i.external) initial.add(i.path);
  const sum = { initial: { min: 0, gzip: 0 }, lazy: { min: 0, gzip: 0 } };
  for (const f of result.outputFiles) {
    const key = rel(f.path);
    if (key === undefined || !key.endsWith('.js')) continue;
    const into = initial.has(key) ? sum.initial : sum.lazy;
    into.min += f.contents.length;
    into.gzip += gzipSync(f.contents, { level: 9 }).length;
  }
  return sum;
}

/** Source files (repo-relative) and packages the bundle keeps bytes of, with their minified bytes. */
export function inputsOf(metafile) {
  const out = Object.values(metafile.outputs).find((o) => o.entryPoint !== undefined);
  const files = new Map();
  for (const [input, { bytesInOutput }] of Object.entries(out.inputs)) {
    if (bytesInOutput === 0) continue;
    const key = input.includes('node_modules')
      ? input.replace(/^.*node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+).*$/, '$1')
      : input;
    files.set(key, (files.get(key) ?? 0) + bytesInOutput);
  }
  return files;
}
