import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

/**
 * Writes `files` (paths relative to `dir`), or with `check` only lists those whose content differs
 * from a fresh run (missing ones included). Returns the paths written or found stale.
 */
export async function writeFiles(
  dir: string,
  files: Record<string, string>,
  check: boolean,
): Promise<string[]> {
  const touched: string[] = [];
  for (const [rel, content] of Object.entries(files)) {
    const path = resolve(dir, rel);
    if (check) {
      const current = await readFile(path, 'utf8').catch(() => null);
      if (current !== content) touched.push(rel);
    } else {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, content);
      touched.push(rel);
    }
  }
  return touched;
}
