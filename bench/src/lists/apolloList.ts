import { apollo } from '../apolloModule';
import { STASH_POSSIBLE_TYPES } from '../core/apolloSubject';
import { findScenesDocument } from '../fixtures/findScenesQuery';
import { walkPlain } from '../fixtures/sceneSelection';
import { sceneCardDocument } from './cardSelection';
import type { ListSubject } from './listSubject';

const studioNameFragment = apollo.gql`
  fragment StudioName on Studio {
    __typename
    id
    name
  }
`;

interface FindScenesRead {
  findScenes: { scenes: unknown[] };
}

/** Apollo Client 3's InMemoryCache: `readQuery` of each page, cards as `watchFragment` (what `useFragment` uses). */
export const apolloList: ListSubject = {
  name: 'apollo',
  observes: true,
  create(fixtures) {
    const cache = new apollo.InMemoryCache({ possibleTypes: STASH_POSSIBLE_TYPES });
    for (const page of ['small', 'large'] as const) {
      cache.writeQuery({
        query: findScenesDocument,
        variables: fixtures.variables[page],
        data: fixtures[page],
      });
    }
    const subscriptions: { unsubscribe(): void }[] = [];
    return {
      readPath: 'readQuery (result cache: a repeated read returns the memoized tree)',
      readList(page, fields) {
        const data = cache.readQuery<FindScenesRead>({
          query: findScenesDocument,
          variables: fixtures.variables[page],
        })!;
        const scenes = data.findScenes.scenes;
        let n = 0;
        for (let i = 0; i < scenes.length; i++) n += walkPlain(scenes[i], fields);
        return n;
      },
      mount(id, render) {
        const observable = cache.watchFragment({ fragment: sceneCardDocument, from: `Scene:${id}` });
        subscriptions.push(observable.subscribe({ next: (result) => render(result.data) }));
      },
      unmountAll() {
        for (const s of subscriptions.splice(0)) s.unsubscribe();
      },
      renameStudio(id, name) {
        cache.writeFragment({
          id: `Studio:${id}`,
          fragment: studioNameFragment,
          data: { __typename: 'Studio', id, name },
        });
      },
    };
  },
};
