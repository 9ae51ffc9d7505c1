/**
 * One DSL entry on a criterion field (`rating100__gte: 60`) → one criterion input object. The
 * field's criterion input type decides the shape (see `criterionShape`); a bare key with a plain
 * object value is a raw criterion, checked against the input model and sent as written.
 */
import { SUFFIXES, criterionShape } from './criterionShape';
import { criterionContext, type CriterionContext } from './criterionContext';
import { compileString } from './stringCriterion';
import { compileRange } from './rangeCriterion';
import {
  compileEnumChoice,
  compileEnumSet,
  compileMulti,
  compileEqualString,
  compileResolution,
} from './choiceCriterion';
import { validateInput } from './validateInput';
import { expectBoolean, expected, filterError, isPlainObject } from './values';
import type { SchemaModel } from '../schema/modelTypes';
import { own } from '../validate/ownKey';

/** Checks Stash rejects at run time, made before the request for raw criteria. */
function checkRaw(ctx: CriterionContext, raw: Record<string, unknown>): Record<string, unknown> {
  const { shape } = ctx;
  if (shape.kind === 'multi') {
    if (raw.modifier === 'NOT_EQUALS') {
      throw filterError(`${ctx.key}: Stash does not support NOT_EQUALS on ${ctx.inputType}; use EXCLUDES`);
    }
    if (raw.modifier === 'EQUALS' && typeof raw.depth === 'number' && raw.depth !== 0) {
      throw filterError(`${ctx.key}: Stash does not accept a depth with EQUALS; use INCLUDES_ALL`);
    }
  }
  if (
    (shape.kind === 'int' || shape.kind === 'float' || shape.kind === 'date' || shape.kind === 'timestamp') &&
    (raw.modifier === 'BETWEEN' || raw.modifier === 'NOT_BETWEEN') &&
    raw.value2 == null
  ) {
    throw filterError(`${ctx.key}: ${raw.modifier} needs value2 (Stash would substitute its own bound)`);
  }
  return raw;
}

export function compileCriterion(
  schema: SchemaModel,
  key: string,
  field: string,
  inputType: string,
  suffix: string,
  value: unknown,
): Record<string, unknown> {
  const input = own(schema.inputs, inputType);
  if (!input) throw filterError(`${key}: criterion type ${inputType} is not in the schema model`);
  const shape = criterionShape(input);
  const ctx = criterionContext(schema, key, field, inputType, shape);
  if (value === undefined || value === null) {
    throw expected(key, 'a value (use __null: true to match missing values)', value);
  }
  if (suffix === '' && isPlainObject(value))
    return checkRaw(ctx, validateInput(schema, key, inputType, value));
  // Resolution reads its value first (a wrong member is reported before a wrong suffix).
  if (suffix !== '' && shape.kind !== 'resolution' && !SUFFIXES[shape.kind].includes(suffix))
    throw ctx.unknownSuffix(suffix);
  // Below, every compiler gets a suffix of its shape's SUFFIXES (or '').
  switch (shape.kind) {
    case 'string':
      return compileString(ctx, suffix, value);
    case 'int':
    case 'float':
    case 'date':
    case 'timestamp':
      return compileRange(ctx, shape.kind, shape.ranged, suffix, value);
    case 'multi':
      return compileMulti(ctx, shape.hierarchical, shape.excludes, suffix, value);
    case 'resolution':
      return compileResolution(ctx, shape.enumName, suffix, value);
    case 'enumChoice':
      return compileEnumChoice(ctx, shape, suffix, value);
    case 'enumSet':
      return compileEnumSet(ctx, shape.enumName, value);
    case 'stashId':
      return compileEqualString(ctx, 'stash_id', suffix, value);
    case 'phashDistance':
      return compileEqualString(ctx, 'value', suffix, value);
    case 'duplication':
      return { duplicated: expectBoolean(key, value) };
    case 'raw':
      throw expected(key, `a ${inputType} object`, value);
  }
}
