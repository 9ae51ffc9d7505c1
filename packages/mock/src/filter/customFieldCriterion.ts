import { MockStashError } from '../errors';
import { goRegExp, sqlContains } from './likePattern';
import type { FilterInput } from './types';

type Scalar = string | number | boolean;

function scalarOf(v: unknown): Scalar {
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  throw new MockStashError(
    `unsupported custom field criterion value type: ${v === null ? 'null' : typeof v}`,
  );
}

/** SQLite ordering across storage classes: numbers (and booleans, stored 0/1) before text. */
function compare(a: Scalar, b: Scalar): number {
  const na = typeof a === 'boolean' ? Number(a) : a;
  const nb = typeof b === 'boolean' ? Number(b) : b;
  if (typeof na === 'number' && typeof nb === 'number') return na - nb;
  if (typeof na === 'number') return -1;
  if (typeof nb === 'number') return 1;
  return na < nb ? -1 : na > nb ? 1 : 0;
}

function text(v: unknown): string | null {
  if (v == null) return null;
  if (typeof v === 'boolean') return v ? '1' : '0';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/**
 * One CustomFieldCriterionInput (Stash `customFieldsFilterHandler`). The row's value is NULL when
 * the field is absent; as in SQL, only IS_NULL and NOT_MATCHES_REGEX match a NULL. INCLUDES needs
 * every listed substring; BETWEEN/NOT_BETWEEN need two values, LESS_THAN/GREATER_THAN one.
 */
export function compileCustomFieldCriterion(c: FilterInput): (fields: Record<string, unknown>) => boolean {
  if (c == null || typeof c !== 'object' || typeof c.field !== 'string') {
    throw new MockStashError('custom_fields: each criterion needs a field name');
  }
  const field: string = c.field;
  const values = (Array.isArray(c.value) ? c.value : c.value == null ? [] : [c.value]).map(scalarOf);
  const modifier = String(c.modifier);
  const get = (fields: Record<string, unknown>): Scalar | null => {
    const v = Object.prototype.hasOwnProperty.call(fields, field) ? fields[field] : null;
    return v == null ? null : typeof v === 'object' ? JSON.stringify(v) : (v as Scalar);
  };
  const need = (n: number) => {
    if (values.length !== n) {
      throw new MockStashError(
        `expected ${n} value${n === 1 ? '' : 's'} for custom field criterion modifier ${modifier}, got ${values.length}`,
      );
    }
  };
  switch (modifier) {
    case 'EQUALS':
      return (f) => {
        const v = get(f);
        return v != null && values.some((x) => compare(v, x) === 0);
      };
    case 'NOT_EQUALS':
      return (f) => {
        const v = get(f);
        return v != null && values.every((x) => compare(v, x) !== 0);
      };
    case 'INCLUDES':
      return (f) => {
        const v = text(get(f));
        return v != null && values.every((x) => sqlContains(v, String(text(x))));
      };
    case 'EXCLUDES':
      return (f) => {
        const v = text(get(f));
        return v != null && values.every((x) => !sqlContains(v, String(text(x))));
      };
    case 'MATCHES_REGEX':
    case 'NOT_MATCHES_REGEX': {
      const res = values.map((x) => {
        if (typeof x !== 'string')
          throw new MockStashError(`unsupported custom field criterion value type: ${typeof x}`);
        return goRegExp(x);
      });
      if (modifier === 'MATCHES_REGEX') {
        return (f) => {
          const v = text(get(f));
          return v != null && res.every((re) => re.test(v));
        };
      }
      return (f) => {
        const v = text(get(f));
        return v == null || res.every((re) => !re.test(v));
      };
    }
    case 'IS_NULL':
      return (f) => {
        const v = text(get(f));
        return v == null || v.trim() === '';
      };
    case 'NOT_NULL':
      return (f) => {
        const v = text(get(f));
        return v != null && v.trim() !== '';
      };
    case 'BETWEEN':
    case 'NOT_BETWEEN': {
      need(2);
      const [lo, hi] = values;
      const inside = (v: Scalar) => compare(v, lo) >= 0 && compare(v, hi) <= 0;
      return (f) => {
        const v = get(f);
        return v != null && (modifier === 'BETWEEN' ? inside(v) : !inside(v));
      };
    }
    case 'LESS_THAN':
    case 'GREATER_THAN': {
      need(1);
      const [x] = values;
      return (f) => {
        const v = get(f);
        return v != null && (modifier === 'LESS_THAN' ? compare(v, x) < 0 : compare(v, x) > 0);
      };
    }
    default:
      throw new MockStashError(`unsupported custom field criterion modifier: ${modifier}`);
  }
}
