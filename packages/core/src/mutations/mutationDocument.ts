/**
 * Mutation documents built as document parts and printed (`printDocument`): every argument is a variable
 * (`sceneUpdate(input: $m0_input)`), so an input leaves untouched keys out of the JSON instead of
 * writing literals (an inline literal referring to an unset variable would clear the field in
 * Stash). Several calls become aliased root fields of one document (`m0: tagCreate(...)`).
 */
import { declareFieldVariables, variableArgument } from '../batch/documentBuilder';
import {
  printDocument,
  type FieldNode,
  type SelectionSetNode,
  type VariableDefinitionNode,
} from '../query/printDocument';

export interface MutationCall {
  /** Root mutation field (`sceneUpdate`). */
  readonly field: string;
  /** Arguments with their printed GraphQL types; `undefined` values are not sent. */
  readonly args: readonly { readonly name: string; readonly type: string; readonly value: unknown }[];
  /** Selection of an object result; absent for scalar results. */
  readonly selection?: SelectionSetNode;
}

export interface BuiltMutation {
  readonly query: string;
  readonly variables: Record<string, unknown>;
  /** Response key of each call, in order. */
  readonly aliases: readonly string[];
}

export function buildMutation(operationName: string, calls: readonly MutationCall[]): BuiltMutation {
  const variables: Record<string, unknown> = {};
  const definitions: VariableDefinitionNode[] = [];
  const aliases: string[] = [];
  const fields: FieldNode[] = calls.map((call, i) => {
    const alias = 'm' + i;
    aliases.push(alias);
    const args = call.args
      .filter((a) => a.value !== undefined)
      .map((a) => variableArgument(alias, a, variables, definitions));
    return { kind: 'Field', alias, name: call.field, args, selections: call.selection };
  });
  declareFieldVariables(
    calls.map((c) => c.selection),
    variables,
    definitions,
  );
  const query = printDocument({
    operation: 'mutation',
    name: operationName,
    variables: definitions,
    selections: fields,
  });
  return { query, variables, aliases };
}

/** A selection of plain fields (`count history`). */
export function plainSelection(fields: readonly string[]): SelectionSetNode {
  return fields.map((f) => ({ kind: 'Field', name: f }));
}
