/** Terms of a `q` search (Stash's models.SearchSpecs). */
export interface SearchSpecs {
  /** Every term must appear in some search column. */
  mustHave: string[];
  /** One term of each set must appear. */
  anySets: string[][];
  /** No term may appear. */
  mustNot: string[];
}

const PHRASE = '"';

function extractPhrase(w: string): string {
  return w.length > 1 && w.startsWith(PHRASE) && w.endsWith(PHRASE) ? w.slice(1, -1) : w;
}

/** Joins words between a leading and a trailing quote into one phrase (`-"a b"` too). */
function combinePhrases(words: string[]): string[] {
  const out: string[] = [];
  let start = -1;
  words.forEach((w, i) => {
    if (start === -1) {
      const ww = w.startsWith('-') ? w.slice(1) : w;
      if (ww.startsWith(PHRASE) && (ww.length < 2 || !ww.endsWith(PHRASE))) {
        start = i;
        return;
      }
      out.push(w);
    } else if (w.endsWith(PHRASE)) {
      out.push(words.slice(start, i + 1).join(' '));
      start = -1;
    }
  });
  if (start !== -1) out.push(...words.slice(start));
  return out;
}

function isOr(w: string): boolean {
  return w.toUpperCase() === 'OR';
}

/** `a OR b OR c` (or `a | b`) anywhere but at either end becomes one any-set. */
function extractOrConditions(input: string[], specs: SearchSpecs): string[] {
  let words = input;
  for (let found = true; found;) {
    found = false;
    for (let i = 1; i < words.length - 1; i++) {
      const w = words[i];
      if (!isOr(w) && w !== '|') continue;
      const startIndex = i - 1;
      let lastIndex = words.length - 1;
      for (let ii = i + 2; ii < words.length; ii += 2) {
        if (!isOr(words[ii])) {
          lastIndex = ii - 1;
          break;
        }
      }
      const set: string[] = [];
      for (let ii = startIndex; ii <= lastIndex; ii += 2) {
        const word = extractPhrase(words[ii]);
        if (word !== '') set.push(word);
      }
      specs.anySets.push(set);
      words = [...words.slice(0, startIndex), ...words.slice(lastIndex + 1)];
      found = true;
      break;
    }
  }
  return words;
}

/**
 * Stash's ParseSearchString (pkg/models/search.go): words are ANDed, `"quoted phrases"` are one
 * term, `a OR b` needs either, `-word` excludes.
 */
export function parseSearchString(q: string): SearchSpecs {
  const specs: SearchSpecs = { mustHave: [], anySets: [], mustNot: [] };
  const s = q.trim();
  if (s === '') return specs;
  let words = combinePhrases(s.split(' '));
  words = extractOrConditions(words, specs);
  for (const w of words) {
    if (w.length > 1 && w.startsWith('-')) {
      const word = extractPhrase(w.slice(1));
      if (word !== '') specs.mustNot.push(word);
      continue;
    }
    const word = extractPhrase(w);
    if (word !== '') specs.mustHave.push(word);
  }
  return specs;
}
