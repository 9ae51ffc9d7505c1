import { apollo } from '../apolloModule';
import { findScenesDocument } from '../fixtures/findScenesQuery';
import { STASH_POSSIBLE_TYPES } from '../core/apolloSubject';
import { renderCounter, type ReactSetup, type ReactSubject } from './reactSubject';

const { ApolloClient, ApolloLink, ApolloProvider, InMemoryCache, gql, useFragment } = apollo;

const SCENE_TITLE = gql`
  fragment BenchSceneTitle on Scene {
    id
    title
  }
`;

/** Apollo Client 3.14's `useFragment` over an `InMemoryCache` holding the page (as Stash's UI). */
export const apolloReactSubject: ReactSubject = {
  name: 'apollo useFragment',
  setup(page, variables): ReactSetup {
    const cache = new InMemoryCache({ possibleTypes: STASH_POSSIBLE_TYPES });
    cache.writeQuery({ query: findScenesDocument, variables, data: page });
    const client = new ApolloClient({ cache, link: ApolloLink.empty() });

    function Item({ id }: { id: string }) {
      const { data } = useFragment<{ title: string }>({
        fragment: SCENE_TITLE,
        from: { __typename: 'Scene', id },
      });
      renderCounter.count++;
      return <li>{data.title}</li>;
    }

    return {
      Provider: ({ children }) => <ApolloProvider client={client}>{children}</ApolloProvider>,
      Item,
      update(id, title) {
        cache.writeFragment({
          id: `Scene:${id}`,
          fragment: SCENE_TITLE,
          data: { __typename: 'Scene', id, title },
        });
      },
    };
  },
};
