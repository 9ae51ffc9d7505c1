// Copies template/ into a new folder with the plugin's id and name filled in (no dependencies:
// `npm create` runs this before anything is installed).
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const TEMPLATE = fileURLToPath(new URL('../template/', import.meta.url));
const OWN = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
// Stash's plugin id is its manifest's base name; it is also a URL segment and an npm name here.
const PLUGIN_ID = /^[a-z0-9][a-z0-9_-]*$/;
const TEXT = /\.(json|md|ts|tsx|css|mjs)$|^gitignore$/;

/** Scaffolds `dir`; returns what it wrote. Throws `create-stashkit-plugin: …` before writing anything. */
export function scaffold(dir, options = {}) {
  const target = resolve(dir);
  const id = options.id ?? basename(target);
  const name = options.name ?? id.replace(/[-_]+/g, ' ').replace(/^./, (c) => c.toUpperCase());
  const version = options.stashkitVersion ?? `^${OWN.version}`;
  if (!PLUGIN_ID.test(id)) {
    throw new Error(
      `create-stashkit-plugin: ${JSON.stringify(id)} is not a plugin id (lower-case letters, digits, - and _); pass --id`,
    );
  }
  if (existsSync(target) && readdirSync(target).length > 0) {
    throw new Error(`create-stashkit-plugin: ${target} exists and is not empty`);
  }
  cpSync(TEMPLATE, target, { recursive: true });
  const values = { __PLUGIN_ID__: id, __PLUGIN_NAME__: name, __STASHKIT_VERSION__: version };
  const files = [];
  const fill = (folder) => {
    for (const entry of readdirSync(folder)) {
      const path = join(folder, entry);
      if (statSync(path).isDirectory()) fill(path);
      else if (TEXT.test(entry)) {
        let text = readFileSync(path, 'utf8');
        for (const [key, value] of Object.entries(values)) text = text.replaceAll(key, value);
        writeFileSync(path, text);
        files.push(path);
      }
    }
  };
  fill(target);
  // npm drops .gitignore from published packages, so the template keeps it without the dot.
  renameSync(join(target, 'gitignore'), join(target, '.gitignore'));
  const shown = files.map((file) => (file === join(target, 'gitignore') ? join(target, '.gitignore') : file));
  return { dir: target, id, name, files: shown };
}
