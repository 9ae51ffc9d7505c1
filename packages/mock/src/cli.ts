#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { startMockStash } from './server/startMockStash';

const USAGE = `Usage: stashkit-mock [--port 9999] [--host 127.0.0.1] [--seed 1] [--size 2000] [--api-key KEY] [--latency MS]
                     [--plugins DIR] [--ui DIR] [--last-note-seen YYYYMMDD]

  --api-key KEY  authentication on: requests need the ApiKey header, ?apikey= or a login session
                 (sign in at /login with the key as the password)
  --plugins DIR  Stash plugins folder: one folder per plugin with its .yml manifest; served as
                 plugins/pluginTasks and /plugin/{id}/javascript|css|assets/...
  --ui DIR       a Stash UI build you made (e.g. stash/ui/v2.5/build, with index.html), served at /
                 as Stash serves it: stashkit-mock --ui ./build --plugins ./plugins is a fake Stash
  --last-note-seen YYYYMMDD
                 seeds configuration.ui.lastNoteSeen, so the UI opens no release-notes modal for
                 notes up to that date`;

function intOption(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n)) {
    console.error(`MockStash: --${name} must be an integer, got ${JSON.stringify(value)}\n${USAGE}`);
    process.exit(2);
  }
  return n;
}

async function main(): Promise<void> {
  // `pnpm mock -- --port 1234` forwards a literal `--`; drop it so the options still parse.
  const args = process.argv.slice(2).filter((arg, i) => !(i === 0 && arg === '--'));
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      seed: { type: 'string' },
      size: { type: 'string' },
      'api-key': { type: 'string' },
      latency: { type: 'string' },
      plugins: { type: 'string' },
      'last-note-seen': { type: 'string' },
      ui: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const started = Date.now();
  const mock = await startMockStash({
    port: intOption('port', values.port, 9999),
    host: values.host ?? '127.0.0.1',
    seed: intOption('seed', values.seed, 1),
    size: intOption('size', values.size, 2000),
    apiKey: values['api-key'],
    latencyMs: intOption('latency', values.latency, 0),
    plugins: values.plugins,
    // the UI opens its release-notes modal for every note newer than ui.lastNoteSeen
    config:
      values['last-note-seen'] === undefined
        ? undefined
        : { ui: { lastNoteSeen: intOption('last-note-seen', values['last-note-seen'], 0) } },
    ui: values.ui,
  });
  console.log(`MockStash: listening on ${mock.url} (started in ${Date.now() - started} ms)`);
  if (values.ui) {
    console.log(`MockStash: serving the UI in ${values.ui} at ${mock.url.replace(/graphql$/, '')}`);
    // the key itself is never printed
    if (values['api-key']) console.log('MockStash: sign in at /login with the API key as the password');
  }
  if (values.plugins) {
    const count = mock.runtime.plugins.list().length;
    console.log(`MockStash: ${count} plugin${count === 1 ? '' : 's'} from ${values.plugins}`);
  }
  const stop = () => void mock.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`MockStash: ${(error as Error).message}`);
  process.exit(1);
});
