import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock, parsePluginManifest, type ManualClock } from '../src/index';
import { data, gql, startTestStash, type TestStash } from './helpers';

const FIXTURE = fileURLToPath(new URL('./fixtures/plugins', import.meta.url));
const PLUGIN = `id name description url version enabled requires paths { javascript css }
  tasks { name description } hooks { name description hooks } settings { name display_name description type }`;
const PLUGINS = `query Plugins { plugins { ${PLUGIN} } }`;
const TASKS = `query PluginTasks { pluginTasks { name description plugin { id name enabled } } }`;
const ENABLE = `mutation SetPluginsEnabled($map: BoolMap!) { setPluginsEnabled(enabledMap: $map) }`;
const RUN = `mutation RunPluginTask($id: ID!, $task: String, $description: String) {
  runPluginTask(plugin_id: $id, task_name: $task, description: $description) }`;
const FIND = `query FindJob($id: ID!) { findJob(input: { id: $id }) { status description progress error } }`;

async function get(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { headers, redirect: 'manual' });
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    headers: response.headers,
    text: await response.text(),
  };
}

describe('plugins from a plugins folder', () => {
  let stash: TestStash;
  let clock: ManualClock;
  let origin: string;
  beforeAll(async () => {
    clock = createManualClock(Date.UTC(2026, 0, 1));
    stash = await startTestStash({ size: 20, plugins: FIXTURE, jobs: { clock, durationMs: 1000, steps: 2 } });
    origin = new URL(stash.url).origin;
  });
  afterAll(() => stash.close());
  beforeEach(() => stash.reset());

  it('lists the valid manifests as Stash shapes them (ids from file names, settings sorted)', async () => {
    const { plugins } = await data(stash.url, PLUGINS);
    expect(plugins.map((p: { id: string }) => p.id)).toEqual(['base', 'hello']);
    expect(plugins[1]).toEqual({
      id: 'hello',
      name: 'Hello Plugin',
      description: 'Says hello on every page',
      url: 'https://example.com/hello',
      // yaml.v2 keeps a scalar's text for a string field
      version: '1.0',
      enabled: true,
      requires: ['base'],
      paths: {
        javascript: ['https://cdn.example.com/extra.js', `${origin}/plugin/hello/javascript`],
        css: [`${origin}/plugin/hello/css`],
      },
      tasks: [
        { name: 'Greet', description: 'Greets everyone' },
        { name: 'Count', description: '' },
      ],
      hooks: [{ name: 'Scene updated', description: 'Logs scene updates', hooks: ['Scene.Update.Post'] }],
      settings: [
        { name: 'alpha', display_name: '', description: 'The first setting', type: 'STRING' },
        { name: 'zeta', display_name: 'Zeta', description: '', type: 'BOOLEAN' },
      ],
    });
    expect(plugins[0]).toMatchObject({
      name: 'Base',
      tasks: null,
      hooks: null,
      settings: [],
      requires: null,
    });
    expect(plugins[0].paths).toEqual({ javascript: [`${origin}/plugin/base/javascript`], css: null });
  });

  it('logs a manifest that does not load, with yaml.v2 strict decoding', async () => {
    await data(stash.url, 'mutation ReloadPlugins { reloadPlugins }');
    const { logs } = await data(stash.url, 'query Logs { logs { level message } }');
    expect(logs).toEqual([
      {
        level: 'Error',
        message: `Error loading plugin ${FIXTURE}/broken/broken.yml: yaml: unmarshal errors:\n  line 2: field colour not found in type plugin.Config`,
      },
    ]);
    expect(() => parsePluginManifest('name: Broken\ncolour: red\n')).toThrow(
      'yaml: unmarshal errors:\n  line 2: field colour not found in type plugin.Config',
    );
    expect(() => parsePluginManifest('interface: python\n')).toThrow('invalid interface type python');
    expect(() => parsePluginManifest('tasks: x\n')).toThrow(
      'line 1: cannot unmarshal !!str `x` into []*plugin.OperationConfig',
    );
  });

  it('pluginTasks lists the enabled plugins tasks; setPluginsEnabled disables and enables again', async () => {
    let { pluginTasks } = await data(stash.url, TASKS);
    expect(pluginTasks).toEqual([
      {
        name: 'Greet',
        description: 'Greets everyone',
        plugin: { id: 'hello', name: 'Hello Plugin', enabled: true },
      },
      { name: 'Count', description: '', plugin: { id: 'hello', name: 'Hello Plugin', enabled: true } },
    ]);
    expect((await data(stash.url, ENABLE, { map: { hello: false, nope: false } })).setPluginsEnabled).toBe(
      true,
    );
    expect((await data(stash.url, PLUGINS)).plugins.map((p: { enabled: boolean }) => p.enabled)).toEqual([
      true,
      false,
    ]);
    ({ pluginTasks } = await data(stash.url, TASKS));
    expect(pluginTasks).toBeNull();
    expect(await get(`${origin}/plugin/hello/javascript`)).toMatchObject({
      status: 400,
      text: 'plugin disabled\n',
    });
    await data(stash.url, ENABLE, { map: { hello: true } });
    expect((await data(stash.url, TASKS)).pluginTasks).toHaveLength(2);
  });

  it('runPluginTask queues a job named after the description, task or plugin; a bad task fails the job', async () => {
    const greet = (await data(stash.url, RUN, { id: 'hello', task: 'Greet' })).runPluginTask;
    const named = (await data(stash.url, RUN, { id: 'hello', task: 'Greet', description: 'Say hi' }))
      .runPluginTask;
    const bare = (await data(stash.url, RUN, { id: 'hello' })).runPluginTask;
    const missing = (await data(stash.url, RUN, { id: 'hello', task: 'Nope' })).runPluginTask;
    const unknown = (await data(stash.url, RUN, { id: 'ghost' })).runPluginTask;
    expect((await data(stash.url, FIND, { id: greet })).findJob).toMatchObject({
      status: 'RUNNING',
      description: 'Running plugin task: Greet',
      progress: 0,
    });
    clock.advance(500);
    expect((await data(stash.url, FIND, { id: greet })).findJob.progress).toBe(0.5);
    clock.advance(500 + 1000 + 1000);
    expect((await data(stash.url, FIND, { id: greet })).findJob.status).toBe('FINISHED');
    expect((await data(stash.url, FIND, { id: named })).findJob.description).toBe(
      'Running plugin task: Say hi',
    );
    expect((await data(stash.url, FIND, { id: bare })).findJob).toMatchObject({
      status: 'FINISHED',
      description: 'Running plugin task: hello',
    });
    expect((await data(stash.url, FIND, { id: missing })).findJob).toMatchObject({
      status: 'FAILED',
      error: 'Error creating plugin task: no task with name Nope in plugin Hello Plugin',
    });
    clock.advance(0);
    expect((await data(stash.url, FIND, { id: unknown })).findJob).toMatchObject({
      status: 'FAILED',
      error: 'Error creating plugin task: no plugin with ID ghost',
    });
  });

  it('serves ui.javascript and ui.css joined, each file followed by a newline', async () => {
    const js = await get(`${origin}/plugin/hello/javascript`);
    expect(js.status).toBe(200);
    expect(js.type).toBe('text/javascript');
    expect(js.text.startsWith('// Runs on every page of the UI')).toBe(true);
    expect(js.text.endsWith('})();\n\n')).toBe(true);
    const css = await get(`${origin}/plugin/hello/css`);
    expect(css).toMatchObject({ status: 200, type: 'text/css' });
    expect(css.text).toBe('#hello-plugin {\n  color: rgb(255, 0, 128);\n}\n\n');
    // no local CSS: an empty body, as Stash joins no files
    expect(await get(`${origin}/plugin/base/css`)).toMatchObject({ status: 200, text: '' });
    expect(await get(`${origin}/plugin/ghost/javascript`)).toMatchObject({
      status: 404,
      text: 'Not Found\n',
    });
  });

  it('serves ui.assets by longest URL prefix, folders by their index.html, nothing outside the plugin', async () => {
    expect(await get(`${origin}/plugin/hello/assets/data.json`)).toMatchObject({
      status: 200,
      type: 'application/json',
      text: '{ "greeting": "hello" }\n',
    });
    expect((await get(`${origin}/plugin/hello/assets`)).text).toContain('<title>Hello assets</title>');
    expect((await get(`${origin}/plugin/hello/assets/nested/index.html`)).text).toContain(
      '<title>Nested</title>',
    );
    expect(await get(`${origin}/plugin/hello/assets/img/logo.svg`)).toMatchObject({
      status: 200,
      type: 'image/svg+xml',
    });
    expect((await get(`${origin}/plugin/hello/assets/img/../../hello.yml`)).status).toBe(404);
    expect((await get(`${origin}/plugin/hello/assets/%2e%2e/hello.yml`)).status).toBe(404);
    expect((await get(`${origin}/plugin/hello/assets/missing.txt`)).status).toBe(404);
    expect((await get(`${origin}/plugin/base/assets/base.js`)).status).toBe(404);
  });
});

describe('plugins: reload and auth', () => {
  it('reloadPlugins reads the folder again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stashkit-plugins-'));
    cpSync(join(FIXTURE, 'base'), join(dir, 'base'), { recursive: true });
    const stash = await startTestStash({ size: 20, plugins: dir });
    try {
      expect((await data(stash.url, PLUGINS)).plugins.map((p: { id: string }) => p.id)).toEqual(['base']);
      writeFileSync(join(dir, 'extra.yml'), 'name: Extra\n');
      expect((await data(stash.url, PLUGINS)).plugins).toHaveLength(1);
      expect((await data(stash.url, 'mutation ReloadPlugins { reloadPlugins }')).reloadPlugins).toBe(true);
      expect((await data(stash.url, PLUGINS)).plugins.map((p: { id: string }) => p.id)).toEqual([
        'base',
        'extra',
      ]);
    } finally {
      await stash.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('without plugins, plugins and pluginTasks are null, as a fresh Stash', async () => {
    const stash = await startTestStash({ size: 20 });
    try {
      expect(await data(stash.url, 'query P { plugins { id } pluginTasks { name } }')).toEqual({
        plugins: null,
        pluginTasks: null,
      });
    } finally {
      await stash.close();
    }
  });

  it('plugin routes need the key: a page is redirected to the login, a file is a 401', async () => {
    const stash = await startTestStash({ size: 20, plugins: FIXTURE, apiKey: 'secret' });
    const origin = new URL(stash.url).origin;
    try {
      const page = await get(`${origin}/plugin/hello/javascript`);
      expect(page.status).toBe(302);
      expect(page.headers.get('location')).toBe('/login?returnURL=%2Fplugin%2Fhello%2Fjavascript');
      const file = await get(`${origin}/plugin/hello/assets/data.json`);
      expect(file).toMatchObject({ status: 401, text: '' });
      expect(file.headers.get('www-authenticate')).toBe('FormBased');
      expect((await get(`${origin}/plugin/hello/javascript?apikey=wrong`)).status).toBe(401);
      expect((await get(`${origin}/plugin/hello/javascript?apikey=secret`)).status).toBe(200);
      expect((await get(`${origin}/plugin/hello/css`, { ApiKey: 'secret' })).status).toBe(200);
      expect((await gql(stash.url, PLUGINS, undefined, { ApiKey: 'secret' })).status).toBe(200);
    } finally {
      await stash.close();
    }
  });
});
