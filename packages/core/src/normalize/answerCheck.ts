/**
 * Checks a whole answer (or ingested data) against the schema before anything is written, so a
 * value of the wrong type deep inside it (an object where a String is expected, a string where a
 * Studio is) rejects the write as a whole instead of failing halfway through the normalizer with
 * some records already written. Nulls pass everywhere (an error may have nulled them).
 *
 * The walk builds no path on the way down: a mismatch is thrown with the failing key, and each
 * level prepends its own key while the throw unwinds. With a depth bound (ingest) it also stops a
 * cycle or runaway nesting, counted as `checkStructure` counts it, so the caller can name that.
 */
import { StashError, StashValidationError } from '../errors';
import type { FieldInfo, TypeInfo, TypeTable } from '../model/typeTable';
import { fieldKeyOfResponseKey } from '../shared/keys';
import { isEntityId } from '../validate/entityId';
import { show } from '../validate/showValue';
import { MAX_DEPTH } from '../validate/structure';
import { TypePlan, ValueCheck, fieldSlot, passesScalar, typePlans, type FieldSlot } from './typePlan';

type Obj = Record<string, unknown>;

/** A mismatch found by the walk: what was wrong, and where (response keys and list positions). */
class Mismatch {
  readonly path: (string | number)[] = [];
  constructor(readonly what: string) {}
}

/** How a failed check is reported: a malformed server answer, or bad input (`ingest`). */
export type CheckKind = 'answer' | 'input';

// JSON has no undefined: only ingest input can hold one, and storing it would call the field received.
const UNDEFINED = 'undefined is not a value (leave the field out, or null to clear it)';
const TOO_DEEP = 'nested too deep';

export class AnswerCheck {
  readonly #table: TypeTable;
  // Object levels allowed below the root in the current check (`Infinity`: unbounded).
  #maxDepth = Infinity;
  #opaque = false;
  readonly #plans: Map<string, TypePlan>;
  // Embedded types' keys resolved once (`null`: a key the type does not have).
  readonly #embeddedSlots = new Map<TypeInfo, Map<string, FieldSlot | null>>();

  constructor(table: TypeTable) {
    this.#table = table;
    this.#plans = typePlans(table);
  }

  /**
   * Throws unless `data` (an entity object, or a list of them when `list`) fits `declared`'s
   * fields: a `StashError` "malformed answer" for `answer`, `StashValidationError` for `input`;
   * `where` names the root (`findScene(12)`, `ingest(Scene)`). With `maxDepth`, an object nested
   * deeper than that (a cycle, too) is a mismatch: the caller names it with `checkStructure`.
   */
  check(
    data: unknown,
    declared: string,
    kind: CheckKind,
    where: string,
    list = false,
    maxDepth = Infinity,
  ): void {
    this.#maxDepth = maxDepth;
    this.#opaque = false;
    try {
      if (!list) this.#entity(data, declared, true, 0);
      else if (!Array.isArray(data)) throw new Mismatch(`expected a list, got ${describe(data)}`);
      else
        for (let i = 0; i < data.length; i++) {
          try {
            if (data[i] !== null) this.#entity(data[i], declared, true, 1);
          } catch (e) {
            throw at(e, i);
          }
        }
    } catch (e) {
      if (!(e instanceof Mismatch)) throw e;
      const path = e.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('');
      const place = path === '' ? '' : ` at ${where}${path}`;
      if (kind === 'input') throw new StashValidationError(`StashEntityStore: ${e.what}${place}`);
      throw new StashError(`StashEntityStore: malformed answer: ${e.what} at ${where}${path}`);
    }
  }

  /**
   * Checks one field value of an object at `depth` (`slot` resolved by the caller), bounded by
   * `MAX_DEPTH`: for a normalizer that checks plain values as it writes them. Throws when the value
   * does not fit (no message worth showing: the caller undoes and runs `check`); returns true when
   * it met an object it did not walk (see `opaque`).
   */
  fits(value: unknown, slot: FieldSlot, depth: number): boolean {
    this.#maxDepth = MAX_DEPTH;
    this.#opaque = false;
    if (value === undefined) throw new Mismatch(UNDEFINED);
    this.#value(value, slot.field, slot.check, depth);
    return this.#opaque;
  }

  /**
   * The last check met an object it did not walk (a custom scalar such as Map or Any): its
   * structure is unchecked (the normalizer stores and compares it as JSON).
   */
  get opaque(): boolean {
    return this.#opaque;
  }

  // `depth`: the keys and list positions from the root to this object (as `checkStructure` counts).
  #entity(data: unknown, declared: string, root: boolean, depth: number): void {
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      throw new Mismatch(`expected a ${declared} object, got ${describe(data)}`);
    }
    if (depth > this.#maxDepth) throw new Mismatch(TOO_DEEP);
    const obj = data as Obj;
    const typename = obj.__typename;
    // Fast path (as the normalizer's): the object is of the declared type.
    let plan = this.#plans.get(typename === undefined ? declared : (typename as string));
    if (plan === undefined || plan.type.name !== declared) {
      const type = concreteType(this.#table, typename, declared);
      if (typeof type === 'string') throw new Mismatch(type);
      plan = this.#plans.get(type.name);
      if (plan === undefined) this.#plans.set(type.name, (plan = new TypePlan(type)));
    }
    const rawId = obj.id;
    // Below the root an object may lack its id (a detached record); a present id must be valid.
    if (typeof rawId === 'string' || typeof rawId === 'number' ? !isEntityId(String(rawId)) : root) {
      throw new Mismatch(idProblem(plan.type.name, rawId));
    }
    let i = 0;
    for (const key in obj) {
      let slot: FieldSlot | null;
      try {
        slot = plan.slot(i++, key);
      } catch (e) {
        throw new Mismatch((e as Error).message.replace(/^StashEntityStore: /, ''));
      }
      if (slot === null) continue;
      const value = obj[key];
      // Most values are plain and right: checked inline, without a call or a try.
      if (value === null || (!slot.list && passesScalar(slot.check, value))) continue;
      try {
        if (value === undefined) throw new Mismatch(UNDEFINED);
        this.#value(value, slot.field, slot.check, depth + 1);
      } catch (e) {
        throw at(e, key);
      }
    }
  }

  // `depth`: that of `value` (a list's items are one deeper).
  #value(value: unknown, field: FieldInfo, check: ValueCheck, depth: number): void {
    if (!field.list) return this.#item(value, field, check, depth);
    if (!Array.isArray(value)) throw new Mismatch(`${field.name} should be a list, got ${describe(value)}`);
    if (depth > this.#maxDepth) throw new Mismatch(TOO_DEEP);
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (item === null) continue;
      try {
        this.#item(item, field, check, depth + 1);
      } catch (e) {
        throw at(e, i);
      }
    }
  }

  #item(value: unknown, field: FieldInfo, check: ValueCheck, depth: number): void {
    if (check === ValueCheck.Link) return this.#entity(value, field.typeName, false, depth);
    if (check === ValueCheck.Embedded)
      return this.#embedded(value, this.#table.object(field.typeName)!, depth);
    if (check === ValueCheck.Any) {
      if (typeof value === 'object') this.#opaque = true;
      return;
    }
    if (passesScalar(check, value)) return;
    const what =
      field.kind === 'enum' ? `a ${field.typeName} value` : `${article(field.typeName)} ${field.typeName}`;
    throw new Mismatch(`expected ${what}, got ${describe(value)}`);
  }

  #embedded(value: unknown, type: TypeInfo, depth: number): void {
    if (typeof value !== 'object' || Array.isArray(value)) {
      throw new Mismatch(`expected a ${type.name} object, got ${describe(value)}`);
    }
    if (depth > this.#maxDepth) throw new Mismatch(TOO_DEEP);
    const obj = value as Obj;
    let slots = this.#embeddedSlots.get(type);
    if (slots === undefined) this.#embeddedSlots.set(type, (slots = new Map()));
    for (const key in obj) {
      const v = obj[key];
      if (v === null || key === '__typename') continue;
      let slot = slots.get(key);
      if (slot === undefined) {
        const field = type.fields.get(key) ?? type.fields.get(fieldKeyOfResponseKey(key).name);
        // Unknown keys are kept as they came (the normalizer stores embedded values as plain JSON).
        slots.set(key, (slot = field === undefined ? null : fieldSlot(field, key)));
      }
      if (slot === null) {
        if (typeof v === 'object') this.#opaque = true;
        continue;
      }
      if (!slot.list && passesScalar(slot.check, v)) continue;
      try {
        if (v === undefined) throw new Mismatch(UNDEFINED);
        this.#value(v, slot.field, slot.check, depth + 1);
      } catch (e) {
        throw at(e, key);
      }
    }
  }
}

/**
 * The concrete entity type of an object declared as `declared` whose `__typename` is `typename`
 * (required for abstract types; else the declared type or a member), or what is wrong with it.
 */
export function concreteType(table: TypeTable, typename: unknown, declared: string): TypeInfo | string {
  const abstract = table.abstract(declared);
  if (typename === undefined) {
    return abstract !== undefined ? `a ${declared} object needs __typename` : table.entity(declared);
  }
  const type = typeof typename === 'string' ? table.object(typename) : undefined;
  if (type === undefined || !type.entity) {
    return `unknown __typename ${show(typename)} where a ${declared} was expected`;
  }
  if (type.name !== declared && (abstract === undefined || !abstract.possibleTypes.includes(type.name))) {
    return `got a ${type.name} where a ${declared} was expected`;
  }
  return type;
}

/** What is wrong with the id of a `typename` object: missing, or not an entity id. */
export function idProblem(typename: string, id: unknown): string {
  return typeof id === 'string' || typeof id === 'number'
    ? `${typename} object with the id ${show(id)}; ids are decimal strings such as "12"`
    : `${typename} object without an id`;
}

function at(e: unknown, key: string | number): unknown {
  if (e instanceof Mismatch) e.path.unshift(key);
  return e;
}

function article(word: string): string {
  return /^[AEIOU]/.test(word) ? 'an' : 'a';
}

/** A wrong value for messages: `null`, `a list`, `an object`, `a string ("x")`. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  const t = typeof value;
  return t === 'object' ? 'an object' : `${article(t.toUpperCase())} ${t} (${show(value)})`;
}
