// A panel's mounted hooks and the host page's Apollo cache (real @apollo/client 3.14, the Stash
// UI's), both on the mock over HTTP: a host mutation shows in useEntity after one refetch, and a
// save through useSave shows in a host query without one.
import { ApolloClient, gql, HttpLink, InMemoryCache } from '@apollo/client/core';
import * as Apollo from '@apollo/client/core';
import { connectHostCache } from '@stashkit/core/host';
import { describe, expect, it } from 'vitest';
import { useEntity, useSave } from '../src/index';
import { act, React, newStore, renderWith, setupTestStash, waitFor } from './helpers';

// Apollo 3.14 warns about its own internal options in development; not ours to fix.
(globalThis as Record<symbol, unknown>)[Symbol.for('apollo.deprecations')] = true;

const stash = setupTestStash(20);
const hostClient = () =>
  new ApolloClient({ link: new HttpLink({ uri: stash().url }), cache: new InMemoryCache() });
const sceneReads = () =>
  stash().requests.filter(
    (r) => !r.query.trimStart().startsWith('mutation') && r.query.includes('findScene'),
  );

describe('host Apollo cache and panel hooks', () => {
  it('a host sceneUpdate shows in a mounted useEntity after exactly one refetch', async () => {
    const store = newStore(stash());
    const client = hostClient();
    const bridge = connectHostCache(store, { client, apollo: Apollo });
    function Title() {
      const { data } = useEntity('Scene', '2', { fields: ['title'] });
      return <p>{data?.title ?? '…'}</p>;
    }
    const view = renderWith(store, <Title />);
    await waitFor(() => expect(view.container.textContent).not.toBe('…'));
    const before = sceneReads().length;
    await act(async () => {
      await client.mutate({
        mutation: gql`
          mutation SceneUpdate($input: SceneUpdateInput!) {
            sceneUpdate(input: $input) {
              id
              title
            }
          }
        `,
        variables: { input: { id: '2', title: 'Edited in Stash' } },
      });
    });
    await waitFor(() => expect(view.container.textContent).toBe('Edited in Stash'));
    await act(() => new Promise((resolve) => setImmediate(resolve)));
    expect(sceneReads().length - before).toBe(1);
    bridge.dispose();
  });

  it('a useSave in the panel updates a host query without a host refetch', async () => {
    const store = newStore(stash());
    const client = hostClient();
    const bridge = connectHostCache(store, { client, apollo: Apollo });
    const query = gql`
      query FindScene($id: ID!) {
        findScene(id: $id) {
          id
          title
        }
      }
    `;
    const titles: string[] = [];
    const sub = client
      .watchQuery({ query, variables: { id: '3' } })
      .subscribe(({ data }) => titles.push(data.findScene.title));
    await waitFor(() => expect(titles.length).toBeGreaterThan(0));
    let save!: ReturnType<typeof useSave>['save'];
    function Editor() {
      const { data } = useEntity('Scene', '3', { fields: ['title'] });
      save = useSave().save;
      return <p>{data?.title ?? '…'}</p>;
    }
    const view = renderWith(store, <Editor />);
    await waitFor(() => expect(view.container.textContent).not.toBe('…'));
    await act(async () => {
      const draft = store.edit(store.peek('Scene', '3')!);
      draft.title = 'Saved in the panel';
      await save(draft);
    });
    await waitFor(() => expect(titles.at(-1)).toBe('Saved in the panel'));
    expect(stash().requests.filter((r) => r.operationName === 'FindScene')).toHaveLength(1);
    sub.unsubscribe();
    bridge.dispose();
  });
});

void React;
