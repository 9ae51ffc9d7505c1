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

/** Escapes Go regexp metacharacters, as Go's `regexp.QuoteMeta` does (also valid for JS RegExp). */
export function quoteRegex(text: string): string {
  return text.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}

function regex(pattern: string, modifier = 'MATCHES_REGEX'): Record<string, unknown> {
  return { value: pattern, modifier };
}

export function compileString(
  ctx: CriterionContext,
  suffix: string,
  value: unknown,
): Record<string, unknown> {
  const key = ctx.key;
  switch (suffix) {
    case '':
      return { value: expectString(key, value), modifier: 'EQUALS' };
    case 'ne':
      return { value: expectString(key, value), modifier: 'NOT_EQUALS' };
    case 'exact':
      return regex(`^${quoteRegex(expectString(key, value))}$`);
    case 'iexact':
      return regex(`(?i)^${quoteRegex(expectString(key, value))}$`);
    case 'contains':
      return regex(quoteRegex(expectString(key, value)));
    case 'icontains':
      return regex(`(?i)${quoteRegex(expectString(key, value))}`);
    case 'startswith':
      return regex(`^${quoteRegex(expectString(key, value))}`);
    case 'istartswith':
      return regex(`(?i)^${quoteRegex(expectString(key, value))}`);
    case 'endswith':
      return regex(`${quoteRegex(expectString(key, value))}$`);
    case 'iendswith':
      return regex(`(?i)${quoteRegex(expectString(key, value))}$`);
    case 'in': {
      if (!Array.isArray(value) || value.length === 0)
        throw expected(key, 'a non-empty list of strings', value);
      const items = value.map((v, i) => quoteRegex(expectString(`${key}[${i}]`, v)));
      return regex(`^(?:${items.join('|')})$`);
    }
    case 'includes':
      return { value: expectString(key, value), modifier: 'INCLUDES' };
    case 'excludes':
      return { value: expectString(key, value), modifier: 'EXCLUDES' };
    case 'regex':
      return regex(expectString(key, value));
    case 'iregex':
      return regex(`(?i)${expectString(key, value)}`);
    case 'not_regex':
      return regex(expectString(key, value), 'NOT_MATCHES_REGEX');
    case 'not_iregex':
      return regex(`(?i)${expectString(key, value)}`, 'NOT_MATCHES_REGEX');
    case 'null':
    case 'notnull':
      return { value: '', modifier: nullModifier(key, suffix, value) };
    default:
      throw ctx.unknownSuffix(suffix);
  }
}
