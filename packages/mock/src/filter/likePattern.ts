import { MockStashError } from '../errors';

/** SQLite folds only ASCII letters in LIKE; other characters compare exactly. */
export function asciiLower(s: string): string {
  return s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}

const likeCache = new Map<string, RegExp>();

/** `pattern` compiled as SQLite's default LIKE: `%` any run, `_` one character, no escape, ASCII case-insensitive. */
function likeRegExp(pattern: string): RegExp {
  let re = likeCache.get(pattern);
  if (!re) {
    let src = '^';
    for (const ch of asciiLower(pattern)) {
      if (ch === '%') src += '[\\s\\S]*';
      else if (ch === '_') src += '[\\s\\S]';
      else src += ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    }
    re = new RegExp(src + '$', 'u');
    // bounded: filters reuse a handful of patterns, but q strings are user-typed
    if (likeCache.size > 500) likeCache.clear();
    likeCache.set(pattern, re);
  }
  return re;
}

/** `value LIKE pattern` for a non-null value. */
export function sqlLike(value: string, pattern: string): boolean {
  return likeRegExp(pattern).test(asciiLower(value));
}

/** `value LIKE '%' || term || '%'` (the term's own `%`/`_` stay wildcards, as in Stash). */
export function sqlContains(value: string, term: string): boolean {
  return sqlLike(value, `%${term}%`);
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
