/**
 * The repository's `pnpm codegen [--url URL [--api-key KEY]] [--input FILE] [--check]`: writes the
 * committed sources (core's bundled model and types, the mock's SDL) from the shared introspection.
 * Users run the published CLI (`runCodegen.ts`) instead.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateAll } from './generateAll.ts';
import { loadIntrospection } from './loadIntrospection.ts';
import { parseArgs } from './parseArgs.ts';
import { apiKeyIn, redact } from './runCodegen.ts';
import { writeFiles } from './writeFiles.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), process.env);
  if (args.out)
    throw new Error(
      'codegen: the repository codegen writes fixed paths; --out is for `npx @stashkit/codegen`',
    );
  const introspection = await loadIntrospection({
    url: args.url,
    apiKey: args.apiKey,
    input: args.input ? resolve(args.input) : resolve(root, '../shared/stash-schema/introspection.json'),
  });
  const files = generateAll(introspection);
  const touched = await writeFiles(root, files, args.check);
  if (!args.check) console.log(`codegen: wrote ${touched.length} files`);
  else if (touched.length) {
    console.error(
      `codegen: generated files are out of date, run \`pnpm codegen\`:\n  ${touched.join('\n  ')}`,
    );
    process.exitCode = 1;
  } else console.log(`codegen: ${Object.keys(files).length} generated files are up to date`);
}

main().catch((err) => {
  const key = apiKeyIn(process.argv.slice(2), process.env);
  console.error(redact(err instanceof Error ? err.message : String(err), key));
  process.exitCode = 1;
});
