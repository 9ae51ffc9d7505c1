/**
 * A field tree resolved once against an entity type (or against embedded values): the fields as an
 * array of descriptors (key, name, kind from the schema), so reading a record does no schema lookups
 * and no Map iteration, plus a one-entry cache of whether a record shape holds every field. Plans
 * are cached on the tree (by type) and rebuilt when the tree grew (`mergeTree` adds to trees in
 * place); child plans of links and embedded values are found lazily, through a cache on the field.
 */
import type { TypeInfo } from '../model/typeTable';
import type { FieldNode, FieldTree } from '../query/fieldTree';
import type { FieldShape } from '../records/fieldShape';

export const enum PlanKind {
  Scalar = 0,
  Link = 1,
  Embedded = 2,
  /** `id`: always read from the record (a detached record has none). */
  Id = 3,
}

export interface PlanField {
  readonly key: string;
  readonly name: string;
  /** The tree's node; its `children` are read live (a merge may add them later). */
  readonly node: FieldNode;
  /** Schema kind on entity plans; always `Scalar` on embedded plans (links and sub-objects: per value). */
  readonly kind: PlanKind;
  /** Cache: the plan of the last linked record type or embedded value read through this field. */
  child: SelectionPlan | undefined;
}

export class SelectionPlan {
  readonly tree: FieldTree;
  /** `undefined`: a plan over embedded values (links and sub-objects decided per value). */
  readonly type: TypeInfo | undefined;
  /** The tree's size when planned: a tree that grew since gets a new plan. */
  readonly size: number;
  /** Fields read, in tree order (fields the schema lacks are left out). */
  readonly fields: readonly PlanField[];
  /** Every key of the tree (what an observer follows, including fields the schema lacks). */
  readonly depKeys: readonly string[];
  /** No two output fields share a name (nor `__typename`/`id`): the output size is known. */
  readonly distinct: boolean;
  /** The plan of the same tree on another type. */
  readonly next: SelectionPlan | undefined;
  readonly #shapeKeys: readonly string[];
  #shape: FieldShape | undefined = undefined;
  #covers = false;

  constructor(tree: FieldTree, type: TypeInfo | undefined, next: SelectionPlan | undefined) {
    this.tree = tree;
    this.type = type;
    this.size = tree.size;
    this.next = next;
    const fields: PlanField[] = [];
    const depKeys: string[] = [];
    const shapeKeys: string[] = [];
    const names = new Set<string>(type === undefined ? [] : ['__typename', 'id']);
    let distinct = true;
    for (const node of tree.values()) {
      const { key, name } = node.fk;
      depKeys.push(key);
      let kind = PlanKind.Scalar;
      if (type !== undefined) {
        if (key === 'id') {
          fields.push({ key, name, node, kind: PlanKind.Id, child: undefined });
          continue;
        }
        const info = type.fields.get(name);
        if (info === undefined) continue;
        kind = info.link ? PlanKind.Link : info.kind === 'embedded' ? PlanKind.Embedded : PlanKind.Scalar;
        shapeKeys.push(key);
      }
      if (names.has(name)) distinct = false;
      names.add(name);
      fields.push({ key, name, node, kind, child: undefined });
    }
    this.fields = fields;
    this.depKeys = depKeys;
    this.#shapeKeys = shapeKeys;
    this.distinct = distinct;
  }

  /** Whether `shape` holds every field of the plan (records of a type share a few shapes). */
  covers(shape: FieldShape): boolean {
    if (shape === this.#shape) return this.#covers;
    let all = true;
    for (const key of this.#shapeKeys) {
      if (!shape.has(key)) {
        all = false;
        break;
      }
    }
    this.#shape = shape;
    this.#covers = all;
    return all;
  }
}

const plans = new WeakMap<FieldTree, SelectionPlan>();

/** The plan of `tree` on `type` (`undefined`: on embedded values), cached on the tree. */
export function planOf(tree: FieldTree, type: TypeInfo | undefined): SelectionPlan {
  let first = plans.get(tree);
  if (first !== undefined && first.size !== tree.size) first = undefined;
  for (let p = first; p !== undefined; p = p.next) if (p.type === type) return p;
  const plan = new SelectionPlan(tree, type, first);
  plans.set(tree, plan);
  return plan;
}

/** The plan of `field`'s sub-selection `tree` on `type`, through the field's one-entry cache. */
export function childPlan(field: PlanField, tree: FieldTree, type: TypeInfo | undefined): SelectionPlan {
  const known = field.child;
  if (known !== undefined && known.tree === tree && known.type === type && known.size === tree.size)
    return known;
  return (field.child = planOf(tree, type));
}
