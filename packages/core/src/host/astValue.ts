/**
 * The JavaScript value of a GraphQL argument literal (an AST `ValueNode`), with variables filled in:
 * the bridge reads the ids of the host's mutations without graphql-js at run time (a plugin bundle
 * must not carry it; the host's documents are plain objects).
 */
import type { ValueNode } from 'graphql';

export function astValue(node: ValueNode, variables: Readonly<Record<string, unknown>> | undefined): unknown {
  switch (node.kind) {
    case 'Variable':
      return variables?.[node.name.value];
    case 'IntValue':
      return Number.parseInt(node.value, 10);
    case 'FloatValue':
      return Number.parseFloat(node.value);
    case 'StringValue':
    case 'EnumValue':
      return node.value;
    case 'BooleanValue':
      return node.value;
    case 'NullValue':
      return null;
    case 'ListValue':
      return node.values.map((v) => astValue(v, variables));
    case 'ObjectValue':
      return Object.fromEntries(node.fields.map((f) => [f.name.value, astValue(f.value, variables)]));
    default:
      return undefined;
  }
}
