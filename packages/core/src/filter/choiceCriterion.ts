/**
 * Suffixes of criteria that pick among ids or enum members: Multi / HierarchicalMulti, Gender and
 * Circumcision, Orientation, Resolution; plus the small StashID and phash-distance criteria.
 *
 * Multi: the value is one id, a list of ids, or `{ value, depth?, excludes? }` (depth only for
 * hierarchical criteria: 0 = only the given ids, N = N levels of sub-tags/sub-studios, -1 = all).
 * The bare key and `exact` are `EQUALS` (exactly this set; Stash rejects a non-zero depth with it),
 * `in` / `includes` are `INCLUDES` (any of), `includes_all` is `INCLUDES_ALL`, `excludes` is
 * `EXCLUDES` (none of), `null: true` is `IS_NULL` (no related entity). An empty id list is an
 * error: Stash would ignore the criterion and match everything.
 *
 * Resolution compares the smaller side of the video against Stash's pixel ranges per enum member
 * (`RESOLUTION_RANGES`): `gt` / `lt` are native, `gte: X` is `GREATER_THAN` the member just below X
 * and `lte: X` is `LESS_THAN` the member just above X.
 */
import type { CriterionContext } from './criterionContext';
import { nullModifier } from './criterionContext';
import {
  expectEnum,
  expectEnums,
  expectId,
  expectIds,
  expectInteger,
  expectString,
  expected,
  filterError,
  isPlainObject,
} from './values';
import { own } from '../validate/ownKey';

// Suffix -> modifier of list criteria: multi-valued links and enum choices (`compileCriterion`
// has checked the suffix against `SUFFIXES`).
const LIST_MODIFIERS: Readonly<Record<string, string>> = {
  '': 'EQUALS',
  exact: 'EQUALS',
  in: 'INCLUDES',
  includes: 'INCLUDES',
  excludes: 'EXCLUDES',
};
const MULTI_MODIFIERS: Readonly<Record<string, string>> = { ...LIST_MODIFIERS, includes_all: 'INCLUDES_ALL' };
const ENUM_MODIFIERS: Readonly<Record<string, string>> = { ...LIST_MODIFIERS, ne: 'NOT_EQUALS' };

function multiValue(
  ctx: CriterionContext,
  hierarchical: boolean,
  excludes: boolean,
  value: unknown,
): Record<string, unknown> {
  if (!isPlainObject(value)) return { value: expectIds(ctx.key, value) };
  const out: Record<string, unknown> = {};
  for (const [name, v] of Object.entries(value)) {
    if (name === 'value') out.value = expectIds(`${ctx.key}.value`, v);
    else if (name === 'depth' && hierarchical) {
      const depth = expectInteger(`${ctx.key}.depth`, v);
      if (depth < -1) throw expected(`${ctx.key}.depth`, '-1 (all levels) or a depth >= 0', v);
      out.depth = depth;
    } else if (name === 'excludes' && excludes) {
      const ids = Array.isArray(v) ? v : [v];
      out.excludes = ids.map((id, i) => expectId(`${ctx.key}.excludes[${i}]`, id));
    } else {
      const allowed = ['value', hierarchical && 'depth', excludes && 'excludes'].filter(Boolean).join(', ');
      throw filterError(`unknown field "${name}" in ${ctx.key} (accepted: ${allowed})`);
    }
  }
  if (out.value === undefined) throw filterError(`${ctx.key} is missing "value" (the ids)`);
  return out;
}

export function compileMulti(
  ctx: CriterionContext,
  hierarchical: boolean,
  excludes: boolean,
  suffix: string,
  value: unknown,
): Record<string, unknown> {
  if (suffix === 'null' || suffix === 'notnull') return { modifier: nullModifier(ctx.key, suffix, value) };
  const modifier = MULTI_MODIFIERS[suffix];
  const criterion: Record<string, unknown> = { ...multiValue(ctx, hierarchical, excludes, value), modifier };
  if (modifier === 'EQUALS' && typeof criterion.depth === 'number' && criterion.depth !== 0) {
    throw filterError(
      `${ctx.key}: Stash does not accept a depth with an exact (EQUALS) match; use __includes_all`,
    );
  }
  return criterion;
}

/** Stash's `[min, max]` of the smaller video side per ResolutionEnum member (pkg/models/resolution.go). */
export const RESOLUTION_RANGES: Readonly<Record<string, readonly [number, number]>> = {
  VERY_LOW: [144, 239],
  LOW: [240, 359],
  R360P: [360, 479],
  STANDARD: [480, 539],
  WEB_HD: [540, 719],
  STANDARD_HD: [720, 1079],
  FULL_HD: [1080, 1439],
  QUAD_HD: [1440, 1919],
  VR_HD: [1920, 2159],
  FOUR_K: [1920, 2559],
  FIVE_K: [2560, 2999],
  SIX_K: [3000, 3583],
  SEVEN_K: [3584, 3839],
  EIGHT_K: [3840, 6143],
  HUGE: [6144, 9999],
};

/** The member whose range edge is `edge` (`max` just below, or `min` just above); VR_HD is deprecated. */
function neighbour(members: readonly string[], side: 0 | 1, edge: number): string | undefined {
  return members.find((m) => m !== 'VR_HD' && RESOLUTION_RANGES[m]?.[side] === edge);
}

export function compileResolution(
  ctx: CriterionContext,
  enumName: string,
  suffix: string,
  value: unknown,
): Record<string, unknown> {
  const members = ctx.schema.enums[enumName] ?? [];
  const v = expectEnum(ctx.key, value, enumName, members);
  const native: Record<string, string> = {
    '': 'EQUALS',
    exact: 'EQUALS',
    ne: 'NOT_EQUALS',
    gt: 'GREATER_THAN',
    lt: 'LESS_THAN',
  };
  const modifier = own(native, suffix);
  if (modifier !== undefined) return { value: v, modifier };
  const range = RESOLUTION_RANGES[v];
  if (suffix !== 'gte' && suffix !== 'lte') throw ctx.unknownSuffix(suffix);
  if (!range) throw filterError(`${ctx.key}: no pixel range is known for ${enumName} ${v}`);
  const other = suffix === 'gte' ? neighbour(members, 1, range[0] - 1) : neighbour(members, 0, range[1] + 1);
  if (!other) {
    throw filterError(
      `${ctx.key}: ${suffix} ${v} cannot be expressed with Stash's resolution modifiers (no neighbouring member)`,
    );
  }
  return { value: other, modifier: suffix === 'gte' ? 'GREATER_THAN' : 'LESS_THAN' };
}

/** Gender (`value` + `value_list`) and Circumcision (`value: [..]`). */
export function compileEnumChoice(
  ctx: CriterionContext,
  shape: { enumName: string; single?: string; list?: string },
  suffix: string,
  value: unknown,
): Record<string, unknown> {
  if (suffix === 'null' || suffix === 'notnull') return { modifier: nullModifier(ctx.key, suffix, value) };
  const modifier = ENUM_MODIFIERS[suffix];
  const members = ctx.schema.enums[shape.enumName] ?? [];
  const values = expectEnums(ctx.key, value, shape.enumName, members);
  if (shape.single && !Array.isArray(value)) return { [shape.single]: values[0], modifier };
  if (!shape.list) throw expected(ctx.key, `a single ${shape.enumName}`, value);
  return { [shape.list]: values, modifier };
}

/** Orientation: a set of members, no modifier. */
export function compileEnumSet(ctx: CriterionContext, enumName: string, value: unknown) {
  return { value: expectEnums(ctx.key, value, enumName, ctx.schema.enums[enumName] ?? []) };
}

/**
 * StashID (`stash_id`) and phash distance (`value`): one string, equal or not, or null. A null
 * check on a phash sends an empty `value` (its input requires one; Stash ignores it then).
 */
export function compileEqualString(
  ctx: CriterionContext,
  field: 'stash_id' | 'value',
  suffix: string,
  value: unknown,
): Record<string, unknown> {
  if (suffix === 'null' || suffix === 'notnull') {
    const modifier = nullModifier(ctx.key, suffix, value);
    return field === 'value' ? { value: '', modifier } : { modifier };
  }
  return { [field]: expectString(ctx.key, value), modifier: suffix === 'ne' ? 'NOT_EQUALS' : 'EQUALS' };
}
