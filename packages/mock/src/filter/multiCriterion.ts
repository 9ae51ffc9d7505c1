import { MockStashError } from '../errors';
import type { FilterInput } from './types';

/** Tests an entity's related ids (tags, performers, …). */
export type IdsTest = (ids: readonly string[]) => boolean;

function idList(v: unknown, label: string, field: string): string[] {
  if (v == null) return [];
  if (!Array.isArray(v)) throw new MockStashError(`${label}: ${field} must be a list of ids`);
  return v.map((x) => String(x));
}

function requireObject(c: FilterInput, label: string): void {
  if (c == null || typeof c !== 'object') throw new MockStashError(`${label}: expected a criterion object`);
}

/**
 * MultiCriterionInput (Stash `joinedMultiCriterionHandlerBuilder`). Null means "adds no condition"
 * (no values and no excludes). EXCLUDES folds its values into `excludes`, which always means
 * "none of these".
 */
export function compileMultiCriterion(c: FilterInput, label = 'multi criterion'): IdsTest | null {
  requireObject(c, label);
  const modifier = String(c.modifier);
  if (modifier === 'IS_NULL') return (ids) => ids.length === 0;
  if (modifier === 'NOT_NULL') return (ids) => ids.length > 0;
  if (modifier === 'NOT_EQUALS') {
    throw new MockStashError('not equals modifier is not supported for multi criterion input');
  }
  if (!['INCLUDES', 'INCLUDES_ALL', 'EQUALS', 'EXCLUDES'].includes(modifier)) {
    throw new MockStashError(`invalid modifier ${modifier} for ${label}`);
  }
  let value = idList(c.value, label, 'value');
  let excludes = idList(c.excludes, label, 'excludes');
  if (value.length === 0 && excludes.length === 0) return null;
  let mode = modifier;
  if (mode === 'EXCLUDES') {
    mode = 'INCLUDES_ALL';
    excludes = [...excludes, ...value];
    value = [];
  }
  const wanted = new Set(value);
  const banned = new Set(excludes);
  const wantedTest: IdsTest | null =
    value.length === 0
      ? null
      : mode === 'INCLUDES'
        ? (ids) => ids.some((id) => wanted.has(id))
        : mode === 'INCLUDES_ALL'
          ? (ids) => containsAll(ids, wanted)
          : (ids) => new Set(ids).size === wanted.size && containsAll(ids, wanted);
  const bannedTest: IdsTest | null = banned.size === 0 ? null : (ids) => !ids.some((id) => banned.has(id));
  return both(wantedTest, bannedTest);
}

function containsAll(ids: readonly string[], wanted: ReadonlySet<string>): boolean {
  const have = new Set(ids);
  for (const w of wanted) if (!have.has(w)) return false;
  return true;
}

function both(a: IdsTest | null, b: IdsTest | null): IdsTest | null {
  if (a && b) return (ids) => a(ids) && b(ids);
  return a ?? b;
}

export interface HierarchicalOptions {
  label: string;
  /** Ids of one root plus its descendants `depth` levels down (-1: all). */
  expand: (id: string, depth: number) => ReadonlySet<string>;
  /** Modifiers accepted besides INCLUDES/INCLUDES_ALL/EXCLUDES/IS_NULL/NOT_NULL, and EQUALS handling. */
  equals?: 'exact' | 'reject';
  /** Error text for a rejected modifier (Stash's wording differs per handler). */
  invalidModifier?: (modifier: string) => string;
  /** A single-valued relation (studio): INCLUDES_ALL needs exactly one root, as Stash's HAVING count does. */
  singleValued?: boolean;
}

/** Parsed HierarchicalMultiCriterionInput, shared by the relation-specific compilers. */
export interface HierarchicalParts {
  modifier: string;
  depth: number;
  value: string[];
  excludes: string[];
}

export function hierarchicalParts(c: FilterInput, label: string): HierarchicalParts {
  requireObject(c, label);
  const depth = c.depth == null ? 0 : Number(c.depth);
  if (!Number.isInteger(depth) || depth < -1)
    throw new MockStashError(`${label}: invalid depth ${String(c.depth)}`);
  let modifier = String(c.modifier);
  let value = idList(c.value, label, 'value');
  let excludes = idList(c.excludes, label, 'excludes');
  if (modifier === 'EXCLUDES') {
    modifier = 'INCLUDES_ALL';
    excludes = [...excludes, ...value];
    value = [];
  }
  return { modifier, depth, value, excludes };
}

/**
 * HierarchicalMultiCriterionInput over a relation (Stash `joinedHierarchicalMultiCriterionHandlerBuilder`):
 * each value expands to itself plus `depth` levels of descendants. INCLUDES: some related id is in
 * some expansion; INCLUDES_ALL: every expansion is hit; EQUALS (depth 0 only): exactly those ids;
 * excludes: no related id in any excluded expansion.
 */
export function compileHierarchicalCriterion(c: FilterInput, opts: HierarchicalOptions): IdsTest | null {
  const { label } = opts;
  requireObject(c, label);
  const original = String(c.modifier);
  const invalid = opts.invalidModifier ?? ((m: string) => `invalid modifier ${m} for ${label}`);
  if (original === 'NOT_EQUALS') {
    throw new MockStashError(
      opts.invalidModifier
        ? invalid(original)
        : 'not equals modifier is not supported for hierarchical multi criterion input',
    );
  }
  if (original === 'EQUALS') {
    if (opts.equals !== 'exact') throw new MockStashError(invalid(original));
    if (c.depth != null && c.depth !== 0) {
      throw new MockStashError(
        'depth is not supported for equals modifier in hierarchical multi criterion input',
      );
    }
  } else if (!['INCLUDES', 'INCLUDES_ALL', 'EXCLUDES', 'IS_NULL', 'NOT_NULL'].includes(original)) {
    throw new MockStashError(invalid(original));
  }
  if (original === 'IS_NULL') return (ids) => ids.length === 0;
  if (original === 'NOT_NULL') return (ids) => ids.length > 0;
  const { modifier, depth, value, excludes } = hierarchicalParts(c, label);
  if (value.length === 0 && excludes.length === 0) return null;

  let wantedTest: IdsTest | null = null;
  if (value.length > 0) {
    const roots = value.map((id) => opts.expand(id, depth));
    const union = new Set<string>();
    for (const r of roots) for (const id of r) union.add(id);
    if (modifier === 'INCLUDES') {
      wantedTest = (ids) => ids.some((id) => union.has(id));
    } else if (opts.singleValued) {
      wantedTest = value.length === 1 ? (ids) => ids.some((id) => union.has(id)) : () => false;
    } else {
      const hitsAll: IdsTest = (ids) => roots.every((r) => ids.some((id) => r.has(id)));
      wantedTest = modifier === 'EQUALS' ? (ids) => ids.length === value.length && hitsAll(ids) : hitsAll;
    }
  }
  let bannedTest: IdsTest | null = null;
  if (excludes.length > 0) {
    const banned = new Set<string>();
    for (const id of excludes) for (const x of opts.expand(id, depth)) banned.add(x);
    bannedTest = (ids) => !ids.some((id) => banned.has(id));
  }
  return both(wantedTest, bannedTest);
}

/**
 * Enum criteria (gender, circumcised; Stash `enumCriterionHandler`): EQUALS/INCLUDES mean "one of",
 * NOT_EQUALS/EXCLUDES "none of" (NULL never matches them), IS_NULL/NOT_NULL treat '' as NULL.
 */
export function compileEnumCriterion(
  modifier: unknown,
  values: readonly string[],
  label: string,
): ((v: string | null | undefined) => boolean) | null {
  const set = new Set(values);
  switch (modifier) {
    case 'EQUALS':
    case 'INCLUDES':
      return set.size === 0 ? null : (v) => v != null && set.has(v);
    case 'NOT_EQUALS':
    case 'EXCLUDES':
      return set.size === 0 ? null : (v) => v != null && !set.has(v);
    case 'IS_NULL':
      return (v) => v == null || v.trim() === '';
    case 'NOT_NULL':
      return (v) => v != null && v.trim() !== '';
    default:
      throw new MockStashError(`unsupported string filter modifier ${String(modifier)} for ${label}`);
  }
}
