import { posix } from 'node:path';
import { MockStashError } from '../errors';
import type { ResolverContext } from './context';

/** The mock's user home (its config folder is `/root/.stash`): Stash lists it when no path is given. */
const HOME = '/root';

/**
 * The folders the mock's "disk" has: every library folder (not those inside zip files), Stash's own
 * folders from the configuration (config, generated, metadata, cache, blobs), the home folder, and all
 * their ancestors.
 */
function folderTree(ctx: ResolverContext): Set<string> {
  const g = ctx.config.general;
  const roots = [
    HOME,
    posix.dirname(g.configFilePath),
    g.generatedPath,
    g.metadataPath,
    g.cachePath,
    g.blobsPath,
  ];
  for (const folder of ctx.db.table('Folder').values()) if (!folder.zip_file_id) roots.push(folder.path);
  const tree = new Set<string>();
  for (const root of roots) {
    if (!root || !root.startsWith('/')) continue;
    for (let p = posix.normalize(root); !tree.has(p); p = posix.dirname(p)) {
      tree.add(p);
      if (p === '/') break;
    }
  }
  return tree;
}

function childrenOf(tree: Set<string>, dir: string): string[] {
  const names: string[] = [];
  for (const p of tree) if (p !== '/' && posix.dirname(p) === dir) names.push(posix.basename(p));
  return names.sort(); // os.ReadDir answers in file name order
}

/** Stash's collator for `locale`: case ignored, digits compared as numbers; an unknown tag falls back. */
function collator(locale: string): Intl.Collator {
  try {
    return new Intl.Collator(locale, { sensitivity: 'accent', numeric: true });
  } catch {
    return new Intl.Collator('en', { sensitivity: 'accent', numeric: true });
  }
}

/**
 * `directory(path, locale)` as Stash's resolver over listDir: a folder lists its sub-folders; a path that is
 * not a folder lists the sub-folders of its parent whose names start with its last part (ignoring case),
 * so the UI's folder picker completes as you type. `parent` is null only for `/`.
 */
export function directory(ctx: ResolverContext, path: string | null | undefined, locale?: string | null) {
  const current = path ? path : HOME;
  const tree = folderTree(ctx);
  const clean = posix.normalize(current);
  let dirPath = current;
  let names: string[];
  if (clean.startsWith('/') && tree.has(clean.length > 1 ? clean.replace(/\/$/, '') : clean)) {
    names = childrenOf(tree, clean.length > 1 ? clean.replace(/\/$/, '') : clean);
  } else {
    dirPath = posix.dirname(current);
    const parent = posix.normalize(dirPath);
    if (!parent.startsWith('/') || !tree.has(parent))
      throw new MockStashError(`open ${dirPath}: no such file or directory`);
    const base = posix.basename(current).toLowerCase();
    names = childrenOf(tree, parent);
    if (base !== '.' && base !== '/' && base !== '')
      names = names.filter((n) => n.toLowerCase().startsWith(base));
  }
  if (locale != null) names.sort(collator(locale).compare);
  return {
    path: current,
    parent: current === '/' ? null : posix.normalize(`${current}/..`),
    directories: names.map((n) => posix.join(dirPath, n)),
  };
}
