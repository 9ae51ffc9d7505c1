/**
 * Reads a criterion input model and decides how DSL suffixes map onto it. The shape comes from the
 * input's fields (value type, `value2`, `depth`, `value_list`...), not from a list of type names,
 * so a criterion type added to the schema with a familiar shape works without code changes.
 */
import type { InputModel } from '../schema/modelTypes';
import { splitValues } from '../shared/splitValues';

export type CriterionShape =
  /** `value: String!` with a modifier: StringCriterionInput. */
  | { kind: 'string' }
  /** Ordered `value`/`value2` criteria: Int, Float, Date, Timestamp. */
  | { kind: 'int' | 'float' | 'date' | 'timestamp'; ranged: boolean }
  /** `value: [ID!]` with a modifier; hierarchical ones also take `depth`. */
  | { kind: 'multi'; hierarchical: boolean; excludes: boolean }
  /** `value: ResolutionEnum!`: ordered, compared by pixel ranges. */
  | { kind: 'resolution'; enumName: string }
  /** Enum choice with a modifier: Gender (`value` + `value_list`), Circumcision (`value: [..]`). */
  | { kind: 'enumChoice'; enumName: string; single?: string; list?: string }
  /** `value: [Enum!]!` without a modifier: Orientation. */
  | { kind: 'enumSet'; enumName: string }
  /** `endpoint`/`stash_id` with a modifier. */
  | { kind: 'stashId' }
  /** `value: String!` (a phash), `distance`, modifier. */
  | { kind: 'phashDistance' }
  /** `duplicated: Boolean`, `distance`: no modifier. */
  | { kind: 'duplication' }
  /** Anything else: only raw objects are accepted. */
  | { kind: 'raw' };

export function criterionShape(input: InputModel): CriterionShape {
  const f = input.fields;
  const value = f.value;
  const hasModifier = f.modifier?.type === 'CriterionModifier';
  if (!hasModifier) {
    if (value?.kind === 'enum' && value.list) return { kind: 'enumSet', enumName: value.type };
    if (f.duplicated?.type === 'Boolean') return { kind: 'duplication' };
    return { kind: 'raw' };
  }
  if (f.stash_id && f.endpoint) return { kind: 'stashId' };
  if (!value) return { kind: 'raw' };
  if (value.kind === 'scalar' && value.list && value.type === 'ID') {
    return { kind: 'multi', hierarchical: Boolean(f.depth), excludes: Boolean(f.excludes) };
  }
  if (value.kind === 'scalar' && !value.list) {
    const ranged = Boolean(f.value2);
    if (value.type === 'Int') return { kind: 'int', ranged };
    if (value.type === 'Float') return { kind: 'float', ranged };
    if (value.type === 'String') {
      if (ranged) return { kind: /Timestamp/.test(input.name) ? 'timestamp' : 'date', ranged };
      if (f.distance) return { kind: 'phashDistance' };
      return { kind: 'string' };
    }
  }
  if (value.kind === 'enum') {
    if (!value.list && value.type === 'ResolutionEnum') return { kind: 'resolution', enumName: value.type };
    if (value.list) return { kind: 'enumChoice', enumName: value.type, list: 'value' };
    const list = f.value_list?.kind === 'enum' && f.value_list.list ? 'value_list' : undefined;
    return { kind: 'enumChoice', enumName: value.type, single: 'value', list };
  }
  return { kind: 'raw' };
}

// Space-separated, split once at load (shorter in the bundle than array literals).
const RANGE_SUFFIXES = 'exact ne gt gte lt lte between not_between null notnull';
const EQUALITY_SUFFIXES = 'exact ne null notnull';

/**
 * The suffixes each shape accepts (besides the bare key): `compileCriterion` rejects any other
 * before a compiler runs, and error messages list them.
 */
export const SUFFIXES: Readonly<Record<CriterionShape['kind'], readonly string[]>> =
  /* @__PURE__ */ splitValues({
    string:
      'exact iexact contains icontains startswith istartswith endswith iendswith in includes excludes regex iregex not_regex not_iregex ne null notnull',
    int: RANGE_SUFFIXES,
    float: RANGE_SUFFIXES,
    date: RANGE_SUFFIXES,
    timestamp: RANGE_SUFFIXES,
    multi: 'exact in includes includes_all excludes null notnull',
    resolution: 'exact ne gt gte lt lte',
    enumChoice: 'exact in includes excludes ne null notnull',
    enumSet: 'in includes',
    stashId: EQUALITY_SUFFIXES,
    phashDistance: EQUALITY_SUFFIXES,
    duplication: '',
    raw: '',
  });
