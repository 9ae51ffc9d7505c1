import { MockStashError } from '../errors';
import { containsMatcher, goRegExp, likeMatcher, sqlContains, sqlLike } from './likePattern';
import type { FilterInput } from './types';

/** A string column's value; null/undefined are SQL NULL. */
export type StringValue = string | null | undefined;
export type StringTest = (value: StringValue) => boolean;

const STRING_MODIFIERS = new Set([
  'EQUALS',
  'NOT_EQUALS',
  'INCLUDES',
  'EXCLUDES',
  'MATCHES_REGEX',
  'NOT_MATCHES_REGEX',
  'IS_NULL',
  'NOT_NULL',
]);

/** SQLite's TRIM() strips spaces only. */
export function isBlank(value: StringValue): value is null | undefined | '' {
  return value == null || value.replace(/^ +| +$/g, '') === '';
}

export function requireString(c: FilterInput, label: string): string {
  if (c == null || typeof c !== 'object') throw new MockStashError(`${label}: expected a criterion object`);
  if (typeof c.value !== 'string') throw new MockStashError(`${label}: value must be a string`);
  return c.value;
}

/**
 * Stash's getStringSearchClause: a value wrapped in quotes is one exact substring, otherwise it is
 * split on whitespace into words. INCLUDES matches any word; EXCLUDES requires every word absent.
 */
export function searchTerms(value: string): string[] {
  const q = value.trim();
  const unquoted = q.replace(/^"+|"+$/g, '');
  if (unquoted !== q) return [unquoted];
  return q.replace(/\s+/g, ' ').split(' ');
}

/**
 * StringCriterionInput against one column (Stash `stringCriterionHandler`). NULL fails every
 * modifier except IS_NULL and NOT_MATCHES_REGEX, as the SQL comparisons do.
 */
export function compileStringCriterion(c: FilterInput, label = 'string criterion'): StringTest {
  const value = requireString(c, label);
  const modifier = String(c.modifier);
  if (!STRING_MODIFIERS.has(modifier)) {
    throw new MockStashError(`unsupported string filter modifier ${modifier} for ${label}`);
  }
  switch (modifier) {
    case 'EQUALS': {
      const like = likeMatcher(value);
      return (v) => v != null && like(v);
    }
    case 'NOT_EQUALS': {
      const like = likeMatcher(value);
      return (v) => v != null && !like(v);
    }
    case 'INCLUDES': {
      const terms = searchTerms(value).map(containsMatcher);
      return (v) => v != null && terms.some((t) => t(v));
    }
    case 'EXCLUDES': {
      const terms = searchTerms(value).map(containsMatcher);
      return (v) => v != null && terms.every((t) => !t(v));
    }
    case 'MATCHES_REGEX': {
      const re = goRegExp(value);
      return (v) => v != null && re.test(v);
    }
    case 'NOT_MATCHES_REGEX': {
      const re = goRegExp(value);
      return (v) => v == null || !re.test(v);
    }
    case 'IS_NULL':
      return (v) => isBlank(v);
    default:
      return (v) => !isBlank(v);
  }
}

/**
 * A string criterion on a LEFT JOINed column (files, stash ids): the entity matches when any joined
 * row does, and an entity without rows is one NULL row.
 */
export function compileJoinedStringCriterion(
  c: FilterInput,
  label?: string,
): (values: readonly StringValue[]) => boolean {
  const test = compileStringCriterion(c, label);
  const nullRow = test(null);
  return (values) => (values.length === 0 ? nullRow : values.some(test));
}

/**
 * Stash's `stringListCriterionHandler` (urls, aliases, captions): as a joined column, except EXCLUDES,
 * which means no element contains the whole value (`exact` makes it a plain LIKE, as for captions).
 */
export function compileStringListCriterion(
  c: FilterInput,
  label?: string,
  exact = false,
): (values: readonly StringValue[]) => boolean {
  if (c?.modifier === 'EXCLUDES') {
    const value = requireString(c, label ?? 'string criterion');
    return (values) => !values.some((v) => v != null && (exact ? sqlLike(v, value) : sqlContains(v, value)));
  }
  return compileJoinedStringCriterion(c, label);
}
