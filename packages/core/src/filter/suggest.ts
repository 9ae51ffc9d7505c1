/** "did you mean" hints for unknown names, by edit distance. */

function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const next = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = prev[j];
      prev[j] = next;
    }
  }
  return prev[b.length];
}

/** The closest candidate within a small edit distance, or undefined. */
export function closest(name: string, candidates: Iterable<string>): string | undefined {
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const candidate of candidates) {
    const d = distance(lower, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** ` (did you mean "x"?)` or an empty string. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const hit = closest(name, candidates);
  return hit === undefined ? '' : ` (did you mean "${hit}"?)`;
}

/**
 * Filter, field and input names Stash renamed or replaced (old clients, plugins and docs still use
 * the old ones): from the schema's deprecation reasons and removed fields (`rating` became `rating100`).
 */
const STASH_RENAMES: Readonly<Record<string, string>> = {
  rating: 'rating100',
  movies: 'groups',
  movie: 'group',
  movie_count: 'group_count',
  movies_filter: 'groups_filter',
  movie_ids: 'group_ids',
  containing_movies: 'containing_groups',
  url: 'urls',
  twitter: 'urls',
  instagram: 'urls',
  phash: 'phash_distance',
  files: 'visual_files',
  parent_folder_id: 'parent_folder',
  zip_file_id: 'zip_file',
  stash_box_index: 'stash_box_endpoint',
};

/** ` (Stash renamed "x" to "y": write "y__gte")` when `name` is an old name whose new one exists, else did-you-mean. */
export function renameOrDidYouMean(name: string, rest: string, candidates: readonly string[]): string {
  const renamed = Object.hasOwn(STASH_RENAMES, name) ? STASH_RENAMES[name] : undefined;
  if (renamed !== undefined && candidates.includes(renamed))
    return ` (Stash renamed "${name}" to "${renamed}": write "${renamed}${rest}")`;
  const hit = closest(name, candidates);
  if (hit !== undefined) return ` (did you mean "${hit}"?)`;
  // A misspelt old name (`ratng`): point at the new one.
  const old = closest(name, Object.keys(STASH_RENAMES));
  const target = old === undefined ? undefined : STASH_RENAMES[old];
  if (target !== undefined && candidates.includes(target))
    return ` (did you mean "${target}${rest}"? Stash renamed "${old}" to "${target}")`;
  return '';
}
