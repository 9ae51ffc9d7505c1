// Host-cache coherence: a store and a real Apollo Client 3.14 (the version Stash's UI ships), wired
// like Stash's createClient (type policies, possible types), both against the mock over HTTP.
import {
  ApolloClient,
  ApolloLink,
  gql,
  HttpLink,
  InMemoryCache,
  type FieldReadFunction,
  type NormalizedCacheObject,
  type ObservableQuery,
  type OperationVariables,
} from '@apollo/client/core';
import * as Apollo from '@apollo/client/core';
import { startTestStash, type TestStash } from '@stashkit/testkit';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createStashStore, EntityObserver, FindObserver, type StashEntityStore } from '../src/index';
import { connectHostCache, hostMutationTable, type HostCacheBridge } from '../src/host/index';
import { createStashStore as createReadOnlyStore } from '../src/readOnly';

// Apollo 3.14 warns about its own internal options in development; not ours to fix.
(globalThis as Record<symbol, unknown>)[Symbol.for('apollo.deprecations')] = true;

let stash: TestStash;
beforeAll(async () => {
  stash = await startTestStash({ size: 30 });
});
afterAll(() => stash.close());
beforeEach(() => stash.reset());
const bridges: HostCacheBridge[] = [];
afterEach(() => {
  for (const b of bridges.splice(0)) b.dispose();
});

// Stash's createClient: find<Type> reads fall back to a cached reference; dangling studios read null.
const readReference =
  (typename: string): FieldReadFunction =>
  (existing, { args, canRead, toReference }) =>
    canRead(existing) ? existing : toReference({ __typename: typename, id: args?.id });
const readDanglingNull: FieldReadFunction = (existing, { canRead }) =>
  existing === undefined ? undefined : canRead(existing) ? existing : null;

function hostClient() {
  const query = Object.fromEntries(
    ['Image', 'Performer', 'Studio', 'Group', 'Gallery', 'Scene', 'Tag', 'SavedFilter'].map((t) => [
      `find${t}`,
      { read: readReference(t) },
    ]),
  );
  const cache = new InMemoryCache({
    typePolicies: {
      Query: { fields: query },
      Scene: { fields: { studio: { read: readDanglingNull } } },
      Studio: { fields: { parent_studio: { read: readDanglingNull } } },
    },
    possibleTypes: {
      BaseFile: ['VideoFile', 'ImageFile', 'GalleryFile'],
      VisualFile: ['VideoFile', 'ImageFile'],
    },
  });
  return new ApolloClient({ link: ApolloLink.from([new HttpLink({ uri: stash.url })]), cache });
}

const FIND_SCENE = gql`
  query FindScene($id: ID!) {
    findScene(id: $id) {
      id
      title
      rating100
      studio {
        id
        name
      }
    }
  }
`;
const FIND_TAGS = gql`
  query FindTags($filter: FindFilterType) {
    findTags(filter: $filter) {
      count
      tags {
        id
        name
      }
    }
  }
`;
const FIND_TAG = gql`
  query FindTag($id: ID!) {
    findTag(id: $id) {
      id
      name
    }
  }
`;

/** Watches a host query; `next(check)` resolves with the first result passing `check`. */
function watch<T, V extends OperationVariables>(observable: ObservableQuery<T, V>) {
  let latest: T | undefined;
  const waiting: { check: (d: T) => boolean; resolve: (d: T) => void }[] = [];
  const sub = observable.subscribe(({ data }) => {
    latest = data;
    for (const w of [...waiting]) {
      if (data !== undefined && w.check(data)) {
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve(data);
      }
    }
  });
  return {
    latest: () => latest,
    next: (check: (d: T) => boolean) =>
      latest !== undefined && check(latest)
        ? Promise.resolve(latest)
        : new Promise<T>((resolve) => waiting.push({ check, resolve })),
    stop: () => sub.unsubscribe(),
  };
}

/** Resolves once the observer's result passes `check`. */
function whenResult<R>(
  observer: { getResult(): R; subscribe(l: () => void): () => void },
  check: (r: R) => boolean,
) {
  return new Promise<R>((resolve) => {
    const done = () => {
      queueMicrotask(off);
      resolve(observer.getResult());
    };
    const off = observer.subscribe(() => check(observer.getResult()) && done());
    if (check(observer.getResult())) done();
  });
}

const isMutation = (r: { query: string }) => r.query.trimStart().startsWith('mutation');
const named = (name: string) => stash.requests.filter((r) => r.operationName === name).length;

function setup(): {
  store: StashEntityStore;
  client: ApolloClient<NormalizedCacheObject>;
  bridge: HostCacheBridge;
} {
  const store = createStashStore({ url: stash.url, retry: false });
  const client = hostClient();
  const bridge = connectHostCache(store, { client, apollo: Apollo });
  bridges.push(bridge);
  return { store, client, bridge };
}

describe('store -> host Apollo cache', () => {
  it('store.subscribeCommits tells each confirmed or uncertain mutation, after its cache effects', async () => {
    const store = createStashStore({ url: stash.url, retry: false });
    const seen: unknown[] = [];
    store.subscribeCommits((c) =>
      seen.push({ ...c, rule: undefined, stale: !store.hasFields(store.peek('Tag', '1')!, 'scene_count') }),
    );
    await store.get('Tag', '1', { fields: ['scene_count'] });
    const draft = store.edit((await store.get('Scene', '2', { fields: ['title'] }))!);
    draft.title = 'c';
    draft.addO();
    await store.save(draft);
    const tag = await store.save(store.create('Tag', { name: 'zqx commit' }));
    stash.faults.next({ status: 502 });
    await store.delete(tag).catch(() => undefined);
    await store.delete(tag);
    expect(seen).toEqual([
      {
        kind: 'update',
        typename: 'Scene',
        id: '2',
        mutation: 'sceneUpdate',
        fields: ['title'],
        uncertain: false,
        rule: undefined,
        stale: true,
      },
      {
        kind: 'side',
        typename: 'Scene',
        id: '2',
        mutation: 'sceneAddO',
        fields: expect.arrayContaining(['o_counter']),
        uncertain: false,
        rule: undefined,
        stale: true,
      },
      {
        kind: 'create',
        typename: 'Tag',
        id: tag.id,
        mutation: 'tagCreate',
        fields: ['name'],
        uncertain: false,
        rule: undefined,
        stale: true,
      },
      {
        kind: 'delete',
        typename: 'Tag',
        id: tag.id,
        mutation: 'tagDestroy',
        fields: null,
        uncertain: true,
        rule: undefined,
        stale: true,
      },
      {
        kind: 'delete',
        typename: 'Tag',
        id: tag.id,
        mutation: 'tagDestroy',
        fields: null,
        uncertain: false,
        rule: undefined,
        stale: true,
      },
    ]);
  });

  it('a stashkit save shows in a host query at once (scalars written), without a host refetch', async () => {
    const { store, client } = setup();
    const host = watch(client.watchQuery({ query: FIND_SCENE, variables: { id: '3' } }));
    await host.next((d: any) => d.findScene.id === '3');
    const draft = store.edit((await store.get('Scene', '3', { fields: ['title'] }))!);
    draft.title = 'Saved in the panel';
    await store.save(draft);
    const shown: any = await host.next((d: any) => d.findScene.title === 'Saved in the panel');
    expect(shown.findScene.rating100).toBe((host.latest() as any).findScene.rating100);
    expect(named('FindScene')).toBe(1);
    host.stop();
  });

  it('a changed link is evicted: the host query refetches it once and shows the server value', async () => {
    const { store, client } = setup();
    const host = watch(client.watchQuery({ query: FIND_SCENE, variables: { id: '4' } }));
    const before: any = await host.next((d: any) => d.findScene.id === '4');
    const studio = (await store.find('Studio', undefined, { fields: ['name'], sort: 'id' })).find(
      (s) => s.id !== before.findScene.studio?.id,
    )!;
    const draft = store.edit((await store.get('Scene', '4', { fields: ['studio.name'] }))!);
    draft.studio = studio;
    await store.save(draft);
    const shown: any = await host.next((d: any) => d.findScene.studio?.id === studio.id);
    expect(shown.findScene.studio.name).toBe(studio.name);
    expect(named('FindScene')).toBe(2);
    host.stop();
  });

  it('a stashkit create refetches host lists of the type once; a delete empties the host single query', async () => {
    const { store, client } = setup();
    const list = watch(
      client.watchQuery({ query: FIND_TAGS, variables: { filter: { per_page: 5, sort: 'id' } } }),
    );
    const first: any = await list.next((d: any) => d.findTags.count > 0);
    const created = await store.save(store.create('Tag', { name: 'zqx host' }));
    await list.next((d: any) => d.findTags.count === first.findTags.count + 1);
    expect(named('FindTags')).toBe(2);

    const one = watch(client.watchQuery({ query: FIND_TAG, variables: { id: created.id } }));
    await one.next((d: any) => d.findTag?.name === 'zqx host');
    await store.delete(created);
    await one.next((d: any) => d.findTag === null);
    await list.next((d: any) => d.findTags.count === first.findTags.count);
    expect(named('FindTag')).toBe(2);
    list.stop();
    one.stop();
  });

  it("evicts the rule's counters on other cached objects (a scene save drops Tag.scene_count)", async () => {
    const { store, client } = setup();
    await client.query({
      query: gql`
        query TagCount {
          findTag(id: "1") {
            id
            scene_count
          }
        }
      `,
    });
    expect(client.cache.extract()['Tag:1']).toHaveProperty('scene_count');
    const draft = store.edit((await store.get('Scene', '5', { fields: ['title'] }))!);
    draft.title = 'x';
    await store.save(draft);
    expect(client.cache.extract()['Tag:1']).not.toHaveProperty('scene_count');
  });
});

describe('host Apollo mutations -> store', () => {
  it('a host sceneUpdate makes a mounted entity observer show the new value after one refetch', async () => {
    const { store, client, bridge } = setup();
    const observer = new EntityObserver(store, { type: 'Scene', id: '6', fields: ['title'] });
    const off = observer.subscribe(() => {});
    await whenResult(observer, (r) => r.status === 'success');
    const reads = () => stash.requests.filter((r) => !isMutation(r) && r.query.includes('findScene')).length;
    const before = reads();
    const learnt: unknown[] = [];
    bridge.onHostMutation((e) => learnt.push(e));
    await client.mutate({
      mutation: gql`
        mutation SceneUpdate($input: SceneUpdateInput!) {
          sceneUpdate(input: $input) {
            id
            title
          }
        }
      `,
      variables: { input: { id: '6', title: 'Edited in Stash' } },
    });
    const r = await whenResult(observer, (x) => x.data?.title === 'Edited in Stash' && !x.isFetching);
    expect(r.data!.title).toBe('Edited in Stash');
    await new Promise((resolve) => setImmediate(resolve));
    expect(reads() - before).toBe(1);
    expect(learnt).toEqual([{ field: 'sceneUpdate', typename: 'Scene', ids: ['6'] }]);
    off();
  });

  it('a read-only store (@stashkit/core/read) learns the host mutations the same way', async () => {
    const store = createReadOnlyStore({ url: stash.url, retry: false });
    const client = hostClient();
    const bridge = connectHostCache(store, { client, apollo: Apollo });
    bridges.push(bridge);
    const scene = (await store.get('Scene', '7', { fields: ['title'] }))!;
    await client.mutate({
      mutation: gql`
        mutation SceneUpdate($input: SceneUpdateInput!) {
          sceneUpdate(input: $input) {
            id
          }
        }
      `,
      variables: { input: { id: '7', title: 'Edited beside a reader' } },
    });
    expect(store.missingFields(scene, 'title')).toEqual(new Set(['title']));
    expect((await store.get('Scene', '7', { fields: ['title'] }))!.title).toBe('Edited beside a reader');
  });

  it('a host create refetches a mounted list once; a side mutation (sceneAddO) refetches the counter', async () => {
    const { store, client } = setup();
    const tags = new FindObserver(store, {
      type: 'Tag',
      fields: ['name'],
      filters: { name__icontains: 'zqx' },
    });
    const offTags = tags.subscribe(() => {});
    await whenResult(tags, (r) => r.status === 'success' && !r.isFetching);
    const scene = new EntityObserver(store, { type: 'Scene', id: '7', fields: ['o_counter'] });
    const offScene = scene.subscribe(() => {});
    const o = (await whenResult(scene, (r) => r.status === 'success')).data!.o_counter as number;

    await client.mutate({
      mutation: gql`
        mutation TagCreate($input: TagCreateInput!) {
          tagCreate(input: $input) {
            id
            name
          }
        }
      `,
      variables: { input: { name: 'zqx from host' } },
    });
    const listed = await whenResult(tags, (r) => r.data?.length === 1 && !r.isFetching);
    expect(listed.data![0].name).toBe('zqx from host');

    await client.mutate({
      mutation: gql`
        mutation SceneAddO($id: ID!) {
          sceneAddO(id: $id) {
            count
          }
        }
      `,
      variables: { id: '7' },
    });
    const counted = await whenResult(scene, (r) => r.data?.o_counter === o + 1 && !r.isFetching);
    expect(counted.data!.o_counter).toBe(o + 1);
    offTags();
    offScene();
  });

  it('host queries and failed or unknown mutations change nothing in the store', async () => {
    const { store, client, bridge } = setup();
    const scene = (await store.get('Scene', '8', { fields: ['title'] }))!;
    const learnt: unknown[] = [];
    bridge.onHostMutation((e) => learnt.push(e));
    await client.query({ query: FIND_SCENE, variables: { id: '8' } });
    await client
      .mutate({
        mutation: gql`
          mutation Bad($input: SceneUpdateInput!) {
            sceneUpdate(input: $input) {
              id
            }
          }
        `,
        variables: { input: { id: '99999', title: 'nope' } },
      })
      .catch(() => undefined);
    await client.mutate({
      mutation: gql`
        mutation Ui($input: Map!) {
          configureUI(input: $input)
        }
      `,
      variables: { input: { x: 1 } },
    });
    expect(learnt).toEqual([]);
    expect(store.hasFields(store.peek('Scene', '8')!, 'title')).toBe(true);
    expect(store.peek('Scene', '8')).toBe(scene);
  });

  it('dispose takes the link off the host client; outside a Stash page the bridge is inactive', () => {
    const store = createStashStore({ url: stash.url });
    const client = hostClient();
    const link = client.link;
    const bridge = connectHostCache(store, { client, apollo: Apollo });
    expect(client.link).not.toBe(link);
    bridge.dispose();
    expect(client.link).toBe(link);
    connectHostCache(store, { client, apollo: Apollo });
    expect(client.link).not.toBe(link);
    // A panel that disposes its store takes the link off the host client too.
    store.dispose();
    expect(client.link).toBe(link);
    const off = connectHostCache(store);
    expect(off.active).toBe(false);
    expect(() => connectHostCache(store, { client })).toThrow(/connectHostCache: .*needs \{ apollo \}/);
  });

  it('knows every root mutation of the schema that changes an entity the store holds', () => {
    const table = hostMutationTable(createStashStore({ url: stash.url }).model);
    expect(table.get('sceneUpdate')).toEqual({ typename: 'Scene', kind: 'update' });
    expect(table.get('tagsMerge')).toEqual({ typename: 'Tag', kind: 'merge' });
    expect(table.get('sceneAddO')).toEqual({ typename: 'Scene', kind: 'side' });
    expect(table.get('runPluginOperation')).toEqual({ typename: '', kind: 'all' });
    expect(table.has('configureUI')).toBe(false);
  });
});
