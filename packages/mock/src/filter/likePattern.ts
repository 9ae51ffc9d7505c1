import { MockStashError } from '../errors';

const HAS_UPPER = /[A-Z]/;
const NON_ASCII = /[\u0080-\uffff]/;

/** SQLite folds only ASCII letters in LIKE; other characters compare exactly. */
export function asciiLower(s: string): string {
  if (!HAS_UPPER.test(s)) return s;
  return NON_ASCII.test(s) ? s.replace(/[A-Z]+/g, (m) => m.toLowerCase()) : s.toLowerCase();
}

const matcherCache = new Map<string, (folded: string) => boolean>();

/** `pattern` compiled as SQLite's default LIKE: `%` any run, `_` one character, no escape. */
function foldedMatcher(pattern: string): (folded: string) => boolean {
  let m = matcherCache.get(pattern);
  if (m) return m;
  const p = asciiLower(pattern);
  if (!/[%_]/.test(p)) {
    m = (v) => v === p;
  } else if (/^%[^%_]*%$/.test(p)) {
    const literal = p.slice(1, -1);
    m = (v) => v.includes(literal);
  } else {
    let src = '^';
    for (const ch of p) {
      if (ch === '%') src += '[\\s\\S]*';
      else if (ch === '_') src += '[\\s\\S]';
      else src += ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    }
    const re = new RegExp(src + '$', 'u');
    m = (v) => re.test(v);
  }
  // bounded: filters reuse a handful of patterns, but q strings are user-typed
  if (matcherCache.size > 500) matcherCache.clear();
  matcherCache.set(pattern, m);
  return m;
}

/** A compiled `value LIKE pattern` test (ASCII case-insensitive) for non-null values. */
export function likeMatcher(pattern: string): (value: string) => boolean {
  const m = foldedMatcher(pattern);
  return (value) => m(asciiLower(value));
}

/** `value LIKE pattern` for a non-null value. */
export function sqlLike(value: string, pattern: string): boolean {
  return foldedMatcher(pattern)(asciiLower(value));
}

/** `value LIKE '%' || term || '%'` (the term's own `%`/`_` stay wildcards, as in Stash). */
export function sqlContains(value: string, term: string): boolean {
  return sqlLike(value, `%${term}%`);
}

/** A compiled sqlContains. */
export function containsMatcher(term: string): (value: string) => boolean {
  return likeMatcher(`%${term}%`);
}

/** containsMatcher for values that are already ASCII-folded (asciiLower). */
export function foldedContainsMatcher(term: string): (folded: string) => boolean {
  return foldedMatcher(`%${term}%`);
}

/**
 * A Go (RE2) pattern as a JS RegExp, for MATCHES_REGEX. Leading `(?i)`/`(?s)`/`(?m)` flag groups
 * become JS flags; an invalid pattern is an error before any row is evaluated, as Stash validates first.
 */
export function goRegExp(pattern: string): RegExp {
  let flags = '';
  let src = pattern;
  const m = /^\(\?([imsU]+)\)/.exec(src);
  if (m) {
    for (const f of m[1]) if (f !== 'U' && !flags.includes(f)) flags += f;
    src = src.slice(m[0].length);
  }
  try {
    return new RegExp(src, flags);
  } catch (err) {
    throw new MockStashError(`error parsing regexp: ${(err as Error).message}`, { cause: err });
  }
}
