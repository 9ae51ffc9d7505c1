/**
 * Data an observer keeps showing while fields of it are fetched again: a read that misses fields
 * no longer received (an invalidation rule dropped them, values kept) is completed with the
 * previous result's values, so a refetch never blanks what is shown (TanStack keeps `data` while
 * it refetches). Structurally shared: the previous object wherever nothing changed.
 */
export function fillMissing(partial: unknown, previous: unknown): unknown {
  if (partial === previous || !isObject(partial) || !isObject(previous)) return partial;
  if (Array.isArray(partial) || Array.isArray(previous)) {
    if (!Array.isArray(partial) || !Array.isArray(previous)) return partial;
    let same = partial.length === previous.length;
    const items = partial.map((item: unknown, i) => {
      const value = fillMissing(item, previous[i]);
      if (value !== previous[i]) same = false;
      return value;
    });
    return same ? previous : items;
  }
  // Another entity in the same place (a changed link) has nothing to take from the previous one.
  if (partial.id !== previous.id || partial.__typename !== previous.__typename) return partial;
  const out: Record<string, unknown> = {};
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
