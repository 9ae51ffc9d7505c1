// @vitest-environment node
/** The plugin build: one classic script with no React inside, its CSS, and the manifest Stash reads. */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { build } from 'vite';

it('builds one classic script on the host React, its CSS and the manifest', async () => {
  const outDir = mkdtempSync(join(tmpdir(), '__PLUGIN_ID__-build-'));
  try {
    await build({ logLevel: 'silent', build: { outDir } });
    expect(readdirSync(outDir).sort()).toEqual([
      '__PLUGIN_ID__.css',
      '__PLUGIN_ID__.js',
      '__PLUGIN_ID__.yml',
    ]);
    const code = readFileSync(join(outDir, '__PLUGIN_ID__.js'), 'utf8');
    for (const marker of [
      '__SECRET_INTERNALS_DO_NOT_USE_OR_YOU_WILL_BE_FIRED',
      'react.element',
      'ReactCurrentDispatcher',
    ]) {
      expect(code).not.toContain(marker);
    }
    // The IIFE's arguments: the host's modules, nothing of React inside.
    expect(code.trimEnd()).toMatch(/\}\)\((\{\},)?PluginApi\.React(,PluginApi\.[\w.]+)*\);$/);
    const manifest = readFileSync(join(outDir, '__PLUGIN_ID__.yml'), 'utf8');
    expect(manifest).toContain('name: __PLUGIN_NAME__');
    expect(manifest).toMatch(/javascript:\n\s+- __PLUGIN_ID__\.js\n\s+css:\n\s+- __PLUGIN_ID__\.css/);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
});
