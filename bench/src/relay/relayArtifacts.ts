import {
  Kind,
  parse,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { realStashSchema } from '@stashkit/testkit';

/**
 * Relay's runtime reads and normalizes through compiled artifacts (what relay-compiler emits for
 * each `graphql` tag). The benchmark builds the same plain artifact objects from our documents and
 * the Stash schema at start-up, so no compiler step or generated files are needed. Fragment spreads
 * are inlined (no masking): a read returns every selected field, as stashkit's and Apollo's do.
 */
type Node = Record<string, unknown>;

function namedType(schema: GraphQLSchema, printed: string): { type: GraphQLNamedType; plural: boolean } {
  const name = printed.replace(/[[\]!]/g, '');
  const type = schema.getType(name);
  if (type === undefined || type === null) throw new Error(`bench: unknown type ${name}`);
  return { type, plural: printed.includes('[') };
}

// Kinds by constructor name: the schema may come from another copy of graphql-js than this file's.
const isComposite = (t: GraphQLNamedType) => 'getFields' in t || t.constructor.name === 'GraphQLUnionType';
const isAbstract = (t: GraphQLNamedType) => t.constructor.name !== 'GraphQLObjectType';

function selections(
  schema: GraphQLSchema,
  set: SelectionSetNode,
  parent: GraphQLNamedType,
  fragments: Map<string, FragmentDefinitionNode>,
): Node[] {
  const out: Node[] = [];
  for (const s of set.selections) {
    if (s.kind === Kind.FRAGMENT_SPREAD) {
      out.push(...selections(schema, fragments.get(s.name.value)!.selectionSet, parent, fragments));
      continue;
    }
    if (s.kind !== Kind.FIELD) throw new Error('bench: inline fragments are not used here');
    out.push(field(schema, s, parent, fragments));
  }
  return out;
}

function field(
  schema: GraphQLSchema,
  node: FieldNode,
  parent: GraphQLNamedType,
  fragments: Map<string, FragmentDefinitionNode>,
): Node {
  const name = node.name.value;
  const args =
    node.arguments === undefined || node.arguments.length === 0
      ? null
      : node.arguments.map((a) => {
          if (a.value.kind !== Kind.VARIABLE) throw new Error('bench: only variable arguments here');
          return { kind: 'Variable', name: a.name.value, variableName: a.value.name.value };
        });
  if (name === '__typename' || node.selectionSet === undefined) {
    return { kind: 'ScalarField', alias: null, name, args, storageKey: null };
  }
  const def = (
    parent as unknown as { getFields(): Record<string, GraphQLField<unknown, unknown>> }
  ).getFields()[name];
  if (def === undefined) throw new Error(`bench: ${parent.name} has no field ${name}`);
  const { type, plural } = namedType(schema, String(def.type));
  if (!isComposite(type)) throw new Error(`bench: ${name} selects into a leaf`);
  return {
    kind: 'LinkedField',
    alias: null,
    name,
    args,
    storageKey: null,
    concreteType: isAbstract(type) ? null : type.name,
    plural,
    selections: selections(schema, node.selectionSet, type, fragments),
  };
}

function fragmentsOf(doc: DocumentNode): Map<string, FragmentDefinitionNode> {
  const map = new Map<string, FragmentDefinitionNode>();
  for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) map.set(d.name.value, d);
  return map;
}

/** A ConcreteRequest (reader fragment + normalization operation) for a query document's operation. */
export function relayRequest(query: string): Node {
  const schema = realStashSchema();
  const doc = parse(query);
  const fragments = fragmentsOf(doc);
  const op = doc.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
  const name = op.name!.value;
  const argumentDefinitions = (op.variableDefinitions ?? []).map((v) => ({
    kind: 'LocalArgument',
    name: v.variable.name.value,
    defaultValue: null,
  }));
  const queryType = schema.getQueryType()!;
  const sel = selections(schema, op.selectionSet, queryType, fragments);
  return {
    kind: 'Request',
    fragment: { kind: 'Fragment', name, type: 'Query', metadata: null, argumentDefinitions, selections: sel },
    operation: { kind: 'Operation', name, argumentDefinitions, selections: sel },
    params: { id: null, cacheID: name, metadata: {}, name, operationKind: 'query', text: query },
  };
}

/** A ReaderFragment for a fragment document (its first fragment; later ones may be spread in it). */
export function relayFragment(text: string): Node {
  const schema = realStashSchema();
  const doc = parse(text);
  const fragments = fragmentsOf(doc);
  const first = doc.definitions[0] as FragmentDefinitionNode;
  const type = schema.getType(first.typeCondition.name.value)!;
  return {
    kind: 'Fragment',
    name: first.name.value,
    type: type.name,
    metadata: null,
    argumentDefinitions: [],
    selections: selections(schema, first.selectionSet, type, fragments),
  };
}
