/**
 * Field trees to selection sets (core's own document parts, `printDocument`). Entities always select `__typename` and `id`;
 * abstract fields select shared fields plus an inline fragment per member that has the rest;
 * embedded objects are selected in full (entities inside them as `__typename id`).
 */
import type {
  ArgumentNode,
  FieldNode as GqlFieldNode,
  SelectionNode,
  SelectionSetNode,
} from './printDocument';
import { StashValidationError } from '../errors';
import type { FieldInfo, TypeTable } from '../model/typeTable';
import { fieldKey, type FieldKey } from '../shared/keys';
import type { FieldTree } from './fieldTree';
import { fieldVariable } from './fieldVariables';

const TYPENAME = /*#__PURE__*/ field('__typename');
const ID = /*#__PURE__*/ field('id');

function field(
  fieldName: string,
  selections?: SelectionSetNode,
  fk?: FieldKey,
  info?: FieldInfo,
): GqlFieldNode {
  const args: ArgumentNode[] = [];
  if (fk?.args !== undefined) {
    for (const argName of Object.keys(fk.args)) {
      // Every value the user gives travels as a variable (declared by the document builders).
      const type = info?.args.find((a) => a.name === argName)?.type;
      if (type === undefined)
        throw new StashValidationError(`StashEntityStore: ${fieldName} has no argument "${argName}"`);
      args.push({ name: argName, variable: fieldVariable(fk, argName, type).name });
    }
  }
  return {
    kind: 'Field',
    alias: fk !== undefined && fk.alias !== fk.name ? fk.alias : undefined,
    name: fieldName,
    args,
    selections,
  };
}

export class SelectionBuilder {
  readonly #table: TypeTable;
  readonly #fullEmbedded = new Map<string, SelectionSetNode>();

  constructor(table: TypeTable) {
    this.#table = table;
  }

  /** Selection for an entity or abstract type: `__typename id` plus the tree. */
  entity(typeName: string, tree: FieldTree | undefined): SelectionSetNode {
    const abstract = this.#table.abstract(typeName);
    if (abstract === undefined) {
      return [TYPENAME, ID, ...this.#fields(typeName, tree, true)];
    }
    const selections: SelectionNode[] = [TYPENAME];
    const shared = abstract.fields;
    if (shared !== undefined && 'id' in shared) selections.push(ID);
    const sharedTree: FieldTree = new Map();
    if (shared !== undefined && tree !== undefined) {
      for (const [key, node] of tree) if (node.fk.name in shared) sharedTree.set(key, node);
    }
    selections.push(...this.#fields(typeName, sharedTree, true));
    for (const member of abstract.possibleTypes) {
      const own: FieldTree = new Map();
      const memberType = this.#table.object(member)!;
      for (const [key, node] of tree ?? []) {
        if (!sharedTree.has(key) && memberType.fields.has(node.fk.name)) own.set(key, node);
      }
      const memberSelections = shared === undefined || !('id' in shared) ? [ID] : [];
      memberSelections.push(...this.#fields(member, own, true));
      if (memberSelections.length === 0) continue;
      selections.push({ kind: 'InlineFragment', on: member, selections: memberSelections });
    }
    return selections;
  }

  #fields(typeName: string, tree: FieldTree | undefined, skipId: boolean): GqlFieldNode[] {
    const out: GqlFieldNode[] = [];
    if (tree === undefined) return out;
    for (const node of tree.values()) {
      if (skipId && (node.fk.key === 'id' || node.fk.key === '__typename')) continue;
      const info = this.#table.field(typeName, node.fk.name);
      if (info === undefined) continue;
      out.push(this.#field(info, node.fk, node.children));
    }
    return out;
  }

  #field(info: FieldInfo, fk: FieldKey, children: FieldTree | undefined): GqlFieldNode {
    switch (info.kind) {
      case 'scalar':
      case 'enum':
        return field(info.name, undefined, fk, info);
      case 'entity':
      case 'abstract':
        return field(info.name, this.entity(info.typeName, children), fk, info);
      case 'embedded':
        return field(info.name, this.embedded(info.typeName, children), fk, info);
    }
  }

  /** Every selectable field of an embedded type, plus sub-trees for links and embedded fields in `tree`. */
  embedded(typeName: string, tree: FieldTree | undefined): SelectionSetNode {
    if (tree === undefined || tree.size === 0) {
      let full = this.#fullEmbedded.get(typeName);
      if (full === undefined) {
        full = this.#embeddedSelection(typeName, undefined);
        this.#fullEmbedded.set(typeName, full);
      }
      return full;
    }
    return this.#embeddedSelection(typeName, tree);
  }

  #embeddedSelection(typeName: string, tree: FieldTree | undefined): SelectionSetNode {
    const type = this.#table.object(typeName)!;
    const selections: GqlFieldNode[] = [];
    for (const key of type.completeKeys) {
      const info = type.fields.get(key)!;
      const sub = tree?.get(key)?.children;
      if (info.link) {
        selections.push(field(info.name, this.entity(info.typeName, sub ?? new Map()), fieldKey(key)));
      } else selections.push(this.#field(info, fieldKey(key), sub));
    }
    return selections;
  }
}
