/**
 * A stand-in for the Stash UI as a plugin panel lives in it: React 17.0.2 (UMD globals), a real Apollo
 * Client 3 wired like Stash's `core/createClient.ts` (HTTP for queries and mutations, graphql-ws for
 * subscriptions, Stash's type policies, a cache reset on `scanCompleteSubscribe`), `window.PluginApi`
 * with that client, the plugins loaded as Stash's PluginsLoader loads them (the `plugins` query, then
 * each one's CSS and classic scripts in order), and a Stash-like page: an Apollo `useQuery` of
 * `findScene` showing the title next to the registered plugin routes.
 *
 * Built into one IIFE by support/hostPageBuild.ts; `react` and `react-dom` are the page's UMD globals.
 */
import * as Apollo from '@apollo/client';
import {
  ApolloClient,
  ApolloProvider,
  gql,
  HttpLink,
  InMemoryCache,
  split,
  from,
  useQuery,
  type FieldReadFunction,
} from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { createClient as createWsClient } from 'graphql-ws';
import { createElement as h, type ComponentType } from 'react';

// Stash's type policies: find<Type>(id) falls back to a cached reference, a dangling studio reads null.
const readReference =
  (typename: string): FieldReadFunction =>
  (existing, { args, canRead, toReference }) =>
    canRead(existing) ? existing : toReference({ __typename: typename, id: args?.id });
const readDanglingNull: FieldReadFunction = (existing, { canRead }) =>
  existing === undefined ? undefined : canRead(existing) ? existing : null;
const FIND_TYPES = ['Image', 'Performer', 'Studio', 'Group', 'Gallery', 'Scene', 'Tag', 'SavedFilter'];

function createStashClient() {
  const base = document.querySelector('base')?.getAttribute('href') ?? '/';
  const url = new URL(`${window.location.origin}${base}graphql`);
  const wsUrl = new URL(url);
  wsUrl.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  const wsClient = createWsClient({ url: wsUrl.href, retryAttempts: Infinity, shouldRetry: () => true });
  // Stash uses apollo-upload-client's link (multipart only when a File is in the variables); HttpLink
  // sends what it sends for everything else.
  const link = from([
    split(
      ({ query }) => {
        const definition = getMainDefinition(query);
        return definition.kind === 'OperationDefinition' && definition.operation === 'subscription';
      },
      new GraphQLWsLink(wsClient),
      new HttpLink({ uri: url.href }),
    ),
  ]);
  const studio = { studio: { read: readDanglingNull } };
  const cache = new InMemoryCache({
    typePolicies: {
      Query: { fields: Object.fromEntries(FIND_TYPES.map((t) => [`find${t}`, { read: readReference(t) }])) },
      Scene: { fields: studio },
      Image: { fields: { ...studio, paths: { merge: false } } },
      Group: { fields: studio },
      Gallery: { fields: studio },
      Studio: { fields: { parent_studio: { read: readDanglingNull } } },
    },
    possibleTypes: {
      BaseFile: ['VideoFile', 'ImageFile', 'GalleryFile'],
      VisualFile: ['VideoFile', 'ImageFile'],
    },
  });
  const client = new ApolloClient({ link, cache });
  client.subscribe({ query: gql('subscription HostScanComplete { scanCompleteSubscribe }') }).subscribe({
    next: () => void client.resetStore(),
  });
  return client;
}

// React 17's UMD ReactDOM (this package's react-dom types are React 19's, without render).
const ReactDOM = (
  window as unknown as { ReactDOM: { render(element: unknown, container: Element | null): void } }
).ReactDOM;
const client = createStashClient();
const routes: Record<string, ComponentType> = {};
const patches: [string, string][] = [];
const record = (kind: string) => (name: string, fn: unknown) => {
  patches.push([kind, name]);
  return fn;
};

(window as unknown as { PluginApi: unknown }).PluginApi = {
  React: (window as unknown as { React: unknown }).React,
  ReactDOM,
  GQL: {},
  libraries: { Apollo },
  register: {
    route: (path: string, component: ComponentType) => void (routes[path] = component),
    component: record('component'),
  },
  patch: { before: record('before'), instead: record('instead'), after: record('after') },
  components: {},
  hooks: {},
  utils: { StashService: { getClient: () => client }, NavUtils: {}, loadComponents: () => Promise.resolve() },
  Event: new EventTarget(),
};

const FIND_SCENE = gql('query HostFindScene($id: ID!) { findScene(id: $id) { id title } }');
const SCENE_UPDATE = gql(
  'mutation HostSceneUpdate($input: SceneUpdateInput!) { sceneUpdate(input: $input) { id title } }',
);
const PLUGINS = gql('query HostPlugins { plugins { id enabled paths { javascript css } } }');

/** The Stash page: its own Apollo query of the scene's title. */
function HostScenePage({ id }: { id: string }) {
  const { data, error } = useQuery<{ findScene: { id: string; title: string | null } | null }>(FIND_SCENE, {
    variables: { id },
  });
  if (error) return h('p', { 'data-testid': 'host-error' }, error.message);
  return h('h1', { 'data-testid': 'host-title' }, data?.findScene?.title ?? '');
}

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.async = false;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`host: could not load ${src}`));
    document.head.append(script);
  });
}

/** As Stash's PluginsLoader: the enabled plugins' CSS, then their scripts one after the other. */
async function loadPlugins(only: string[] | null): Promise<void> {
  const { data } = await client.query<{
    plugins:
      { id: string; enabled: boolean; paths: { javascript: string[] | null; css: string[] | null } }[] | null;
  }>({ query: PLUGINS });
  const plugins = (data.plugins ?? []).filter((p) => p.enabled && (only === null || only.includes(p.id)));
  for (const p of plugins) {
    for (const href of p.paths.css ?? []) {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = href;
      document.head.append(link);
    }
  }
  for (const p of plugins) for (const src of p.paths.javascript ?? []) await loadScript(src);
}

async function start(): Promise<void> {
  const params = new URLSearchParams(window.location.search);
  const sceneId = params.get('scene') ?? '1';
  await loadPlugins(params.get('plugins')?.split(',') ?? null);
  const page = h(
    'main',
    null,
    h(HostScenePage, { id: sceneId }),
    ...Object.entries(routes).map(([path, Route]) =>
      h('section', { key: path, 'data-route': path }, h(Route)),
    ),
  );
  ReactDOM.render(h(ApolloProvider, { client, children: page }), document.getElementById('root'));
}

(window as unknown as { __host: unknown }).__host = {
  client,
  routes: () => Object.keys(routes),
  patches,
  /** A mutation through the host's Apollo client, as a Stash page's edit form runs it. */
  renameScene: (id: string, title: string) =>
    client.mutate({ mutation: SCENE_UPDATE, variables: { input: { id, title } } }).then((r) => r.data),
  ready: start().then(
    () => true,
    (error: Error) => {
      document.getElementById('root')!.textContent = `host: ${error.message}`;
      throw error;
    },
  ),
};
