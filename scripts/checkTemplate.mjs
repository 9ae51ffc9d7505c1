#!/usr/bin/env node
// `pnpm test:template`: what a plugin author does, outside the repository. Packs the workspace's
// @stashkit packages (built dists, `workspace:` ranges rewritten as on publish), scaffolds a plugin
// with the create-stashkit-plugin bin into a temp folder, installs it from those tarballs, then runs
// its typecheck (skipLibCheck false), build and tests. Needs `pnpm build` first.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
const pnpm = join(repo, 'node_modules/.bin/pnpm');
const PACKAGES = ['core', 'react', 'plugin', 'mock'];
const started = Date.now();
const timings = [];

function run(label, command, args, cwd) {
  const t0 = Date.now();
  const result = spawnSync(command, args, { cwd, stdio: 'inherit', env: { ...process.env, CI: 'true' } });
  timings.push(`${label} ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  if (result.status !== 0) {
    throw new Error(`template: FAILED at "${label}" (exit ${result.status ?? result.signal}) in ${cwd}`);
  }
}

const work = mkdtempSync(join(tmpdir(), 'stashkit-template-'));
let ok = false;
try {
  const packs = join(work, 'packs');
  mkdirSync(packs);
  for (const name of PACKAGES) {
    run(`pack @stashkit/${name}`, pnpm, ['pack', '--pack-destination', packs], join(repo, 'packages', name));
  }
  const tarball = (name) =>
    join(
      packs,
      readdirSync(packs).find((f) => f.startsWith(`stashkit-${name}-`)),
    );

  const project = join(work, 'my-panel');
  run(
    'create-stashkit-plugin',
    process.execPath,
    [join(repo, 'packages/create-stashkit-plugin/bin/create-stashkit-plugin.mjs'), project],
    work,
  );

  // The scaffold asks for the published ranges; point them (and the packages' own deps) at the tarballs.
  const manifestPath = join(project, 'package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const overrides = Object.fromEntries(
    PACKAGES.map((name) => [`@stashkit/${name}`, `file:${tarball(name)}`]),
  );
  for (const deps of [manifest.dependencies, manifest.devDependencies]) {
    for (const name of Object.keys(deps)) if (name in overrides) deps[name] = overrides[name];
  }
  manifest.pnpm = { overrides };
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + '\n');

  run(
    'install',
    pnpm,
    ['install', '--prefer-offline', '--reporter=append-only', '--config.strict-peer-dependencies=false'],
    project,
  );
  run('typecheck', pnpm, ['run', 'typecheck'], project);
  run('build', pnpm, ['run', 'build'], project);
  run('test', pnpm, ['test'], project);
  ok = true;
  console.log(`template: passed in ${((Date.now() - started) / 1000).toFixed(1)} s (${timings.join(', ')})`);
} catch (error) {
  console.error(error.message);
  process.exitCode = 1;
} finally {
  if (ok || process.env.TEMPLATE_KEEP !== '1') rmSync(work, { recursive: true, force: true });
  else console.error(`template: kept ${work}`);
}
