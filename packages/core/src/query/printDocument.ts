/**
 * The few GraphQL document nodes the store builds (operations with variables, fields with aliases
 * and variable arguments, inline fragments, named fragments) and their printer, so core needs no
 * graphql-js at run time. Node shapes follow graphql-js's (same `kind` strings), and `printDocument`
 * prints what graphql-js's `print` prints for them; tests validate every document against the schema.
 */

export const Kind = {
  NAME: 'Name',
  DOCUMENT: 'Document',
  OPERATION_DEFINITION: 'OperationDefinition',
  VARIABLE_DEFINITION: 'VariableDefinition',
  SELECTION_SET: 'SelectionSet',
  FIELD: 'Field',
  ARGUMENT: 'Argument',
  FRAGMENT_SPREAD: 'FragmentSpread',
  INLINE_FRAGMENT: 'InlineFragment',
  FRAGMENT_DEFINITION: 'FragmentDefinition',
  VARIABLE: 'Variable',
  NAMED_TYPE: 'NamedType',
} as const;

export interface NameNode {
  readonly kind: 'Name';
  readonly value: string;
}

export interface VariableNode {
  readonly kind: 'Variable';
  readonly name: NameNode;
}

export interface ArgumentNode {
  readonly kind: 'Argument';
  readonly name: NameNode;
  /** Every value the store sends travels as a variable. */
  readonly value: VariableNode;
}

export interface FieldNode {
  readonly kind: 'Field';
  readonly alias?: NameNode | undefined;
  readonly name: NameNode;
  readonly arguments?: readonly ArgumentNode[];
  readonly selectionSet?: SelectionSetNode | undefined;
}

export interface NamedTypeNode {
  readonly kind: 'NamedType';
  readonly name: NameNode;
}

export interface InlineFragmentNode {
  readonly kind: 'InlineFragment';
  readonly typeCondition: NamedTypeNode;
  readonly selectionSet: SelectionSetNode;
}

export interface FragmentSpreadNode {
  readonly kind: 'FragmentSpread';
  readonly name: NameNode;
}

export type SelectionNode = FieldNode | InlineFragmentNode | FragmentSpreadNode;

export interface SelectionSetNode {
  readonly kind: 'SelectionSet';
  readonly selections: readonly SelectionNode[];
}

export interface VariableDefinitionNode {
  readonly kind: 'VariableDefinition';
  readonly variable: VariableNode;
  /** The printed GraphQL type (`ID!`, `[ID!]`, `FindFilterType`), from the schema model. */
  readonly type: string;
}

export interface OperationDefinitionNode {
  readonly kind: 'OperationDefinition';
  readonly operation: 'query' | 'mutation';
  readonly name: NameNode;
  readonly variableDefinitions: readonly VariableDefinitionNode[];
  readonly selectionSet: SelectionSetNode;
}

export interface FragmentDefinitionNode {
  readonly kind: 'FragmentDefinition';
  readonly name: NameNode;
  readonly typeCondition: NamedTypeNode;
  readonly selectionSet: SelectionSetNode;
}

export type DefinitionNode = OperationDefinitionNode | FragmentDefinitionNode;

export interface DocumentNode {
  readonly kind: 'Document';
  readonly definitions: readonly DefinitionNode[];
}

export function name(value: string): NameNode {
  return { kind: 'Name', value };
}

// graphql-js puts the arguments of a field on their own lines past this width.
const MAX_LINE_LENGTH = 80;

/** The document as graphql-js's `print` writes it. */
export function printDocument(document: DocumentNode): string {
  return document.definitions.map(printDefinition).join('\n\n');
}

function printDefinition(node: DefinitionNode): string {
  if (node.kind === 'FragmentDefinition') {
    return `fragment ${node.name.value} on ${node.typeCondition.name.value} ${block(node.selectionSet, '')}`;
  }
  const vars = node.variableDefinitions.map((v) => `$${v.variable.name.value}: ${v.type}`);
  const head = `${node.operation} ${node.name.value}${vars.length > 0 ? `(${vars.join(', ')})` : ''}`;
  return `${head} ${block(node.selectionSet, '')}`;
}

function block(set: SelectionSetNode, indent: string): string {
  if (set.selections.length === 0) return '';
  const inner = indent + '  ';
  const lines = set.selections.map((s) => inner + printSelection(s, inner));
  return `{\n${lines.join('\n')}\n${indent}}`;
}

function printSelection(node: SelectionNode, indent: string): string {
  switch (node.kind) {
    case 'FragmentSpread':
      return `...${node.name.value}`;
    case 'InlineFragment':
      return `... on ${node.typeCondition.name.value} ${block(node.selectionSet, indent)}`;
    case 'Field': {
      const prefix = (node.alias === undefined ? '' : `${node.alias.value}: `) + node.name.value;
      const args = (node.arguments ?? []).map((a) => `${a.name.value}: $${a.value.name.value}`);
      let line = prefix;
      if (args.length > 0) {
        line = `${prefix}(${args.join(', ')})`;
        if (line.length > MAX_LINE_LENGTH) {
          const argIndent = indent + '  ';
          line = `${prefix}(\n${args.map((a) => argIndent + a).join('\n')}\n${indent})`;
        }
      }
      const sub = node.selectionSet === undefined ? '' : block(node.selectionSet, indent);
      return sub === '' ? line : `${line} ${sub}`;
    }
  }
}
