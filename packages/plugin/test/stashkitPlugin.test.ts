/**
 * The Vite preset builds real fixtures: one classic IIFE on the host's React (no React source inside,
 * no module syntax, no require), its CSS, and a manifest the mock reads as Stash does; the bundle runs
 * on React 17.0.2 in a fresh VM context; a bundle that would carry a second React fails the build.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from 'vite';
import { parsePluginManifest } from '@stashkit/mock';
import { stashkitPlugin, type StashkitPluginOptions } from '../src/vite/index';

// React 17.0.2 with its own ReactDOM (the react-17 harness of @stashkit/react).
const require17 = createRequire(new URL('../../react/compat/react-17/package.json', import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}/`, import.meta.url));
const outDirs: string[] = [];

afterAll(() => {
  for (const dir of outDirs) rmSync(dir, { recursive: true, force: true });
});

async function buildFixture(name: string, options: StashkitPluginOptions): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'stashkit-plugin-build-'));
  outDirs.push(outDir);
  await build({
    root: fixture(name),
    configFile: false,
    logLevel: 'silent',
    plugins: [stashkitPlugin(options)],
    build: { outDir },
  });
  return outDir;
}

// Markers of React's and ReactDOM's own source (17 to 19).
const REACT_MARKERS = [
  '__SECRET_INTERNALS_DO_NOT_USE_OR_YOU_WILL_BE_FIRED',
  '__CLIENT_INTERNALS_DO_NOT_USE_OR_WARN_USERS_THEY_CANNOT_UPGRADE',
  'react.element',
  'ReactCurrentDispatcher',
  'react-dom.production',
  'scheduler',
];

describe('stashkitPlugin', () => {
  let outDir: string;
  let code: string;

  it('builds <id>.js, <id>.css and <id>.yml', async () => {
    outDir = await buildFixture('panel', {
      id: 'fixture',
      name: 'Fixture panel',
      description: 'A panel: on the host React',
      version: '1.2.3',
      entry: 'src/main.tsx',
      settings: { greeting: { displayName: 'Greeting', type: 'STRING' } },
    });
    expect(readdirSync(outDir).sort()).toEqual(['fixture.css', 'fixture.js', 'fixture.yml']);
    code = readFileSync(join(outDir, 'fixture.js'), 'utf8');
    expect(readFileSync(join(outDir, 'fixture.css'), 'utf8')).toContain('.fixture-panel');
  });

  it('is one classic script with no React inside, no module syntax and no require', () => {
    for (const marker of REACT_MARKERS) expect(code, marker).not.toContain(marker);
    expect(code).not.toMatch(/\brequire\(/);
    expect(code).not.toMatch(/(^|[;}])\s*(import|export)[\s{*]/m);
    expect(code).not.toMatch(/process\.env/);
    expect(
      code.startsWith('if(typeof PluginApi>`u`)throw Error(`fixture plugin: window.PluginApi is missing'),
    ).toBe(true);
    expect(code.trimEnd()).toMatch(/\}\)\(PluginApi\.React,PluginApi\.ReactDOM\);$/);
    // The CommonJS shim came along (it is not React), its require('react') now the host's.
    expect(code).toContain('useSyncExternalStore');
  });

  it('writes the manifest Stash reads: name, description, version, ui.javascript, ui.css, settings', () => {
    const text = readFileSync(join(outDir, 'fixture.yml'), 'utf8');
    const manifest = parsePluginManifest(text);
    expect(manifest).toEqual({
      name: 'Fixture panel',
      description: 'A panel: on the host React',
      version: '1.2.3',
      // Stash's default for a manifest without `interface`.
      interface: 'raw',
      ui: { javascript: ['fixture.js'], css: ['fixture.css'] },
      settings: { greeting: { displayName: 'Greeting', type: 'STRING' } },
    });
  });

  it('runs on React 17.0.2 taken from PluginApi', () => {
    const React17 = require17('react');
    const ReactDOM17 = require17('react-dom');
    const server = require17('react-dom/server');
    const routes: Record<string, unknown> = {};
    const PluginApi = {
      React: React17,
      ReactDOM: ReactDOM17,
      register: { route: (path: string, component: unknown) => void (routes[path] = component) },
    };
    runInNewContext(code, { PluginApi, window: { PluginApi } });
    expect(Object.keys(routes)).toEqual(['/plugin/fixture']);
    const html: string = server.renderToStaticMarkup(
      React17.createElement(routes['/plugin/fixture'], { title: 'Hi' }),
    );
    expect(html).toBe(
      '<section class="fixture-panel" data-react="17.0.2"><h1>Hi</h1><ul><li>2</li><li>external</li></ul></section>',
    );
  });

  it('refuses a bundle that would carry a second React', async () => {
    await expect(
      buildFixture('second-react', { id: 'bad', name: 'Bad', entry: 'src/main.js' }),
    ).rejects.toThrow(/stashkitPlugin: bad\.js would bundle a second React \(.*react.*\)/);
  });

  it('a read-only plugin (@stashkit/plugin/read) carries no graphql-ws, drafts or mutations, and runs', async () => {
    const built = async (id: string, entry: string) => {
      const dir = await buildFixture('store-panels', { id, name: id, entry });
      return readFileSync(join(dir, `${id}.js`), 'utf8');
    };
    const reader = await built('reader', 'src/read.tsx');
    // The full store's script: graphql-ws (its subprotocol), drafts and deletes are in it.
    const editor = await built('editor', 'src/full.tsx');
    for (const marker of ['graphql-transport-ws', 'StashDraft: ', 'cannot be deleted']) {
      expect(editor, marker).toContain(marker);
      expect(reader, marker).not.toContain(marker);
    }
    const routes: Record<string, unknown> = {};
    const PluginApi = {
      React: require17('react'),
      ReactDOM: require17('react-dom'),
      register: { route: (path: string, component: unknown) => void (routes[path] = component) },
    };
    const document = { baseURI: 'http://stash.test/' };
    runInNewContext(reader, { PluginApi, window: { PluginApi }, document, URL });
    expect(Object.keys(routes)).toEqual(['/plugin/reader']);
  });

  it('checks its options before building', () => {
    expect(() => stashkitPlugin({ id: 'a/b', name: 'x' })).toThrow(/stashkitPlugin: id must be a plugin id/);
    expect(() => stashkitPlugin({ id: 'ok', name: ' ' })).toThrow(
      'stashkitPlugin: name must be a non-empty string',
    );
    expect(() => stashkitPlugin({ id: 'ok', name: 'x', version: 1 as never })).toThrow(
      'stashkitPlugin: version must be a string',
    );
  });
});
