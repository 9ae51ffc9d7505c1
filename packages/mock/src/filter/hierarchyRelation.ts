import { MockStashError } from '../errors';
import type { FieldCompiler } from './compileFilter';
import type { FilterContext } from './filterContext';
import { hierarchicalParts } from './multiCriterion';

const VALID = ['INCLUDES', 'INCLUDES_ALL', 'EXCLUDES', 'IS_NULL', 'NOT_NULL'];

/**
 * Tag `parents`/`children` and group `containing_groups`/`sub_groups` (Stash's
 * hierarchicalRelationshipHandler). `parents: [X]` matches rows that have X as an ancestor within
 * depth + 1 levels (depth -1: any level); `children: [X]` rows that have X as a descendant.
 * IS_NULL / NOT_NULL look at direct relations only.
 */
export function hierarchyRelation<R extends { id: string }>(
  kind: 'tag' | 'group',
  isParents: boolean,
  direct: (row: R, ctx: FilterContext) => readonly string[],
): FieldCompiler<R> {
  return (input, ctx, field) => {
    const original = String(input?.modifier);
    if (!VALID.includes(original)) throw new MockStashError(`invalid modifier ${original}`);
    if (original === 'IS_NULL') return (row) => direct(row, ctx).length === 0;
    if (original === 'NOT_NULL') return (row) => direct(row, ctx).length > 0;
    const { modifier, depth, value, excludes } = hierarchicalParts(input, field);
    if (value.length === 0 && excludes.length === 0) return null;
    const levels = depth < 0 ? -1 : depth + 1;
    // rows related to X: its descendants when filtering on parents, its ancestors for children
    const around = (x: string) => ctx.reach(kind, x, levels, isParents ? 'down' : 'up');
    const roots = value.map(around);
    const banned = excludes.map(around);
    return (row) => {
      if (roots.length > 0) {
        const hit =
          modifier === 'INCLUDES' ? roots.some((r) => r.has(row.id)) : roots.every((r) => r.has(row.id));
        if (!hit) return false;
      }
      return !banned.some((r) => r.has(row.id));
    };
  };
}
