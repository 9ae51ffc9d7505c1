/**
 * The published CLI, as a user runs it: against the mock over HTTP (ApiKey header) and from an
 * introspection file, into a temporary directory; then a small program using
 * `createStashStore({ model })` on the output is typechecked (strict, `skipLibCheck: false`)
 * and the generated model reads from the mock.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStashStore, type StashTypes, type TypedSchemaModel } from '@stashkit/core';
import { createStashStore as createReadStore } from '@stashkit/core/read';
import { startTestStash, type TestStash } from '@stashkit/testkit';
import { generateProjectFiles } from '../src/generateProjectFiles.ts';
import { runCodegen } from '../src/runCodegen.ts';
import { introspection } from './introspection.ts';

const API_KEY = 'cli-test-secret-4f1c';
// Inside the package so `@stashkit/core` resolves to the workspace package, as in a user's project.
const tmpRoot = resolve(import.meta.dirname, '../.tmp');

function capture(env: Record<string, string | undefined> = {}) {
  const lines: string[] = [];
  const io = { log: (m: string) => lines.push(m), error: (m: string) => lines.push(m), env };
  return { io, lines, text: () => lines.join('\n') };
}

/** The shared introspection plus `Scene.plugin_rank: Int` and `SceneFilterType.plugin_rank`: "another Stash version". */
function customIntrospection(): unknown {
  const copy = structuredClone(introspection) as unknown as {
    __schema: { types: { name: string; fields?: unknown[]; inputFields?: unknown[] }[] };
  };
  const type = (name: string) => copy.__schema.types.find((t) => t.name === name)!;
  type('Scene').fields!.push({
    name: 'plugin_rank',
    args: [],
    type: { kind: 'SCALAR', name: 'Int', ofType: null },
    isDeprecated: false,
    deprecationReason: null,
  });
  type('SceneFilterType').inputFields!.push({
    name: 'plugin_rank',
    type: { kind: 'INPUT_OBJECT', name: 'IntCriterionInput', ofType: null },
    defaultValue: null,
  });
  return { data: copy };
}

const PROGRAM = `
import { createStashStore, type StashEntityStore } from '@stashkit/core';
import { model, type Scene, type StashTypes } from './stash/index.js';

const store = createStashStore({ url: 'http://localhost:9999/graphql', apiKey: 'k', model });
const bundled = createStashStore({ url: 'http://localhost:9999/graphql' });
export const typed: StashEntityStore<StashTypes> = store;

export async function read(): Promise<number | null | undefined> {
  const scene = await store.get('Scene', '1', { fields: ['title', 'plugin_rank', 'studio.name'] });
  const rank: number | null | undefined = scene?.plugin_rank;
  const name: string | undefined = scene?.studio?.name;
  const all: Scene[] = store.allCached('Scene');
  const ranked = await store.find('Scene', { plugin_rank__gte: 3, title__icontains: 'a' }, { fields: ['plugin_rank'] });
  const page = await store.findPage('Scene', { plugin_rank__gte: 1 }, { page: 2, fields: ['plugin_rank'] });
  const paged: number | null | undefined = page.items[0]?.plugin_rank;
  const first = await store.findOne('Scene', undefined, { fields: ['studio.name'] });
  const populated = first === null ? null : await store.populate(first, ['plugin_rank']);
  const both: [string | undefined, number | null | undefined] = [populated?.studio?.name, populated?.plugin_rank];
  // @ts-expect-error plugin_rank was not selected by findOne
  void first?.plugin_rank;
  // @ts-expect-error the bundled model has no plugin_rank
  await bundled.get('Scene', '1', { fields: ['plugin_rank'] });
  // @ts-expect-error nor can the bundled model page by it
  await bundled.findPage('Scene', undefined, { fields: ['plugin_rank'] });
  // @ts-expect-error a misspelt spec does not compile in findPage either
  await store.findPage('Scene', undefined, { fields: ['plugin_rnk'] });
  // @ts-expect-error the bundled filter has no plugin_rank
  await bundled.find('Scene', { plugin_rank__gte: 3 });
  // @ts-expect-error a misspelt spec does not compile
  await store.get('Scene', '1', { fields: ['titel'] });
  // @ts-expect-error nor does an unknown filter key
  await store.find('Scene', { plugin_rnk__gte: 3 });
  return rank ?? paged ?? both[1] ?? name?.length ?? all.length + ranked.length + page.pages;
}
`;

/** Typechecks `main.ts` in `dir` as a user's strict project would; returns the diagnostics. */
let previous: ts.Program | undefined;
function typecheck(dir: string): string[] {
  const options: ts.CompilerOptions = {
    strict: true,
    skipLibCheck: false,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    // Workspace packages resolve to their sources, as everywhere in the repository.
    customConditions: ['source'],
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    types: ['node'],
    noUnusedLocals: true,
  };
  // Reusing the last program keeps the second check to the changed file.
  const program = (previous = ts.createProgram([join(dir, 'main.ts')], options, undefined, previous));
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('npx @stashkit/codegen', () => {
  let stash: TestStash;
  let dir: string;

  beforeAll(async () => {
    stash = await startTestStash({ apiKey: API_KEY });
    mkdirSync(tmpRoot, { recursive: true });
    dir = mkdtempSync(join(tmpRoot, 'cli-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await stash.close();
  });

  it('introspects a Stash over HTTP with the ApiKey header and writes types, model and index', async () => {
    const out = capture();
    const code = await runCodegen(['--url', stash.url, '--api-key', API_KEY, '--out', 'http'], {
      ...out.io,
      cwd: dir,
    });
    expect(out.text()).not.toContain(API_KEY);
    expect(code).toBe(0);
    const expected = generateProjectFiles(introspection);
    for (const [name, content] of Object.entries(expected))
      expect(readFileSync(join(dir, 'http', name), 'utf8')).toBe(content);
    // One introspection, sent with the key (the mock answers 401 without it).
    expect(stash.requests.filter((r) => r.query.includes('__schema')).map((r) => r.status)).toEqual([200]);

    const check = capture();
    expect(
      await runCodegen(['--url', stash.url, '--out', 'http', '--check'], {
        ...check.io,
        env: { STASH_API_KEY: API_KEY },
        cwd: dir,
      }),
    ).toBe(0);
    expect(check.text()).toMatch(/3 files .* up to date/);
  });

  it('never prints the API key, also when it is refused or the server is unreachable', async () => {
    const refused = capture();
    const wrong = `${API_KEY}-wrong`;
    expect(
      await runCodegen(['--url', stash.url, '--api-key', wrong, '--out', 'x'], { ...refused.io, cwd: dir }),
    ).toBe(1);
    expect(refused.text()).toMatch(/HTTP 401: the API key was refused/);
    expect(refused.text()).not.toContain(wrong);

    const missing = capture();
    expect(await runCodegen(['--url', stash.url, '--out', 'x'], { ...missing.io, cwd: dir })).toBe(1);
    expect(missing.text()).toMatch(/needs an API key \(--api-key or STASH_API_KEY\)/);

    // A URL that embeds the key (as `?apikey=` can) is redacted too.
    const down = capture({ STASH_API_KEY: API_KEY });
    expect(
      await runCodegen(['--url', `http://127.0.0.1:1/graphql?apikey=${API_KEY}`], { ...down.io, cwd: dir }),
    ).toBe(1);
    expect(down.text()).toMatch(/cannot reach/);
    expect(down.text()).not.toContain(API_KEY);

    const badArgs = capture();
    expect(await runCodegen(['--api-key', API_KEY, API_KEY], { ...badArgs.io, cwd: dir })).toBe(1);
    expect(badArgs.text()).not.toContain(API_KEY);
  });

  it('reads through the generated model from the mock', async () => {
    const { model } = (await import(join(dir, 'http', 'model.ts'))) as {
      model: TypedSchemaModel<StashTypes>;
    };
    const store = createStashStore({ url: stash.url, apiKey: API_KEY, model, retry: false });
    expect(store.model).toBe(model);
    const scene = await store.get('Scene', '1', { fields: ['title', 'studio.name'] });
    expect(scene).toMatchObject({ __typename: 'Scene', id: '1' });
    const found = await store.find('Scene', { title__icontains: String(scene!.title).slice(0, 3) });
    expect(found.map((s) => s.id)).toContain('1');
    // Its write part (kept encoded until then) is merged in by the store's writes: a save works.
    const draft = store.edit(scene!);
    draft.title = 'saved through the generated model';
    await store.save(draft);
    expect(model.entities.Scene.update?.field).toBe('sceneUpdate');
    expect(store.getCached('Scene', '1')?.title).toBe('saved through the generated model');
  });

  it('gives a read-only store its readModel (no write part) and bundles only what is imported', async () => {
    const { readModel } = (await import(join(dir, 'http', 'model.ts'))) as {
      readModel: TypedSchemaModel<StashTypes>;
    };
    const store = createReadStore({ url: stash.url, apiKey: API_KEY, model: readModel, retry: false });
    expect(await store.get('Scene', '1', { fields: ['title'] })).toMatchObject({ id: '1' });
    expect(readModel.entities.Scene.update).toBeUndefined();
    expect(Object.keys(readModel.inputs)).not.toContain('SceneUpdateInput');
    // A bundle of readModel alone leaves the write part out (the calls are marked pure).
    const esbuild = createRequire(createRequire(import.meta.url).resolve('tsup'))('esbuild') as {
      build(o: object): Promise<{ outputFiles: { text: string }[] }>;
    };
    const bundle = async (name: string) =>
      (
        await esbuild.build({
          stdin: {
            contents: `export { ${name} } from './model.ts';`,
            resolveDir: join(dir, 'http'),
            loader: 'ts',
          },
          bundle: true,
          write: false,
          minify: true,
          external: ['@stashkit/core'],
          logLevel: 'silent',
        })
      ).outputFiles[0].text;
    expect(await bundle('readModel')).not.toContain('SceneUpdateInput');
    expect(await bundle('model')).toContain('SceneUpdateInput');
  });

  it('from a file, types createStashStore({ model }) by that schema (strict, skipLibCheck false)', async () => {
    const input = join(dir, 'custom.json');
    writeFileSync(input, JSON.stringify(customIntrospection()));
    const out = capture();
    expect(await runCodegen(['--input', 'custom.json', '--out', 'stash'], { ...out.io, cwd: dir })).toBe(0);
    expect(readFileSync(join(dir, 'stash', 'types.ts'), 'utf8')).toContain('plugin_rank: number | null;');

    writeFileSync(join(dir, 'main.ts'), PROGRAM);
    expect(typecheck(dir)).toEqual([]);

    // The check is able to fail: a wrong type at the use site is reported.
    writeFileSync(
      join(dir, 'main.ts'),
      PROGRAM.replace('const rank: number | null | undefined', 'const rank: string'),
    );
    expect(typecheck(dir).join('\n')).toMatch(/not assignable to type 'string'/);
  }, 120_000);

  it('--check fails when the output is out of date, and bad input is a clear error', async () => {
    writeFileSync(join(dir, 'stash', 'model.ts'), '// edited\n');
    const stale = capture();
    expect(
      await runCodegen(['--input', 'custom.json', '--out', 'stash', '--check'], { ...stale.io, cwd: dir }),
    ).toBe(1);
    expect(stale.text()).toMatch(/out of date .*: model\.ts/);

    const notJson = capture();
    expect(await runCodegen(['--input', 'main.ts'], { ...notJson.io, cwd: dir })).toBe(1);
    expect(notJson.text()).toMatch(/main\.ts is not JSON/);

    const none = capture();
    expect(await runCodegen([], { ...none.io, cwd: dir })).toBe(2);
    expect(none.text()).toMatch(/give --url or --input/);
  });
});
