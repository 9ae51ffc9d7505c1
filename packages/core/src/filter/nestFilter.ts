/**
 * Turns the filter IR into Stash's nested filter input.
 *
 * Stash's form is a chain of levels (pkg/sqlite/filter.go): a level ANDs its criteria (one per
 * field) and may carry at most one of `AND` / `OR` / `NOT`, meaning `(level) AND sub`,
 * `(level) OR sub` or `(level) AND NOT sub`. A level with no criteria and `OR` is not "true OR
 * sub" in Stash (it degrades to `sub`), so this compiler never emits one.
 *
 * Because each level has a single sub-filter, only one side of every AND/OR can be a compound
 * expression. The compiler:
 * - packs a conjunction's criteria into as few levels as possible (a field used twice, such as
 *   `rating100__gt` with `rating100__lt`, needs a second level chained with AND);
 * - chains OR alternatives so that every alternative but the last is a plain set of criteria;
 * - folds several negations into one: `¬a ∧ ¬b` = `¬(a ∨ b)`;
 * - rewrites `C ∧ (x ∨ y) ∧ ¬n` as `C ∧ ¬(n ∨ ¬(x ∨ y))`;
 * - otherwise expands to disjunctive normal form (negated parts kept whole).
 * When none of these fits (an OR of two alternatives that each contain NOT, say), it throws a
 * `StashValidationError` before any request.
 */
import { type FilterExpr, and, isTrue, not, or } from './filterExpr';
import { filterError } from './values';

type Op = 'AND' | 'OR' | 'NOT';

/** One level of Stash's filter chain. */
interface Level {
  criteria: Array<[string, unknown]>;
  op?: Op;
  sub?: Level;
}

/** DNF expansion stops here; a filter needing more alternatives must be written differently. */
const MAX_TERMS = 256;

function fail(): never {
  throw filterError(
    "cannot express this combination of AND/OR/NOT in Stash's filter nesting (one AND/OR/NOT per level): " +
      'an OR may have at most one alternative that contains NOT or repeats a field; restructure the filter',
  );
}

/** Flattens nested and/or, drops double negation, and propagates "match everything". */
export function simplify(expr: FilterExpr): FilterExpr {
  switch (expr.kind) {
    case 'atom':
      return expr;
    case 'not': {
      const inner = simplify(expr.item);
      if (isTrue(inner)) throw filterError('NOT of an empty filter would match nothing');
      return inner.kind === 'not' ? inner.item : not(inner);
    }
    case 'and': {
      const items = expr.items.map(simplify).flatMap((e) => (e.kind === 'and' ? e.items : [e]));
      return items.length === 1 ? items[0] : and(...items);
    }
    case 'or': {
      if (expr.items.length === 0) throw filterError('OR needs at least one filter');
      const items = expr.items.map(simplify);
      if (items.some(isTrue)) return and();
      const flat = items.flatMap((e) => (e.kind === 'or' ? e.items : [e]));
      return flat.length === 1 ? flat[0] : or(...flat);
    }
  }
}

const keyOf = (k: string, v: unknown) => `${k}\u0000${JSON.stringify(v)}`;

/** Packs criteria into levels with distinct fields (first fit), dropping exact duplicates. */
function pack(criteria: Array<[string, unknown]>): Array<Array<[string, unknown]>> {
  const seen = new Set<string>();
  const buckets: Array<Map<string, unknown>> = [];
  for (const [k, v] of criteria) {
    const id = keyOf(k, v);
    if (seen.has(id)) continue;
    seen.add(id);
    const bucket = buckets.find((b) => !b.has(k));
    if (bucket) bucket.set(k, v);
    else buckets.push(new Map([[k, v]]));
  }
  return buckets.map((b) => [...b]);
}

const notLevel = (sub: Level): Level => ({ criteria: [], op: 'NOT', sub });

/** `b1 AND b2 AND ... AND tail`. */
function chain(buckets: Array<Array<[string, unknown]>>, tail?: Level): Level {
  if (buckets.length === 0) return tail ?? { criteria: [] };
  let acc: Level = { criteria: buckets[buckets.length - 1] };
  if (tail) {
    acc =
      tail.op === 'NOT' && tail.criteria.length === 0
        ? { ...acc, op: 'NOT', sub: tail.sub }
        : { ...acc, op: 'AND', sub: tail };
  }
  for (let i = buckets.length - 2; i >= 0; i--) acc = { criteria: buckets[i], op: 'AND', sub: acc };
  return acc;
}

/** `criteria ∧ ¬neg ∧ tails`, or undefined when that needs two compound sub-filters. */
function assemble(
  criteria: Array<[string, unknown]>,
  neg: Level | undefined,
  tails: Level[],
): Level | undefined {
  let tail: Level | undefined;
  if (tails.length === 0) tail = neg && notLevel(neg);
  else if (tails.length === 1 && !neg) tail = tails[0];
  else if (tails.length === 1 && neg) {
    // T ∧ ¬N  =  ¬(N ∨ ¬T)
    const inner = orOfLevels([neg, notLevel(tails[0])]);
    if (!inner) return undefined;
    tail = notLevel(inner);
  } else return undefined;
  return chain(pack(criteria), tail);
}

/** Chains alternatives with OR, or undefined when more than one of them is compound. */
function orOfLevels(levels: Level[]): Level | undefined {
  const alternatives: Level[] = [];
  for (let level of levels) {
    while (level.op === 'OR' && level.criteria.length > 0) {
      alternatives.push({ criteria: level.criteria });
      level = level.sub!;
    }
    if (!level.op && level.criteria.length === 0) return { criteria: [] };
    alternatives.push(level);
  }
  const seen = new Set<string>();
  const plain = alternatives.filter((a) => {
    if (a.op) return false;
    const id = JSON.stringify(a.criteria);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  const compound = alternatives.filter((a) => a.op);
  if (compound.length > 1) return undefined;
  const ordered = [...plain, ...compound];
  let acc = ordered[ordered.length - 1];
  for (let i = ordered.length - 2; i >= 0; i--) acc = { criteria: ordered[i].criteria, op: 'OR', sub: acc };
  return acc;
}

interface Term {
  criteria: Array<[string, unknown]>;
  negs: FilterExpr[];
}

function dnf(expr: FilterExpr): Term[] {
  switch (expr.kind) {
    case 'atom':
      return [{ criteria: [[expr.key, expr.value]], negs: [] }];
    case 'not':
      return [{ criteria: [], negs: [expr.item] }];
    case 'or':
      return expr.items.flatMap(dnf);
    case 'and': {
      let terms: Term[] = [{ criteria: [], negs: [] }];
      for (const item of expr.items) {
        const next: Term[] = [];
        for (const right of dnf(item)) {
          for (const left of terms) {
            next.push({
              criteria: [...left.criteria, ...right.criteria],
              negs: [...left.negs, ...right.negs],
            });
          }
        }
        if (next.length > MAX_TERMS) {
          throw filterError(
            `this AND of ORs expands to more than ${MAX_TERMS} alternatives in Stash's nesting; simplify it`,
          );
        }
        terms = next;
      }
      return terms;
    }
  }
}

function dnfLevel(expr: FilterExpr): Level {
  const levels = dnf(expr).map((t) => {
    const neg =
      t.negs.length === 0 ? undefined : toLevel(simplify(t.negs.length === 1 ? t.negs[0] : or(...t.negs)));
    return assemble(t.criteria, neg, []) ?? fail();
  });
  return orOfLevels(levels) ?? fail();
}

function andLevel(expr: FilterExpr & { kind: 'and' }): Level {
  const criteria: Array<[string, unknown]> = [];
  const negs: Level[] = [];
  const tails: Level[] = [];
  for (const item of expr.items) {
    if (item.kind === 'atom') {
      criteria.push([item.key, item.value]);
      continue;
    }
    let level: Level | undefined = toLevel(item);
    while (level) {
      if (level.op === 'OR') {
        tails.push(level);
        break;
      }
      criteria.push(...level.criteria);
      if (level.op === 'NOT') negs.push(level.sub!);
      level = level.op === 'AND' ? level.sub : undefined;
    }
  }
  const neg = negs.length <= 1 ? negs[0] : orOfLevels(negs);
  const direct = negs.length > 1 && !neg ? undefined : assemble(criteria, neg, tails);
  return direct ?? dnfLevel(expr);
}

function toLevel(expr: FilterExpr): Level {
  switch (expr.kind) {
    case 'atom':
      return { criteria: [[expr.key, expr.value]] };
    case 'not':
      return notLevel(toLevel(expr.item));
    case 'and':
      return andLevel(expr);
    case 'or':
      return orOfLevels(expr.items.map(toLevel)) ?? dnfLevel(expr);
  }
}

function toObject(level: Level): Record<string, unknown> {
  const out: Record<string, unknown> = Object.fromEntries(level.criteria);
  if (level.op) out[level.op] = toObject(level.sub!);
  return out;
}

/** The Stash filter input for `expr` (`{}` when it matches everything). */
export function nestFilter(expr: FilterExpr): Record<string, unknown> {
  return toObject(toLevel(simplify(expr)));
}
