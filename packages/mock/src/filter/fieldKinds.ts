import { MockStashError } from '../errors';
import type { FileRow } from '../db/rows';
import type { FieldCompiler } from './compileFilter';
import { compileDateCriterion, compileTimestampCriterion, timeOf } from './dateCriterion';
import type { FilterContext } from './filterContext';
import {
  compileOrientationCriterion,
  compilePhashDistanceCriterion,
  compileResolutionCriterion,
  phashesOf,
} from './mediaCriteria';
import {
  compileHierarchicalCriterion,
  compileMultiCriterion,
  type HierarchicalOptions,
} from './multiCriterion';
import { compileNumberCriterion } from './numberCriterion';
import {
  compileJoinedStringCriterion,
  compileStringCriterion,
  compileStringListCriterion,
  type StringValue,
} from './stringCriterion';
import type { FilterEntity } from './types';

type Get<R, T> = (row: R, ctx: FilterContext) => T;

/** StringCriterionInput on a scalar column. */
export function str<R>(get: Get<R, StringValue>): FieldCompiler<R> {
  return (input, ctx, field) => {
    const test = compileStringCriterion(input, field);
    return (row) => test(get(row, ctx));
  };
}

/** StringCriterionInput on a LEFT JOINed column (file paths, codecs): any joined row. */
export function joinedStr<R>(get: Get<R, readonly StringValue[]>): FieldCompiler<R> {
  return (input, ctx, field) => {
    const test = compileJoinedStringCriterion(input, field);
    return (row) => test(get(row, ctx));
  };
}

/** StringCriterionInput on a string list (urls, aliases); `exact` EXCLUDES for captions. */
export function strList<R>(get: Get<R, readonly StringValue[]>, exact = false): FieldCompiler<R> {
  return (input, ctx, field) => {
    const test = compileStringListCriterion(input, field, exact);
    return (row) => test(get(row, ctx));
  };
}

/** Int/FloatCriterionInput on a scalar. */
export function num<R>(get: Get<R, number | null | undefined>): FieldCompiler<R> {
  return (input, ctx, field) => {
    const test = compileNumberCriterion(input, field);
    return (row) => test(get(row, ctx));
  };
}

/** Int criterion on a joined numeric column (file duration, bitrate): any joined row. */
export function joinedNum<R>(get: Get<R, readonly (number | null | undefined)[]>): FieldCompiler<R> {
  return (input, ctx, field) => {
    const test = compileNumberCriterion(input, field);
    const nullRow = test(null);
    return (row) => {
      const values = get(row, ctx);
      return values.length === 0 ? nullRow : values.some(test);
    };
  };
}

export function date<R>(get: Get<R, string | null | undefined>): FieldCompiler<R> {
  return (input, ctx, field) => {
    const test = compileDateCriterion(input, ctx.now, field);
    return (row) => test(get(row, ctx));
  };
}

/** TimestampCriterionInput on an RFC3339 column. */
export function ts<R>(get: Get<R, string | null | undefined>): FieldCompiler<R> {
  return (input, ctx, field) => {
    const test = compileTimestampCriterion(input, ctx.now, field);
    return (row) => test(timeOf(get(row, ctx)));
  };
}

export function bool<R>(get: Get<R, boolean>): FieldCompiler<R> {
  return (input, ctx, field) => {
    if (typeof input !== 'boolean') throw new MockStashError(`${field}: expected a Boolean`);
    return (row) => get(row, ctx) === input;
  };
}

/** MultiCriterionInput on related ids. */
export function multi<R>(get: Get<R, readonly string[]>): FieldCompiler<R> {
  return (input, ctx, field) => {
    const test = compileMultiCriterion(input, field);
    return test && ((row) => test(get(row, ctx)));
  };
}

/** HierarchicalMultiCriterionInput on related ids of a hierarchy (tags, groups, studios). */
export function hier<R>(
  kind: 'tag' | 'studio' | 'group' | 'folder',
  get: Get<R, readonly string[]>,
  opts: Partial<HierarchicalOptions> = {},
): FieldCompiler<R> {
  return (input, ctx, field) => {
    const test = compileHierarchicalCriterion(input, {
      label: field,
      equals: 'exact',
      expand: (id, depth) => ctx.expand(kind, id, depth),
      ...opts,
    });
    return test && ((row) => test(get(row, ctx)));
  };
}

/**
 * Stash's studioCriterionHandler (and files' parent_folder): a hierarchical criterion on the one
 * parent of the row, where EQUALS means INCLUDES_ALL and NOT_EQUALS means EXCLUDES.
 */
export function singleHier<R>(kind: 'studio' | 'folder', get: Get<R, string | null>): FieldCompiler<R> {
  const inner = hier<R>(
    kind,
    (row, ctx) => {
      const id = get(row, ctx);
      return id == null ? [] : [id];
    },
    { singleValued: true },
  );
  return (input, ctx, field) => {
    const m = input?.modifier;
    const modifier = m === 'EQUALS' ? 'INCLUDES_ALL' : m === 'NOT_EQUALS' ? 'EXCLUDES' : m;
    return inner({ ...input, modifier }, ctx, field);
  };
}

export function studios<R>(get: Get<R, string | null>): FieldCompiler<R> {
  return singleHier('studio', get);
}

/** A related-entity sub-filter: the row matches when some related row matches it (Stash's relatedFilterHandler). */
export function related<R>(entity: FilterEntity, getIds: Get<R, readonly string[]>): FieldCompiler<R> {
  return (input, ctx) => {
    const sub = ctx.compile(entity, input, ctx);
    if (!sub) return null;
    const cache = new Map<string, boolean>();
    const matches = (id: string): boolean => {
      let hit = cache.get(id);
      if (hit === undefined) {
        const row = ctx.db.get(entity, id);
        hit = row !== undefined && sub(row);
        cache.set(id, hit);
      }
      return hit;
    };
    return (row) => getIds(row, ctx).some(matches);
  };
}

/** ResolutionCriterionInput over files' width/height (any file). */
export function resolution<R>(getFiles: Get<R, readonly FileRow[]>): FieldCompiler<R> {
  return (input, ctx, field) => {
    const test = compileResolutionCriterion(input, field);
    return (row) => getFiles(row, ctx).some((f) => test(f.width, f.height));
  };
}

export function orientation<R>(getFiles: Get<R, readonly FileRow[]>): FieldCompiler<R> {
  return (input, ctx) => {
    const test = compileOrientationCriterion(input);
    return test && ((row) => getFiles(row, ctx).some((f) => test(f.width, f.height)));
  };
}

export function phashDistance<R>(getFiles: Get<R, readonly FileRow[]>): FieldCompiler<R> {
  return (input, ctx) => {
    const test = compilePhashDistanceCriterion(input);
    return (row) => test(getFiles(row, ctx).flatMap(phashesOf));
  };
}

/** PHashDuplicationCriterionInput: some file's phash is (or is not) shared with another file. */
export function duplicated<R>(getFiles: Get<R, readonly FileRow[]>): FieldCompiler<R> {
  return (input, ctx, field) => {
    if (typeof input?.duplicated !== 'boolean')
      throw new MockStashError(`${field}: duplicated must be true or false`);
    const want = input.duplicated;
    return (row) => {
      const counts = ctx.phashCounts();
      return getFiles(row, ctx).some((f) =>
        f.fingerprints.some(
          (fp) => fp.type === 'phash' && (counts.get(fp.value.toLowerCase()) ?? 0) > 1 === want,
        ),
      );
    };
  };
}

/** `has_markers` / `has_chapters`: the strings "true" and "false". */
export function hasAny<R>(count: Get<R, number>): FieldCompiler<R> {
  return (input, ctx, field) => {
    if (input !== 'true' && input !== 'false')
      throw new MockStashError(`${field}: expected "true" or "false"`);
    const want = input === 'true';
    return (row) => count(row, ctx) > 0 === want;
  };
}

/** `is_missing`: the named property is null/blank/empty; unknown names are an error. */
export function isMissing<R>(
  entity: FilterEntity,
  checks: Record<string, Get<R, boolean>>,
): FieldCompiler<R> {
  return (input, ctx) => {
    if (typeof input !== 'string') throw new MockStashError('is_missing: expected a String');
    if (input === '') return null;
    const check = Object.prototype.hasOwnProperty.call(checks, input) ? checks[input] : undefined;
    if (!check) {
      throw new MockStashError(
        `MockStash: is_missing value ${input} is not supported for ${entity} (supported: ${Object.keys(checks).join(', ')})`,
      );
    }
    return (row) => check(row, ctx);
  };
}

export function blank(v: string | null | undefined): boolean {
  return v == null || v.trim() === '';
}
