/**
 * Root ops to one printed query: aliases `r0…`, one variable per argument (`$r0_id`), and one
 * named fragment per distinct entity selection so repeated selections are printed once.
 */
import {
  printDocument,
  type ArgumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type VariableDefinitionNode,
} from '../query/printDocument';
import { selectionVariables, type FieldVariable } from '../query/fieldVariables';
import type { RootOp } from './rootOp';

export interface BuiltDocument {
  query: string;
  variables: Record<string, unknown>;
  /** Alias of each op, in op order. */
  aliases: string[];
}

/** `name: $<alias>_<name>`: the argument as a variable, with its value and definition recorded. */
export function variableArgument(
  alias: string,
  arg: { readonly name: string; readonly type: string; readonly value: unknown },
  variables: Record<string, unknown>,
  definitions: VariableDefinitionNode[],
): ArgumentNode {
  const variable = alias + '_' + arg.name;
  variables[variable] = arg.value;
  definitions.push({ name: variable, type: arg.type });
  return { name: arg.name, variable };
}

/** Declares the field-argument variables `selections` use (each once per document). */
export function declareFieldVariables(
  selections: Iterable<SelectionSetNode | undefined>,
  variables: Record<string, unknown>,
  definitions: VariableDefinitionNode[],
): void {
  const seen = new Set<FieldVariable>();
  for (const selection of selections) {
    if (selection === undefined) continue;
    for (const v of selectionVariables(selection)) {
      if (seen.has(v)) continue;
      seen.add(v);
      variables[v.name] = v.value;
      definitions.push({ name: v.name, type: v.type });
    }
  }
}

export function buildDocument(ops: readonly RootOp[], operationName: string): BuiltDocument {
  const variables: Record<string, unknown> = {};
  const variableDefinitions: VariableDefinitionNode[] = [];
  const fragments = new Map<string, FragmentDefinitionNode>();
  const selections: FieldNode[] = [];
  const aliases: string[] = [];
  ops.forEach((op, i) => {
    const alias = 'r' + i;
    aliases.push(alias);
    const args = op.args.map((arg) => variableArgument(alias, arg, variables, variableDefinitions));
    let selectionSet = op.selection;
    if (op.fragment !== undefined) {
      let fragment = fragments.get(op.fragment.key);
      if (fragment === undefined) {
        fragment = {
          name: op.fragment.on + '_' + fragments.size,
          on: op.fragment.on,
          selections: op.selection,
        };
        fragments.set(op.fragment.key, fragment);
      }
      selectionSet = [{ kind: 'FragmentSpread', name: fragment.name }];
    }
    selections.push({ kind: 'Field', alias, name: op.field, args, selections: selectionSet });
  });
  declareFieldVariables(
    ops.map((op) => op.selection),
    variables,
    variableDefinitions,
  );
  const query = printDocument({
    operation: 'query',
    name: operationName,
    variables: variableDefinitions,
    selections,
    fragments: [...fragments.values()],
  });
  return { query, variables, aliases };
}
