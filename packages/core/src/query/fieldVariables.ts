/**
 * Field arguments travel as variables, like root arguments: a selected `scene_count(depth: -1)`
 * is printed `_k0: scene_count(depth: $_k0_depth)` and the document declares `$_k0_depth: Int`
 * with the value -1. Names are interned per field key, argument and type (process-wide, like the
 * `_k<n>` aliases), so one selection (or a shared fragment) means the same in every document.
 */
import type { SelectionSetNode } from './printDocument';
import type { FieldKey } from '../shared/keys';

export interface FieldVariable {
  readonly name: string;
  /** The argument's GraphQL type (`Int`, `String!`, `[ID!]`). */
  readonly type: string;
  readonly value: unknown;
}

const bySignature = new Map<string, FieldVariable>();
const byName = new Map<string, FieldVariable>();

/** The variable carrying argument `arg` (of `type`) of the field key `fk`. */
export function fieldVariable(fk: FieldKey, arg: string, type: string): FieldVariable {
  const signature = fk.key + '\u0000' + arg + '\u0000' + type;
  let v = bySignature.get(signature);
  if (v === undefined) {
    let name = fk.alias + '_' + arg;
    // The same field key with another argument type (never in Stash's schema) gets its own name.
    if (byName.has(name)) name += '_' + byName.size;
    v = { name, type, value: fk.args?.[arg] };
    bySignature.set(signature, v);
    byName.set(name, v);
  }
  return v;
}

const cache = new WeakMap<SelectionSetNode, readonly FieldVariable[]>();

/** Every field variable a selection refers to (fragments are walked where they are defined). */
export function selectionVariables(selection: SelectionSetNode): readonly FieldVariable[] {
  let found = cache.get(selection);
  if (found !== undefined) return found;
  const out = new Set<FieldVariable>();
  for (const node of selection) {
    if (node.kind === 'Field') {
      for (const arg of node.args ?? []) {
        const v = byName.get(arg.variable);
        if (v !== undefined) out.add(v);
      }
    }
    if (node.kind !== 'FragmentSpread' && node.selections !== undefined)
      for (const v of selectionVariables(node.selections)) out.add(v);
  }
  found = [...out];
  cache.set(selection, found);
  return found;
}
