/**
 * What the normalizer keeps per entity type: the empty received-field shape, the snapshot
 * constructor, and the field behind each response key. Objects of one type list their keys in
 * the same order (every object of a response comes from one selection), so resolving the i-th
 * key is usually one array read and one string comparison instead of a map lookup and a parse.
 *
 * Plans hold no store state, so all stores on one `TypeTable` share them (`typePlans`), and
 * with them the interned field shapes.
 */
import { StashValidationError } from '../errors';
import type { FieldInfo, TypeInfo, TypeTable } from '../model/typeTable';
import { FieldShape } from '../records/fieldShape';
import { snapshotConstructor, type SnapshotConstructor } from '../records/snapshotPrototypes';
import { fieldKeyOfResponseKey } from '../shared/keys';

/** A response key resolved: the schema field and the storage key (`scene_count(depth:-1)`). */
export interface FieldSlot {
  readonly field: FieldInfo;
  readonly key: string;
  /** What a value must be (`ValueCheck`), for `AnswerCheck`. */
  readonly check: ValueCheck;
  /** `field.list`, kept here so the check's hot loop reads one object. */
  readonly list: boolean;
}

/** A slot for `field` stored under `key`. */
export function fieldSlot(field: FieldInfo, key: string): FieldSlot {
  return { field, key, check: valueCheck(field), list: field.list };
}

/** True when `value` is a plain value that passes `check` (not a list, link or embedded object). */
export function passesScalar(check: ValueCheck, value: unknown): boolean {
  switch (check) {
    case ValueCheck.Any:
      return typeof value !== 'object' && value !== undefined;
    case ValueCheck.String:
      return typeof value === 'string';
    case ValueCheck.Id:
      return typeof value === 'string' || typeof value === 'number';
    case ValueCheck.Number:
      return typeof value === 'number';
    case ValueCheck.Boolean:
      return typeof value === 'boolean';
    default:
      return false;
  }
}

/** The JSON form a field's values must have; resolved once per slot. */
export const enum ValueCheck {
  Any = 0,
  String = 1,
  /** `ID`: a string or a number. */
  Id = 2,
  Number = 3,
  Boolean = 4,
  Link = 5,
  Embedded = 6,
}

/** The check for values of `field` (custom scalars such as Map, Any, BoolMap, Upload take anything). */
export function valueCheck(field: FieldInfo): ValueCheck {
  if (field.link) return ValueCheck.Link;
  if (field.kind === 'embedded') return ValueCheck.Embedded;
  if (field.kind === 'enum') return ValueCheck.String;
  switch (field.typeName) {
    case 'String':
    case 'Time':
    case 'Timestamp':
      return ValueCheck.String;
    case 'ID':
      return ValueCheck.Id;
    case 'Int':
    case 'Float':
    case 'Int64':
      return ValueCheck.Number;
    case 'Boolean':
      return ValueCheck.Boolean;
    default:
      return ValueCheck.Any;
  }
}

const shared = new WeakMap<TypeTable, Map<string, TypePlan>>();

/** The plans of a table's types by typename, filled as types are met (shared by its stores). */
export function typePlans(table: TypeTable): Map<string, TypePlan> {
  let plans = shared.get(table);
  if (plans === undefined) shared.set(table, (plans = new Map()));
  return plans;
}

export class TypePlan {
  readonly type: TypeInfo;
  /** The empty shape: every record of the type shares its transitions. */
  readonly root: FieldShape = FieldShape.root();
  readonly Snapshot: SnapshotConstructor;
  readonly hasLinks: boolean;
  // Position i holds the i-th key of the last object seen and its slot (`null`: `__typename`/`id`).
  readonly #keys: string[] = [];
  readonly #slots: (FieldSlot | null)[] = [];
  readonly #byKey = new Map<string, FieldSlot | null>();

  constructor(type: TypeInfo) {
    this.type = type;
    this.Snapshot = snapshotConstructor(type);
    this.hasLinks = type.linkFields.length > 0;
  }

  /** The slot of `responseKey`, the i-th key of its object; throws for a field the type lacks. */
  slot(i: number, responseKey: string): FieldSlot | null {
    if (i < this.#keys.length && this.#keys[i] === responseKey) return this.#slots[i];
    const slot = this.#resolve(responseKey);
    if (i <= this.#keys.length) {
      this.#keys[i] = responseKey;
      this.#slots[i] = slot;
    }
    return slot;
  }

  /** The slot of `responseKey` without touching the per-position cache. */
  lookup(responseKey: string): FieldSlot | null {
    return this.#resolve(responseKey);
  }

  #resolve(responseKey: string): FieldSlot | null {
    let slot = this.#byKey.get(responseKey);
    if (slot !== undefined) return slot;
    if (responseKey === '__typename' || responseKey === 'id') slot = null;
    else {
      const type = this.type;
      let field = type.fields.get(responseKey);
      let key = responseKey;
      if (field === undefined || field.args.length > 0) {
        const fk = fieldKeyOfResponseKey(responseKey);
        field = type.fields.get(fk.name);
        key = fk.key;
        if (field === undefined) {
          throw new StashValidationError(`StashEntityStore: ${type.name} has no field "${fk.name}"`);
        }
      }
      slot = fieldSlot(field, key);
    }
    this.#byKey.set(responseKey, slot);
    return slot;
  }
}
