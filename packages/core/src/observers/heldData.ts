/**
 * Data an observer keeps showing while fields of it are fetched again: a read that misses fields
 * no longer received (an invalidation rule dropped them, values kept) is completed with the
 * previous result's values, so a refetch never blanks what is shown (TanStack keeps `data` while
 * it refetches). Structurally shared: the previous object wherever nothing changed.
 */
export function fillMissing(partial: unknown, previous: unknown): unknown {
  if (partial === previous || !isObject(partial) || !isObject(previous)) return partial;
  const list = Array.isArray(partial);
  // A list of another length, or another entity in the same place (a changed link): nothing to take.
  if (list !== Array.isArray(previous) || (list && partial.length !== previous.length)) return partial;
  if (partial.id !== previous.id || partial.__typename !== previous.__typename) return partial;
  const out: Record<string, unknown> = list ? ([] as never) : {};
  let same = true;
  for (const key in previous) {
    out[key] = key in partial ? fillMissing(partial[key], previous[key]) : previous[key];
    if (out[key] !== previous[key]) same = false;
  }
  for (const key in partial) {
    if (key in previous) continue;
    out[key] = partial[key];
    same = false;
  }
  return same ? previous : out;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object';
}
