// `pnpm test:consumer`: the packages as a user outside the repository gets them. Packs every
// published package (`pnpm pack` rewrites `workspace:` ranges), installs the tarballs with npm
// into fresh apps in a temporary folder outside the repository, and in each app typechecks with
// `strict` and `skipLibCheck: false`, then runs it:
//   - react17-vite: React 17.0.2 (the Stash plugin host) and Vite 8, no zustand: `vite build` of a
//     panel on @stashkit/core/fetch + @stashkit/react, the read-only panel on @stashkit/core/read
//     (typechecked), and a plugin entry on @stashkit/plugin.
//   - react19-node: React 19 on Node, ESM (.mjs) and CJS (.cjs): a read against the packaged mock
//     (`startMockStash`), a component rendered with react-dom/server, StashError identity across
//     the two builds, the `stashkit-mock` bin answering, and `stashkit-codegen` writing a model
//     from that server that the app then typechecks and reads through.
// Prints one line per check and `consumer: N passed, N failed`; exits 1 on any failure.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(fileURLToPath(new URL('..', import.meta.url)));
// The workspace's pinned pnpm (scripts/pnpm.sh installs it as a root devDependency).
const pnpm = join(repo, 'node_modules/.bin/pnpm');
const work = mkdtempSync(join(tmpdir(), 'stashkit-consumer-'));
const keep = process.argv.includes('--keep');
const results = [];
const started = Date.now();

function run(cmd, args, cwd, extraEnv = {}) {
  return execFileSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    // npm in a folder under the repo would read the workspace .npmrc; these apps are outside it.
    env: { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', ...extraEnv },
    maxBuffer: 64 * 1024 * 1024,
  });
}

function check(name, fn) {
  const t = Date.now();
  try {
    const detail = fn();
    results.push({ name, ok: true });
    console.log(
      `consumer: ok   ${name} (${((Date.now() - t) / 1000).toFixed(1)} s)${detail ? `: ${detail}` : ''}`,
    );
    return true;
  } catch (error) {
    results.push({ name, ok: false });
    const out = `${error.stdout ?? ''}${error.stderr ?? ''}`.trim() || String(error.message ?? error);
    console.log(`consumer: FAIL ${name}\n${out.split('\n').slice(0, 60).join('\n')}`);
    return false;
  }
}

function write(dir, files) {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), typeof text === 'string' ? text : JSON.stringify(text, null, 2) + '\n');
  }
}

// 1. Pack.
const tarballs = join(work, 'tarballs');
mkdirSync(tarballs);
const packed = {};
const packOk = check('pack every package with pnpm pack', () => {
  for (const pkg of ['core', 'react', 'mock', 'codegen', 'plugin']) {
    run(pnpm, ['pack', '--pack-destination', tarballs], join(repo, 'packages', pkg));
  }
  for (const file of readdirSync(tarballs))
    packed[file.replace(/^stashkit-(\w+)-.*$/, '$1')] = join(tarballs, file);
  // No tarball may keep a workspace: range or ship tests.
  for (const [pkg, file] of Object.entries(packed)) {
    const list = run('tar', ['-tzf', file], work);
    if (/^package\/(test|.*\.test\.)/m.test(list)) throw new Error(`${pkg}: the tarball ships tests`);
    const manifest = run('tar', ['-xzOf', file, 'package/package.json'], work);
    if (manifest.includes('workspace:')) throw new Error(`${pkg}: package.json keeps a workspace: range`);
    if (manifest.includes('"source"'))
      throw new Error(`${pkg}: package.json ships the source export condition`);
  }
  return Object.keys(packed).join(', ');
});

const strict = {
  strict: true,
  skipLibCheck: false,
  noEmit: true,
  target: 'es2022',
  lib: ['es2022', 'dom', 'dom.iterable'],
  jsx: 'react-jsx',
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  isolatedModules: true,
  verbatimModuleSyntax: false,
};

// 2. React 17 + Vite.
const vite17 = join(work, 'react17-vite');
const panelSource = (storeImport) => `import { useState } from 'react';
import { render } from 'react-dom';
import { createStashStore } from '${storeImport}';
import { StashProvider, useEntity, useFindIter, isStashError } from './stashkit';

const store = createStashStore({ url: new URL('graphql', document.baseURI).href });

function SceneTitle({ id }: { id: string }) {
  const { data, error } = useEntity('Scene', id, { fields: ['title', 'studio.name'] as const });
  if (error !== null && isStashError(error)) return <p role="alert">{error.message}</p>;
  return <h2>{data?.title ?? '…'} {data?.studio?.name}</h2>;
}

function Tags() {
  const [q] = useState('a');
  const { items, hasMore, loadMore } = useFindIter('Tag', { name__icontains: q }, { fields: ['name'] as const });
  return (
    <ul onClick={() => hasMore && loadMore()}>
      {items.map((t) => <li key={t.id}>{t.name}</li>)}
    </ul>
  );
}

render(
  <StashProvider store={store}>
    <SceneTitle id="1" />
    <Tags />
  </StashProvider>,
  document.getElementById('root'),
);
`;
if (packOk) {
  write(vite17, {
    'package.json': {
      name: 'react17-vite',
      private: true,
      type: 'module',
      dependencies: {
        '@stashkit/core': packed.core,
        '@stashkit/react': packed.react,
        '@stashkit/plugin': packed.plugin,
        react: '17.0.2',
        'react-dom': '17.0.2',
      },
      devDependencies: {
        '@types/react': '^17.0.0',
        '@types/react-dom': '^17.0.0',
        typescript: '5.9.3',
        vite: '8.3.8',
      },
    },
    'tsconfig.json': {
      compilerOptions: { ...strict, module: 'esnext', moduleResolution: 'bundler', types: [] },
      include: ['src'],
    },
    'index.html': '<!doctype html><div id="root"></div><script type="module" src="/src/main.tsx"></script>\n',
    'src/stashkit.ts': `export { StashProvider, useEntity, useFindIter } from '@stashkit/react';
export { isStashError } from '@stashkit/core';
`,
    'src/main.tsx': panelSource('@stashkit/core/fetch'),
    // The read-only panel of the docs (typechecked here; run on Node below).
    'src/readPanel.tsx': panelSource('@stashkit/core/read'),
    'src/plugin.tsx': `import { definePlugin, createHostStore } from '@stashkit/plugin';
import { useEntity } from '@stashkit/react';

function Panel() {
  const { data } = useEntity('Performer', '1', { fields: ['name'] as const });
  return <span>{data?.name}</span>;
}
export const store = createHostStore();
export const plugin = definePlugin;
export { Panel };
`,
  });
  [
    () =>
      check('react17-vite: npm install (React 17.0.2, Vite 8, no zustand)', () => {
        run('npm', ['install', '--no-audit', '--prefer-offline', '--loglevel=error'], vite17);
      }),
    () =>
      check(
        'react17-vite: tsc strict, skipLibCheck false',
        () => void run('npx', ['tsc', '-p', '.'], vite17),
      ),
    () =>
      check('react17-vite: vite build', () => {
        const out = run('npx', ['vite', 'build', '--logLevel', 'warn'], vite17);
        return out.trim().split('\n').filter(Boolean).slice(-1)[0] ?? 'built';
      }),
  ].every((step) => step());
}

// 3. React 19 on Node, ESM and CJS.
const node19 = join(work, 'react19-node');
const readAndRender = (lang) => {
  const imp =
    lang === 'esm'
      ? `import { createStashStore, isStashError, StashError, StashNetworkError, StashValidationError } from '@stashkit/core';
import { createStashStore as createFetchStore } from '@stashkit/core/fetch';
import { createStashStore as createReadStore } from '@stashkit/core/read';
import { StashProvider, useEntity } from '@stashkit/react';
import { startMockStash } from '@stashkit/mock';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { createRequire } from 'node:module';
`
      : `import { createStashStore, isStashError, StashError, StashNetworkError, StashValidationError } from '@stashkit/core';
import { createStashStore as createFetchStore } from '@stashkit/core/fetch';
import { createStashStore as createReadStore } from '@stashkit/core/read';
import { StashProvider, useEntity } from '@stashkit/react';
import { startMockStash } from '@stashkit/mock';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
`;
  return `${imp}
function Title({ id }: { id: string }) {
  const { data } = useEntity('Scene', id, { fields: ['title'] as const });
  return createElement('h1', null, data?.title ?? 'loading');
}

async function main(): Promise<void> {
  const stash = await startMockStash({ port: 0, size: 20, apiKey: 'consumer-key' });
  try {
    for (const make of [createStashStore, createFetchStore, createReadStore]) {
      const store = make({ url: stash.url, apiKey: 'consumer-key', retry: false });
      const scene = await store.get('Scene', '1', { fields: ['title', 'performers.name'] });
      if (scene === null || typeof scene.title !== 'string') throw new Error('no scene 1 from the mock');
      const html = renderToString(createElement(StashProvider, { store }, createElement(Title, { id: '1' })));
      if (!html.includes(scene.title.replace(/&/g, '&amp;'))) throw new Error('rendered ' + html);
      const refused = await make({ url: stash.url, retry: false }).get('Tag', '1').catch((e: unknown) => e);
      if (!(refused instanceof StashNetworkError) || refused.status !== 401 || !isStashError(refused))
        throw new Error('expected a 401 StashNetworkError, got ' + String(refused));
    }
    // The read-only store refuses writes with a clear error, sending nothing.
    const readOnly = createReadStore({ url: stash.url, apiKey: 'consumer-key', retry: false });
    const refusedSave = await readOnly.saveAll().catch((e: unknown) => e);
    if (!(refusedSave instanceof StashValidationError) || !refusedSave.message.includes("'@stashkit/core'"))
      throw new Error('expected the read-only StashValidationError, got ' + String(refusedSave));
${
  lang === 'esm'
    ? `    // The CJS build next to the ESM one: one error identity.
    const cjs = createRequire(import.meta.url)('@stashkit/core') as typeof import('@stashkit/core');
    if (cjs.StashError === StashError) throw new Error('expected two copies (ESM and CJS)');
    const other = new cjs.StashNetworkError('x', { status: 502 });
    if (!(other instanceof StashNetworkError) || !(other instanceof StashError) || !isStashError(other))
      throw new Error('a CJS StashNetworkError is not an ESM StashNetworkError');
`
    : ''
}    console.log('${lang}: read, rendered, errors ok');
  } finally {
    await stash.close();
  }
}
main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
`;
};
if (packOk) {
  write(node19, {
    'package.json': {
      name: 'react19-node',
      private: true,
      type: 'module',
      dependencies: {
        '@stashkit/core': packed.core,
        '@stashkit/react': packed.react,
        '@stashkit/mock': packed.mock,
        '@stashkit/codegen': packed.codegen,
        react: '19.3.1',
        'react-dom': '19.3.1',
      },
      devDependencies: {
        '@types/node': '20.19.43',
        '@types/react': '19.3.0',
        '@types/react-dom': '19.3.0',
        typescript: '5.9.3',
      },
    },
    'tsconfig.json': {
      compilerOptions: {
        ...strict,
        noEmit: false,
        outDir: 'out',
        module: 'node16',
        moduleResolution: 'node16',
        types: ['node'],
      },
      include: ['src'],
    },
    'src/read.mts': readAndRender('esm'),
    'src/read.cts': readAndRender('cjs'),
    'src/mswTypes.mts': `// The msw entry needs msw (an optional peer); the main entry must not.
export type { RunningMockStash, StartMockStashOptions } from '@stashkit/mock';
`,
  });
  const ok =
    check('react19-node: npm install (React 19, no zustand, no msw)', () => {
      run('npm', ['install', '--no-audit', '--prefer-offline', '--loglevel=error'], node19);
    }) &&
    check(
      'react19-node: tsc strict, skipLibCheck false, node16 (ESM and CJS)',
      () => void run('npx', ['tsc', '-p', '.'], node19),
    );
  if (ok) {
    check('react19-node: ESM read against the packaged mock, renderToString, one StashError identity', () =>
      run('node', ['out/read.mjs'], node19).trim(),
    );
    check('react19-node: CJS read against the packaged mock, renderToString', () =>
      run('node', ['out/read.cjs'], node19).trim(),
    );
    await checkAsync(
      'react19-node: stashkit-mock bin serves, stashkit-codegen writes a model that typechecks and reads',
      () => codegenAgainstBin(node19),
    );
  }
}

// The mock's bin on a free port (it prints its URL), codegen --url against it, then a strict
// program on the generated model reading through it.
async function codegenAgainstBin(dir) {
  const child = spawn(join(dir, 'node_modules/.bin/stashkit-mock'), ['--port', '0', '--size', '10'], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const url = await new Promise((resolveUrl, reject) => {
      let log = '';
      const timer = setTimeout(
        () => reject(new Error(`stashkit-mock printed no URL in 20 s:\n${log}`)),
        20_000,
      );
      const onData = (d) => {
        log += d;
        const found = /http:\/\/[\w.:[\]-]+\/graphql/.exec(log);
        if (found) {
          clearTimeout(timer);
          resolveUrl(found[0]);
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.on('exit', (code) => reject(new Error(`stashkit-mock exited (${code}):\n${log}`)));
    });
    run('npx', ['stashkit-codegen', '--url', url, '--out', 'gen/stash'], dir);
    write(dir, {
      'gen/read.mts': `import { createStashStore } from '@stashkit/core';
import { model } from './stash/model.js';
const store = createStashStore({ url: process.argv[2]!, model, retry: false });
const tag = await store.get('Tag', '1', { fields: ['name'] });
if (tag === null || typeof tag.name !== 'string') throw new Error('no tag');
console.log('codegen model read: ' + tag.name);
`,
      'gen/tsconfig.json': {
        extends: '../tsconfig.json',
        compilerOptions: { outDir: '../out-gen', rootDir: '.' },
        include: ['.'],
      },
    });
    run('npx', ['tsc', '-p', 'gen'], dir);
    return `${url}; ` + run('node', ['out-gen/read.mjs', url], dir).trim();
  } finally {
    child.kill('SIGTERM');
  }
}

async function checkAsync(name, fn) {
  const t = Date.now();
  try {
    const detail = await fn();
    results.push({ name, ok: true });
    console.log(
      `consumer: ok   ${name} (${((Date.now() - t) / 1000).toFixed(1)} s)${detail ? `: ${detail}` : ''}`,
    );
  } catch (error) {
    results.push({ name, ok: false });
    const out = `${error.stdout ?? ''}${error.stderr ?? ''}`.trim() || String(error.message ?? error);
    console.log(`consumer: FAIL ${name}\n${out.split('\n').slice(0, 60).join('\n')}`);
  }
}

const failed = results.filter((r) => !r.ok).length;
console.log(`consumer: ${((Date.now() - started) / 1000).toFixed(0)} s in ${work}${keep ? ' (kept)' : ''}`);
console.log(`consumer: ${results.length - failed} passed, ${failed} failed`);
if (!keep) rmSync(work, { recursive: true, force: true });
process.exit(failed === 0 ? 0 : 1);
