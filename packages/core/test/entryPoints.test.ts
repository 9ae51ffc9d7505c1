// The main entry stays small: graphql-ws (`@stashkit/core/live`) and the Apollo bridge
// (`@stashkit/core/host`) are reached only through their own entries or a dynamic import().
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../src');

/** Every module and package `entry` reaches through static imports (type-only imports skipped). */
function staticGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(
      /^\s*(?:import|export)\s+(type\s+)?(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm,
    )) {
      if (m[1]) continue;
      const spec = m[2];
      if (!spec.startsWith('.')) {
        packages.add(spec);
        continue;
      }
      const base = resolve(dirname(file), spec);
      const target = [`${base}.ts`, `${base}/index.ts`].find((f) => existsSync(f));
      if (target !== undefined) visit(target);
    }
  };
  visit(entry);
  return { files, packages };
}

describe('entry points', () => {
  it('the main entry reaches neither graphql-ws nor the live connection nor the host bridge', () => {
    const { files, packages } = staticGraph(resolve(SRC, 'index.ts'));
    expect([...packages].filter((p) => p.startsWith('graphql-ws') || p.startsWith('@apollo'))).toEqual([]);
    const relative = [...files].map((f) => f.slice(SRC.length + 1));
    expect(relative.filter((f) => f.startsWith('host/') || f === 'live/liveConnection.ts')).toEqual([]);
    expect(relative).toContain('store/stashEntityStore.ts');
  });

  it('the live entry brings graphql-ws; the host entry needs no Apollo package and no graphql-js', () => {
    expect(staticGraph(resolve(SRC, 'live/index.ts')).packages).toContain('graphql-ws');
    const host = staticGraph(resolve(SRC, 'host/index.ts')).packages;
    // A plugin bundle connects the bridge: graphql-js (~40 kB) must not come with it.
    expect([...host].filter((p) => p.startsWith('@apollo') || p.startsWith('graphql'))).toEqual([]);
  });
});
