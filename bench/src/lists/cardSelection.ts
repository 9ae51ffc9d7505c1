import { parse, type DocumentNode, type FragmentDefinitionNode } from 'graphql';
import { selectionSpecs, type SelectionField } from '../fixtures/sceneSelection';

/** What a scene card shows (the stock UI's SceneCard, trimmed): the observers' selection. */
export const SCENE_CARD_FRAGMENT = /* GraphQL */ `
  fragment SceneCard on Scene {
    __typename
    id
    title
    date
    rating100
    paths {
      __typename
      screenshot
    }
    studio {
      __typename
      id
      name
    }
    performers {
      __typename
      id
      name
    }
    tags {
      __typename
      id
      name
    }
  }
`;

export const sceneCardDocument: DocumentNode = parse(SCENE_CARD_FRAGMENT);

function tree(set: FragmentDefinitionNode['selectionSet']): SelectionField[] {
  return set.selections.map((s) => {
    if (s.kind !== 'Field') throw new Error('bench: fields only');
    return { name: s.name.value, children: s.selectionSet === undefined ? undefined : tree(s.selectionSet) };
  });
}

export const CARD_SELECTION: readonly SelectionField[] = tree(
  (sceneCardDocument.definitions[0] as FragmentDefinitionNode).selectionSet,
);
export const CARD_SPECS: readonly string[] = selectionSpecs(CARD_SELECTION);
