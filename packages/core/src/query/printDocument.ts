/**
 * The few GraphQL document parts the store builds (one operation with variables, fields with
 * aliases and variable arguments, inline fragments, named fragments) and their printer, so core
 * needs no graphql-js at run time. Plain records, not graphql-js's AST (no Name or Variable
 * nodes): `printDocument` prints what graphql-js's `print` prints for the same document, which
 * its test checks; tests validate every document against the schema.
 */

/** `alias: name(arg: $variable, …) { … }`: every value the store sends travels as a variable. */
export interface FieldNode {
  readonly kind: 'Field';
  readonly alias?: string | undefined;
  readonly name: string;
  readonly args?: readonly ArgumentNode[];
  readonly selections?: SelectionSetNode | undefined;
}

/** `name: $variable` (the variable's name without `$`). */
export interface ArgumentNode {
  readonly name: string;
  readonly variable: string;
}

/** `... on Type { … }`. */
export interface InlineFragmentNode {
  readonly kind: 'InlineFragment';
  readonly on: string;
  readonly selections: SelectionSetNode;
}

/** `...Name`. */
export interface FragmentSpreadNode {
  readonly kind: 'FragmentSpread';
  readonly name: string;
}

export type SelectionNode = FieldNode | InlineFragmentNode | FragmentSpreadNode;

/** What goes between braces, in order. */
export type SelectionSetNode = readonly SelectionNode[];

/** `$name: Type`, the type printed (`ID!`, `[ID!]`, `FindFilterType`) from the schema model. */
export interface VariableDefinitionNode {
  readonly name: string;
  readonly type: string;
}

/** `fragment Name on Type { … }`. */
export interface FragmentDefinitionNode {
  readonly name: string;
  readonly on: string;
  readonly selections: SelectionSetNode;
}

export interface OperationNode {
  readonly operation: 'query' | 'mutation';
  readonly name: string;
  readonly variables: readonly VariableDefinitionNode[];
  readonly selections: SelectionSetNode;
  /** Printed after the operation, in order. */
  readonly fragments?: readonly FragmentDefinitionNode[];
}

// graphql-js puts the arguments of a field on their own lines past this width.
const MAX_LINE_LENGTH = 80;

/** The document as graphql-js's `print` writes it. */
export function printDocument(node: OperationNode): string {
  const vars = node.variables.map((v) => `$${v.name}: ${v.type}`);
  const head = `${node.operation} ${node.name}${vars.length > 0 ? `(${vars.join(', ')})` : ''}`;
  return [
    `${head} ${block(node.selections, '')}`,
    ...(node.fragments ?? []).map((f) => `fragment ${f.name} on ${f.on} ${block(f.selections, '')}`),
  ].join('\n\n');
}

function block(set: SelectionSetNode, indent: string): string {
  if (set.length === 0) return '';
  const inner = indent + '  ';
  const lines = set.map((s) => inner + printSelection(s, inner));
  return `{\n${lines.join('\n')}\n${indent}}`;
}

function printSelection(node: SelectionNode, indent: string): string {
  if (node.kind === 'FragmentSpread') return `...${node.name}`;
  if (node.kind === 'InlineFragment') return `... on ${node.on} ${block(node.selections, indent)}`;
  const prefix = (node.alias === undefined ? '' : `${node.alias}: `) + node.name;
  const args = (node.args ?? []).map((a) => `${a.name}: $${a.variable}`);
  let line = prefix;
  if (args.length > 0) {
    line = `${prefix}(${args.join(', ')})`;
    if (line.length > MAX_LINE_LENGTH) {
      const argIndent = indent + '  ';
      line = `${prefix}(\n${args.map((a) => argIndent + a).join('\n')}\n${indent})`;
    }
  }
  const sub = node.selections === undefined ? '' : block(node.selections, indent);
  return sub === '' ? line : `${line} ${sub}`;
}
