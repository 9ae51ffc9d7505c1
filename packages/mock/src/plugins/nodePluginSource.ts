import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { PluginSource } from './PluginSource';

/** Every `.yml` under `root`, following symlinks (Stash's SymWalk), each folder in lexical order. */
function walk(root: string, dir: string, out: string[], seen: Set<string>): void {
  let real: string;
  try {
    real = realpathSync(dir);
  } catch {
    return;
  }
  if (seen.has(real)) return;
  seen.add(real);
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    let stat;
    try {
      stat = statSync(full);
    } catch {
      continue;
    }
    if (stat.isDirectory()) walk(root, full, out, seen);
    else if (name.endsWith('.yml')) out.push(relative(root, full).split(sep).join('/'));
  }
}

/** A folder on disk read per request (so edits show at once); paths cannot leave it. */
export function nodeFolder(
  dir: string,
  what: string,
): Pick<PluginSource, 'location' | 'read' | 'isDirectory'> {
  const root = resolve(dir);
  if (!statSync(root, { throwIfNoEntry: false })?.isDirectory()) {
    throw new Error(`MockStash: ${what} ${root} does not exist`);
  }
  const inside = (path: string) => {
    const full = resolve(root, path);
    return full === root || full.startsWith(root + sep) ? full : null;
  };
  return {
    location: root,
    read: (path) => {
      const full = inside(path);
      if (!full) return null;
      try {
        return statSync(full).isFile() ? new Uint8Array(readFileSync(full)) : null;
      } catch {
        return null;
      }
    },
    isDirectory: (path) => {
      const full = inside(path);
      return !!full && !!statSync(full, { throwIfNoEntry: false })?.isDirectory();
    },
  };
}

/** Plugins read from a folder on disk; files are read at each request, so edits show at once. */
export function nodePluginSource(dir: string): PluginSource {
  const folder = nodeFolder(dir, 'plugins folder');
  const root = folder.location;
  return {
    ...folder,
    manifests: () => {
      const paths: string[] = [];
      walk(root, root, paths, new Set());
      return paths.map((path) => ({ path, text: readFileSync(join(root, path), 'utf8') }));
    },
  };
}
