import { describe, expect, it } from 'vitest';
import { parse, print } from 'graphql';
import { printDocument, type FieldNode, type OperationNode } from '../src/query/printDocument';

const v = (name: string, variable: string) => ({ name, variable });
const f = (name: string, extra: Partial<FieldNode> = {}): FieldNode => ({ kind: 'Field', name, ...extra });

describe('printDocument', () => {
  it('prints what graphql-js prints: variables, aliases, long argument lists, inline and named fragments', () => {
    const doc: OperationNode = {
      operation: 'query',
      name: 'Q',
      variables: [
        { name: 'r0_id', type: 'ID!' },
        { name: 'a', type: '[ID!]' },
      ],
      selections: [
        f('findScene', {
          alias: 'r0',
          args: [v('id', 'r0_id')],
          selections: [{ kind: 'FragmentSpread', name: 'Scene_0' }],
        }),
        f('findScenes', {
          alias: 'r1',
          args: [
            v('scene_filter', 'r1_scene_filter_with_a_long_name'),
            v('filter', 'r1_filter_with_a_long_name'),
            v('ids', 'a'),
          ],
          selections: [
            f('count'),
            { kind: 'InlineFragment', on: 'FindScenesResultType', selections: [f('duration')] },
          ],
        }),
      ],
      fragments: [{ name: 'Scene_0', on: 'Scene', selections: [f('__typename'), f('id')] }],
    };
    const text = printDocument(doc);
    expect(text).toBe(print(parse(text)));
    expect(text).toContain('r1: findScenes(\n    scene_filter: $r1_scene_filter_with_a_long_name');
    expect(text).toContain('fragment Scene_0 on Scene {\n  __typename\n  id\n}');
    expect(printDocument({ operation: 'mutation', name: 'M', variables: [], selections: [f('x')] })).toBe(
      print(parse('mutation M { x }')),
    );
  });
});
