/**
 * The scaffolder writes the template with the plugin's id and name and nothing left to fill; bad ids
 * and non-empty folders are refused before anything is written. (`pnpm test:template` installs,
 * builds and tests a scaffolded plugin from packed tarballs.)
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
// @ts-expect-error the bin is plain JavaScript without declarations
import { scaffold } from '../bin/scaffold.mjs';

const work = mkdtempSync(join(tmpdir(), 'stashkit-scaffold-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

it('fills in the id and the name everywhere', () => {
  const { id, name, files } = scaffold(join(work, 'scene-tools'));
  expect([id, name]).toEqual(['scene-tools', 'Scene tools']);
  const dir = join(work, 'scene-tools');
  expect(readdirSync(dir).sort()).toEqual([
    '.gitignore',
    'README.md',
    'package.json',
    'src',
    'test',
    'tsconfig.json',
    'vite.config.ts',
  ]);
  for (const file of files) expect(readFileSync(file, 'utf8'), file).not.toMatch(/__[A-Z_]+__/);
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  expect(pkg.name).toBe('scene-tools');
  expect(pkg.dependencies['@stashkit/plugin']).toBe('^0.1.0');
  expect(readFileSync(join(dir, 'vite.config.ts'), 'utf8')).toContain("id: 'scene-tools'");
  expect(readFileSync(join(dir, 'src/main.tsx'), 'utf8')).toContain("'/plugin/scene-tools'");
});

it('refuses a bad id or a folder in use, writing nothing', () => {
  expect(() => scaffold(join(work, 'My Panel'))).toThrow(
    'create-stashkit-plugin: "My Panel" is not a plugin id (lower-case letters, digits, - and _); pass --id',
  );
  expect(readdirSync(work)).not.toContain('My Panel');
  expect(scaffold(join(work, 'My Panel'), { id: 'my-panel', name: 'My Panel' }).id).toBe('my-panel');
  const used = join(work, 'used');
  mkdirSync(used);
  writeFileSync(join(used, 'notes.txt'), 'keep');
  expect(() => scaffold(used)).toThrow(/create-stashkit-plugin: .*used exists and is not empty/);
  expect(readdirSync(used)).toEqual(['notes.txt']);
});
