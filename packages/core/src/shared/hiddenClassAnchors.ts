/**
 * Keeps one idle instance of each class on the write path alive for the life of the module.
 * V8 forgets a hidden class once no object has it, and deoptimizes the code specialized for it:
 * stores created and dropped one after another (a store per SSR request, tests, benchmarks)
 * would re-warm the normalizer each time. The idle instances are built like real ones (same
 * fields, same kinds of values) and hold no store data.
 */
const anchors = new Map<unknown, object | null>();

/** Builds and keeps the idle instance for `key` once; re-entrant, so a constructor can anchor its own class. */
export function anchorHiddenClass(key: unknown, build: () => object): void {
  if (anchors.has(key)) return;
  anchors.set(key, null);
  anchors.set(key, build());
}
