/**
 * Where plugins come from: the manifests found in a plugins folder and the files next to them.
 * Paths are relative to the plugins folder, with `/` separators.
 */
export interface PluginSource {
  /** A name for messages (the folder's path). */
  readonly location: string;
  /** Every `.yml` file under the folder, in the order Stash walks it (lexical, depth first). */
  manifests(): { path: string; text: string }[];
  /** A file's bytes, or null when it does not exist or is not a file. */
  read(path: string): Uint8Array<ArrayBuffer> | null;
  /** True for an existing folder. */
  isDirectory(path: string): boolean;
}

/** An in-memory plugin folder (tests, the browser): file path → content. */
export function memoryPluginSource(
  files: Record<string, string | Uint8Array<ArrayBuffer>>,
  location = '<memory>',
): PluginSource {
  const encode = (v: string | Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> =>
    typeof v === 'string' ? new TextEncoder().encode(v) : v;
  const paths = Object.keys(files).sort(walkOrder);
  return {
    location,
    manifests: () =>
      paths
        .filter((p) => p.endsWith('.yml'))
        .map((p) => ({ path: p, text: new TextDecoder().decode(encode(files[p]!)) })),
    read: (path) => (path in files ? encode(files[path]!) : null),
    isDirectory: (path) => path === '' || paths.some((p) => p.startsWith(`${path.replace(/\/$/, '')}/`)),
  };
}

/** Orders paths as a depth-first walk that lists each folder lexically. */
export function walkOrder(a: string, b: string): number {
  const pa = a.split('/');
  const pb = b.split('/');
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    if (pa[i] !== pb[i]) return pa[i]! < pb[i]! ? -1 : 1;
  }
  return pa.length - pb.length;
}
