/**
 * Finds every TypeScript code fence in the repository's READMEs and the docs pages, so the snippet
 * test can typecheck them (and run the ones marked `run`).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface Snippet {
  /** Markdown file, relative to the repository root. */
  file: string;
  /** 1-based line of the first code line in the markdown file. */
  line: number;
  lang: 'ts' | 'tsx';
  /** Fence flags after the language: `run` executes the snippet against the mock. */
  flags: string[];
  code: string;
}

const FENCE = /^(\s*)```(ts|tsx|typescript)\b(.*)$/;
const SKIP_DIRS = new Set(['node_modules', 'dist', '.vitepress', 'api', '.snippets', 'compat', 'media']);

/** The markdown files whose snippets are checked: READMEs everywhere, every docs page. */
export function markdownFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string, docs: boolean) => {
    for (const name of readdirSync(dir)) {
      if (name.startsWith('.') || SKIP_DIRS.has(name)) continue;
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path, docs || relative(root, path) === 'docs');
      else if (name.endsWith('.md') && (docs || name === 'README.md')) found.push(path);
    }
  };
  walk(root, false);
  return found.sort();
}

export function snippetsOf(root: string, path: string): Snippet[] {
  const lines = readFileSync(path, 'utf8').split('\n');
  const snippets: Snippet[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i]!);
    if (!open) continue;
    const indent = open[1]!.length;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !/^\s*```\s*$/.test(lines[j]!); j++) body.push(lines[j]!.slice(indent));
    snippets.push({
      file: relative(root, path),
      line: i + 2,
      lang: open[2] === 'tsx' ? 'tsx' : 'ts',
      flags: open[3]!.trim().split(/\s+/).filter(Boolean),
      code: body.join('\n'),
    });
    i = j;
  }
  return snippets;
}
