/**
 * Every ```ts / ```tsx fence in the READMEs and the docs typechecks (strict, as a module, with the
 * names in snippets/prelude.d.ts declared), and every fence marked `run` runs against the mock.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStash, type TestStash } from '@stashkit/testkit';
import { markdownFiles, snippetsOf, type Snippet } from './collectSnippets';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const OUT = fileURLToPath(new URL('../.snippets/', import.meta.url));
const PRELUDE = fileURLToPath(new URL('../snippets/prelude.d.ts', import.meta.url));
// Runnable snippets name Stash's default address; the test points them at its own mock.
const STASH_URL = 'http://localhost:9999/graphql';

const snippets = markdownFiles(ROOT).flatMap((path) => snippetsOf(ROOT, path));
const fileName = (s: Snippet, i: number) =>
  `${OUT}${s.file.replace(/[^A-Za-z0-9]+/g, '_')}_${s.line}_${i}.${s.lang}`;

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
// The codegen README imports `./stash/model.js`: generate it as a user would (from the real schema).
const codegen = spawnSync(
  process.execPath,
  [
    `${ROOT}node_modules/tsx/dist/cli.mjs`,
    `${ROOT}packages/codegen/src/bin.ts`,
    '--input',
    `${ROOT}../shared/stash-schema/introspection.json`,
    '--out',
    `${OUT}stash`,
  ],
  { encoding: 'utf8' },
);
if (codegen.status !== 0) throw new Error(`docs: codegen for the snippets failed: ${codegen.stderr}`);
const written = snippets.map((s, i) => {
  const path = fileName(s, i);
  writeFileSync(path, `${s.code}\nexport {};\n`);
  return { snippet: s, path };
});

function typecheck(): Map<string, string[]> {
  const program = ts.createProgram([PRELUDE, ...written.map((w) => w.path)], {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    customConditions: ['source'],
    allowImportingTsExtensions: true,
    jsx: ts.JsxEmit.ReactJSX,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    types: ['node'],
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    esModuleInterop: true,
    isolatedModules: true,
  });
  const byPath = new Map(written.map((w) => [w.path, w.snippet]));
  const problems = new Map<string, string[]>();
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const snippet = d.file && byPath.get(d.file.fileName);
    const text = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    if (!snippet) {
      // A broken prelude or a global error would hide snippet errors: report it under every file.
      if (!d.file || d.file.fileName === PRELUDE)
        problems.set('(global)', [...(problems.get('(global)') ?? []), text]);
      continue;
    }
    const { line } = d.file!.getLineAndCharacterOfPosition(d.start ?? 0);
    const at = `${snippet.file}:${snippet.line + line}`;
    problems.set(snippet.file, [...(problems.get(snippet.file) ?? []), `${at}: ${text}`]);
  }
  return problems;
}

describe('snippets in READMEs and docs', () => {
  let problems: Map<string, string[]>;
  beforeAll(() => {
    problems = typecheck();
  }, 180_000);

  it('finds the snippets', () => {
    expect(snippets.length).toBeGreaterThan(20);
    expect(new Set(snippets.map((s) => s.file))).toContain('README.md');
  });

  it('has no error outside the snippets', () => {
    expect(problems.get('(global)') ?? []).toEqual([]);
  });

  it.each([...new Set(snippets.map((s) => s.file))])('%s typechecks', (file) => {
    expect(problems.get(file) ?? []).toEqual([]);
  });
});

describe('runnable snippets', () => {
  let stash: TestStash;
  beforeAll(async () => {
    stash = await startTestStash({ seed: 1, size: 200 });
  });
  afterAll(() => stash?.close());

  const runnable = written.filter((w) => w.snippet.flags.includes('run'));
  it('there are some', () => expect(runnable.length).toBeGreaterThan(3));

  it.each(runnable.map((w) => [`${w.snippet.file}:${w.snippet.line}`, w] as const))(
    '%s runs against the mock',
    async (_, w) => {
      stash.reset();
      const path = w.path.replace(/\.(tsx?)$/, '.run.$1');
      writeFileSync(path, `${w.snippet.code.replaceAll(STASH_URL, stash.url)}\nexport {};\n`);
      await import(pathToFileURL(path).href);
    },
    60_000,
  );
});
