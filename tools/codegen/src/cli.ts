/**
 * `pnpm codegen [--url URL [--api-key KEY]] [--input FILE] [--check]`
 * Reads a Stash introspection result and writes the committed generated sources.
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateAll } from './generateAll.ts';
import { loadIntrospection } from './loadIntrospection.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

function parseArgs(argv: string[]) {
  const opts: { url?: string; apiKey?: string; input: string; check: boolean } = {
    input: resolve(root, '../shared/stash-schema/introspection.json'),
    check: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--check') opts.check = true;
    else if (a === '--url') opts.url = argv[++i];
    else if (a === '--api-key') opts.apiKey = argv[++i];
    else if (a === '--input') opts.input = resolve(argv[++i]);
    else throw new Error(`codegen: unknown argument ${a}`);
  }
  return opts;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const introspection = await loadIntrospection(opts);
  const files = generateAll(introspection);
  const stale: string[] = [];
  for (const [rel, content] of Object.entries(files)) {
    const path = resolve(root, rel);
    if (opts.check) {
      const current = await readFile(path, 'utf8').catch(() => null);
      if (current !== content) stale.push(rel);
    } else {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, content);
    }
  }
  if (opts.check) {
    if (stale.length) {
      console.error(
        `codegen: generated files are out of date, run \`pnpm codegen\`:\n  ${stale.join('\n  ')}`,
      );
      process.exit(1);
    }
    console.log(`codegen: ${Object.keys(files).length} generated files are up to date`);
  } else {
    console.log(`codegen: wrote ${Object.keys(files).length} files`);
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
