import { describe, expect, it } from 'vitest';
import { parse, print } from 'graphql';
import { Kind, name, printDocument, type DocumentNode, type FieldNode } from '../src/query/printDocument';

const v = (arg: string, variable: string) =>
  ({ kind: Kind.ARGUMENT, name: name(arg), value: { kind: Kind.VARIABLE, name: name(variable) } }) as const;
const f = (n: string, extra: Partial<FieldNode> = {}): FieldNode => ({
  kind: Kind.FIELD,
  name: name(n),
  ...extra,
});

describe('printDocument', () => {
  it('prints what graphql-js prints: variables, aliases, long argument lists, inline and named fragments', () => {
    const doc: DocumentNode = {
      kind: Kind.DOCUMENT,
      definitions: [
        {
          kind: Kind.OPERATION_DEFINITION,
          operation: 'query',
          name: name('Q'),
          variableDefinitions: [
            {
              kind: Kind.VARIABLE_DEFINITION,
              variable: { kind: Kind.VARIABLE, name: name('r0_id') },
              type: 'ID!',
            },
            {
              kind: Kind.VARIABLE_DEFINITION,
              variable: { kind: Kind.VARIABLE, name: name('a') },
              type: '[ID!]',
            },
          ],
          selectionSet: {
            kind: Kind.SELECTION_SET,
            selections: [
              f('findScene', {
                alias: name('r0'),
                arguments: [v('id', 'r0_id')],
                selectionSet: {
                  kind: Kind.SELECTION_SET,
                  selections: [{ kind: Kind.FRAGMENT_SPREAD, name: name('Scene_0') }],
                },
              }),
              f('findScenes', {
                alias: name('r1'),
                arguments: [
                  v('scene_filter', 'r1_scene_filter_with_a_long_name'),
                  v('filter', 'r1_filter_with_a_long_name'),
                  v('ids', 'a'),
                ],
                selectionSet: {
                  kind: Kind.SELECTION_SET,
                  selections: [
                    f('count'),
                    {
                      kind: Kind.INLINE_FRAGMENT,
                      typeCondition: { kind: Kind.NAMED_TYPE, name: name('FindScenesResultType') },
                      selectionSet: { kind: Kind.SELECTION_SET, selections: [f('duration')] },
                    },
                  ],
                },
              }),
            ],
          },
        },
        {
          kind: Kind.FRAGMENT_DEFINITION,
          name: name('Scene_0'),
          typeCondition: { kind: Kind.NAMED_TYPE, name: name('Scene') },
          selectionSet: { kind: Kind.SELECTION_SET, selections: [f('__typename'), f('id')] },
        },
      ],
    };
    const text = printDocument(doc);
    expect(text).toBe(print(parse(text)));
    expect(text).toContain('r1: findScenes(\n    scene_filter: $r1_scene_filter_with_a_long_name');
  });
});
