// `pnpm --filter @stashkit/size run ablate [-- --entry entries/panel-read.js] [PATH...]`: what each
// source folder or file costs an entry, in min and min+gzip bytes. Each PATH (repo-relative, a folder
// or a file; default: every folder of packages/core/src and packages/react/src) is stubbed out in
// turn (its modules keep their export names, bound to empty functions) and the entry is bundled from
// source as `bundle.mjs` does; the cost is the full bundle minus the stubbed one, which includes
// whatever only that path pulled in (so a hub such as core/store takes nearly everything). Per-file
// minified bytes (`inputsOf`) cannot show gzip: this can.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { bundle, here } from './bundle.mjs';

const repo = resolve(here, '../..');
const args = process.argv.slice(2);
const at = args.indexOf('--entry');
const entry = at === -1 ? 'entries/panel-read.js' : args.splice(at, 2)[1];
const check = createRequire(import.meta.url)('./.size-limit.cjs').find((c) => c.path === entry);
if (check === undefined) throw new Error(`ablate: no .size-limit.cjs entry has path ${entry}`);

const folders = (dir) =>
  readdirSync(join(repo, dir))
    .filter((name) => statSync(join(repo, dir, name)).isDirectory())
    .map((name) => `${dir}/${name}`);
const targets = args.length > 0 ? args : [...folders('packages/core/src'), ...folders('packages/react/src')];

// The export names of a TypeScript module (a regex reading, enough for this repository's style).
function stubOf(text) {
  const names = new Set();
  const lines = [];
  const declared =
    /^export\s+(?:declare\s+)?(?:default\s+)?(?:async\s+)?(?:abstract\s+)?(?:function\*?|class|const\s+enum|const|let|var|enum)\s+([A-Za-z_$][\w$]*)/gm;
  for (const m of text.matchAll(declared)) names.add(m[1]);
  for (const m of text.matchAll(/^export\s*\{([^}]*)\}/gm)) {
    for (const part of m[1].split(',').map((p) => p.trim())) {
      if (part === '' || part.startsWith('type ')) continue;
      const [name, alias] = part.split(/\s+as\s+/);
      names.add((alias ?? name).trim());
    }
  }
  for (const m of text.matchAll(/^export\s*\*\s*(?:as\s+(\w+)\s+)?from\s*(['"][^'"]+['"])/gm)) {
    if (m[1]) names.add(m[1]);
    else lines.push(`export * from ${m[2]};`);
  }
  for (const name of names) lines.push(`export function ${name}() {}`);
  return lines.join('\n');
}

const stubbing = (prefix) => ({
  name: 'ablate',
  setup(b) {
    b.onLoad({ filter: /\.tsx?$/ }, (a) =>
      a.path.startsWith(join(repo, prefix))
        ? { contents: stubOf(readFileSync(a.path, 'utf8')), loader: 'ts' }
        : undefined,
    );
  },
});

async function measure(prefix) {
  const { code } = await bundle(check, repo, {
    fromSource: true,
    plugins: prefix ? [stubbing(prefix)] : [],
  });
  return { min: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

const full = await measure(undefined);
const rows = [];
for (const target of targets) {
  const cut = await measure(target);
  rows.push({ target, min: full.min - cut.min, gzip: full.gzip - cut.gzip });
}
rows.sort((a, b) => b.gzip - a.gzip);
console.log(`${check.name} from source: ${full.min} B min, ${full.gzip} B min+gzip`);
console.log('| path | min (B) | min+gzip (B) |\n| --- | --- | --- |');
for (const r of rows) console.log(`| ${r.target} | ${r.min} | ${r.gzip} |`);
