/** What a criterion compiler knows about the key it is compiling. */
import type { SchemaModel } from '../schema/modelTypes';
import { SUFFIXES, type CriterionShape } from './criterionShape';
import { expectBoolean, filterError } from './values';
import type { StashValidationError } from '../errors';

export interface CriterionContext {
  schema: SchemaModel;
  /** The DSL key as written, with its path (`performers_filter.rating100__gte`), for errors. */
  key: string;
  /** The filter field (`rating100`). */
  field: string;
  /** The criterion input type (`IntCriterionInput`). */
  inputType: string;
  shape: CriterionShape;
  /** The error for a suffix this criterion does not support. */
  unknownSuffix(suffix: string): StashValidationError;
}

export function criterionContext(
  schema: SchemaModel,
  key: string,
  field: string,
  inputType: string,
  shape: CriterionShape,
): CriterionContext {
  return {
    schema,
    key,
    field,
    inputType,
    shape,
    unknownSuffix(suffix: string) {
      const valid = SUFFIXES[shape.kind];
      const list = valid.length ? `valid suffixes: ${valid.join(', ')}` : 'only the bare key is accepted';
      return filterError(`unknown suffix "${suffix}" in ${key} for ${field} (${inputType}); ${list}`);
    },
  };
}

/** `__null: true` / `__notnull: false` → IS_NULL; `__null: false` / `__notnull: true` → NOT_NULL. */
export function nullModifier(
  key: string,
  suffix: 'null' | 'notnull',
  value: unknown,
): 'IS_NULL' | 'NOT_NULL' {
  const flag = expectBoolean(key, value);
  return flag === (suffix === 'null') ? 'IS_NULL' : 'NOT_NULL';
}
