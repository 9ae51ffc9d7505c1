// The bridge's argument reader agrees with graphql-js's valueFromASTUntyped on every literal kind.
import { parse, valueFromASTUntyped, type FieldNode, type OperationDefinitionNode } from 'graphql';
import { expect, it } from 'vitest';
import { astValue } from '../src/host/astValue';

it('reads every literal kind and fills in variables as graphql-js does', () => {
  const doc = parse(
    'mutation ($id: ID!, $ids: [ID!]) { f(a: 1, b: -2.5, c: "s", d: true, e: null, g: ENUM_V, h: [1, $id], i: { id: $id, ids: $ids, n: { x: [] } }, j: $missing) }',
  );
  const field = (doc.definitions[0] as OperationDefinitionNode).selectionSet.selections[0] as FieldNode;
  const variables = { id: '12', ids: ['3', '4'] };
  for (const arg of field.arguments ?? []) {
    expect(astValue(arg.value, variables), arg.name.value).toEqual(valueFromASTUntyped(arg.value, variables));
  }
  expect(astValue(field.arguments![7].value, variables)).toEqual({ id: '12', ids: ['3', '4'], n: { x: [] } });
});
