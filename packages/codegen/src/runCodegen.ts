/**
 * `npx @stashkit/codegen --url http://localhost:9999/graphql --api-key KEY --out src/stash`
 * (or `--input introspection.json`): writes `types.ts`, `model.ts` and `index.ts` for that Stash
 * version into the user's project, for `createStashStore({ model })`.
 */
import { resolve } from 'node:path';
import { generateProjectFiles } from './generateProjectFiles.ts';
import { loadIntrospection } from './loadIntrospection.ts';
import { parseArgs } from './parseArgs.ts';
import { writeFiles } from './writeFiles.ts';

export const USAGE = `Usage: npx @stashkit/codegen (--url URL [--api-key KEY] | --input FILE) [--out DIR] [--check]

Writes TypeScript types and the runtime schema model of your Stash version:
  import { model } from './stash/model.js';
  const store = createStashStore({ url, apiKey, model }); // typed by ./stash/types.ts

  --url URL       Stash GraphQL endpoint, e.g. http://localhost:9999/graphql
  --api-key KEY   sent as the ApiKey header (or set STASH_API_KEY); never printed
  --input FILE    an introspection result (JSON) instead of a live server
  --out DIR       where types.ts, model.ts and index.ts go (default: src/stash)
  --check         write nothing; exit 1 if the files in DIR differ from a fresh run
`;

export interface CodegenIO {
  log(message: string): void;
  error(message: string): void;
  env?: Record<string, string | undefined>;
  cwd?: string;
}

/** Replaces every occurrence of `secret` in `text` (an API key must never reach a terminal or a CI log). */
export function redact(text: string, secret: string | undefined): string {
  return secret ? text.split(secret).join('***') : text;
}

/** The API key in the arguments or the environment, found even when the arguments do not parse. */
export function apiKeyIn(
  argv: readonly string[],
  env: Record<string, string | undefined> = {},
): string | undefined {
  const at = argv.indexOf('--api-key');
  if (at >= 0 && argv[at + 1]) return argv[at + 1];
  const inline = argv.find((a) => a.startsWith('--api-key='));
  return inline ? inline.slice('--api-key='.length) : env.STASH_API_KEY;
}

/** Runs the CLI; resolves with the exit code. */
export async function runCodegen(argv: readonly string[], io: CodegenIO): Promise<number> {
  const secret = apiKeyIn(argv, io.env);
  const log = (m: string) => io.log(redact(m, secret));
  const fail = (m: string) => io.error(redact(m, secret));
  try {
    const args = parseArgs(argv, io.env);
    if (args.help) {
      log(USAGE);
      return 0;
    }
    if (!args.url && !args.input) {
      fail(`codegen: give --url or --input\n\n${USAGE}`);
      return 2;
    }
    const cwd = io.cwd ?? process.cwd();
    const out = resolve(cwd, args.out ?? 'src/stash');
    const introspection = await loadIntrospection({
      url: args.url,
      apiKey: args.apiKey,
      input: args.input && resolve(cwd, args.input),
    });
    const files = generateProjectFiles(introspection);
    const touched = await writeFiles(out, files, args.check);
    if (args.check) {
      if (touched.length) {
        fail(`codegen: out of date in ${out} (re-run without --check): ${touched.join(', ')}`);
        return 1;
      }
      log(`codegen: ${Object.keys(files).length} files in ${out} are up to date`);
    } else log(`codegen: wrote ${touched.join(', ')} to ${out}`);
    return 0;
  } catch (err) {
    fail(err instanceof Error ? err.message : String(err));
    return 1;
  }
}
