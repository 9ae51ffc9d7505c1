/** Command-line options shared by the published CLI and the repository's `pnpm codegen`. */
export interface CodegenArgs {
  url?: string;
  apiKey?: string;
  input?: string;
  out?: string;
  check: boolean;
  help: boolean;
}

const VALUED = { '--url': 'url', '--api-key': 'apiKey', '--input': 'input', '--out': 'out' } as const;

/** `--name value` and `--name=value`; the API key may also come from `STASH_API_KEY`. */
export function parseArgs(
  argv: readonly string[],
  env: Record<string, string | undefined> = {},
): CodegenArgs {
  const args: CodegenArgs = { check: false, help: false };
  if (env.STASH_API_KEY) args.apiKey = env.STASH_API_KEY;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (name === '--check') args.check = true;
    else if (name === '--help' || name === '-h') args.help = true;
    else if (Object.hasOwn(VALUED, name)) {
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      // The value is not echoed: it may be the API key.
      if (value === undefined || value === '' || (eq < 0 && value.startsWith('--')))
        throw new Error(`codegen: ${name} needs a value`);
      args[VALUED[name as keyof typeof VALUED]] = value;
    } else
      throw new Error(
        `codegen: unknown option ${name.startsWith('-') ? name : '(a bare value)'}; see --help`,
      );
  }
  return args;
}
