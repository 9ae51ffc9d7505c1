/**
 * Structural sharing for JSON values: returns `previous` when `next` is deeply equal to it,
 * otherwise `next` with every deeply equal part replaced by the matching part of `previous`.
 */
export function shareJson(previous: unknown, next: unknown): unknown {
  if (previous === next) return previous;
  if (previous === null || next === null || typeof previous !== 'object' || typeof next !== 'object') {
    return next;
  }
  if (Array.isArray(previous)) {
    if (!Array.isArray(next)) return next;
    let same = previous.length === next.length;
    const out = new Array<unknown>(next.length);
    for (let i = 0; i < next.length; i++) {
      const item = i < previous.length ? shareJson(previous[i], next[i]) : next[i];
      out[i] = item;
      if (item !== previous[i]) same = false;
    }
    return same ? previous : out;
  }
  if (Array.isArray(next)) return next;
  const prev = previous as Record<string, unknown>;
  const nxt = next as Record<string, unknown>;
  let same = true;
  let count = 0;
  const out: Record<string, unknown> = {};
  for (const key in nxt) {
    count++;
    const item = key in prev ? shareJson(prev[key], nxt[key]) : nxt[key];
    out[key] = item;
    if (item !== prev[key] || !(key in prev)) same = false;
  }
  if (same && count === Object.keys(prev).length) return previous;
  return out;
}
