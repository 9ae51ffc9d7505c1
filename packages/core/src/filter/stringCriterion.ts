/**
 * Suffixes of `StringCriterionInput` fields.
 *
 * How Stash compares strings decides the encoding (pkg/sqlite/criterion_handlers.go):
 * - `EQUALS` / `NOT_EQUALS` are SQL `LIKE`: case-insensitive for ASCII letters only, and `%` / `_`
 *   in the value act as wildcards. The bare key (`title: 'x'`) and `__ne` send exactly that.
 * - `INCLUDES` / `EXCLUDES` are Stash's word search: the value is split into words and any word
 *   matching `%word%` counts (a `"quoted"` value matches as one phrase). `__includes` / `__excludes`
 *   send that, unchanged.
 * - `MATCHES_REGEX` runs Go's `regexp` (RE2 syntax): case-sensitive unless the pattern starts with
 *   `(?i)`, unanchored, and the value must not be NULL.
 *
 * So the Django-style lookups that promise exact or case-insensitive semantics are regular
 * expressions over the literal text (quoted with Go's `QuoteMeta` rules):
 * `exact` = `^text$`, `iexact` = `(?i)^text$` (Unicode case folding, no wildcards), `contains` =
 * `text`, `icontains` = `(?i)text`, `startswith` = `^text`, `endswith` = `text$` (and `i*`
 * variants), `in: [a, b]` = `^(?:a|b)$`. `regex` sends the pattern as is and `iregex` prefixes
 * `(?i)`; `not_regex` / `not_iregex` use `NOT_MATCHES_REGEX`, which also matches NULL values.
 * `null: true` is `IS_NULL` (Stash counts empty or blank strings as null), `null: false` and
 * `notnull: true` are `NOT_NULL`.
 */
import type { CriterionContext } from './criterionContext';
import { nullModifier } from './criterionContext';
import { expectString, expected } from './values';
import { own } from '../validate/ownKey';

/** Escapes Go regexp metacharacters, as Go's `regexp.QuoteMeta` does (also valid for JS RegExp). */
export function quoteRegex(text: string): string {
  return text.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}

// Lookups that are regular expressions over the literal text: `[before, after]` the quoted text.
const LITERAL: Readonly<Record<string, readonly [string, string]>> = {
  exact: ['^', '$'],
  iexact: ['(?i)^', '$'],
  contains: ['', ''],
  icontains: ['(?i)', ''],
  startswith: ['^', ''],
  istartswith: ['(?i)^', ''],
  endswith: ['', '$'],
  iendswith: ['(?i)', '$'],
};
// Lookups that send the value as written: `[prefix, modifier]`.
const AS_WRITTEN: Readonly<Record<string, readonly [string, string]>> = {
  '': ['', 'EQUALS'],
  ne: ['', 'NOT_EQUALS'],
  includes: ['', 'INCLUDES'],
  excludes: ['', 'EXCLUDES'],
  regex: ['', 'MATCHES_REGEX'],
  iregex: ['(?i)', 'MATCHES_REGEX'],
  not_regex: ['', 'NOT_MATCHES_REGEX'],
  not_iregex: ['(?i)', 'NOT_MATCHES_REGEX'],
};

export function compileString(
  ctx: CriterionContext,
  suffix: string,
  value: unknown,
): Record<string, unknown> {
  const key = ctx.key;
  const literal = own(LITERAL, suffix);
  if (literal !== undefined)
    return {
      value: literal[0] + quoteRegex(expectString(key, value)) + literal[1],
      modifier: 'MATCHES_REGEX',
    };
  const written = own(AS_WRITTEN, suffix);
  if (written !== undefined) return { value: written[0] + expectString(key, value), modifier: written[1] };
  if (suffix === 'in') {
    if (!Array.isArray(value) || value.length === 0)
      throw expected(key, 'a non-empty list of strings', value);
    const items = value.map((v, i) => quoteRegex(expectString(`${key}[${i}]`, v)));
    return { value: `^(?:${items.join('|')})$`, modifier: 'MATCHES_REGEX' };
  }
  // What is left of the string SUFFIXES: null, notnull.
  return { value: '', modifier: nullModifier(key, suffix as 'null' | 'notnull', value) };
}
