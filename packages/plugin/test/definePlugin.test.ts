// @vitest-environment happy-dom
/**
 * definePlugin against a recording PluginApi (the real host is exercised in Chromium by examples/web's
 * e2e): everything is checked before anything is registered; routes and components are wrapped in a
 * StashProvider on one host store; patches keep their order; onLocation hears `stash:location`.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createElement, type ReactElement } from 'react';
import { StashProvider } from '@stashkit/react';
import { connectHostCache, definePlugin, getPluginApi } from '../src/index';
import { installRecordingPluginApi, type Call } from './recordingPluginApi';

let calls: Call[];

beforeEach(() => {
  calls = installRecordingPluginApi();
});

afterEach(() => {
  delete window.PluginApi;
});

const Panel = () => createElement('p', null, 'panel');

describe('definePlugin', () => {
  it('registers routes, components and patches, wrapping pages in a StashProvider on one host store', () => {
    const before = (props: object) => [props];
    const after1 = (_props: object, result: unknown) => result;
    const after2 = (_props: object, result: unknown) => result;
    const plugin = definePlugin({
      id: 'my-panel',
      routes: { '/plugin/my-panel': Panel },
      components: { 'plugin-my-card': Panel },
      patches: { before: { 'MainNavBar.UtilityItems': before }, after: { SceneCard: [after1, after2] } },
    });
    expect(calls.map(([kind, name]) => [kind, name])).toEqual([
      ['route', '/plugin/my-panel'],
      ['component', 'plugin-my-card'],
      ['before', 'MainNavBar.UtilityItems'],
      ['after', 'SceneCard'],
      ['after', 'SceneCard'],
    ]);
    expect(calls[3][2]).toBe(after1);
    expect(calls[4][2]).toBe(after2);

    const Route = calls[0][2] as (props: object) => ReactElement<{ store: unknown; children: ReactElement }>;
    const element = Route({ match: {} });
    expect(element.type).toBe(StashProvider);
    expect(element.props.store).toBe(plugin.store);
    expect(element.props.children.type).toBe(Panel);
    expect(element.props.children.props).toEqual({ match: {} });
    // One store for the whole plugin, on <base href>graphql.
    const Card = calls[1][2] as typeof Route;
    expect(Card({}).props.store).toBe(plugin.store);
    expect((Route as { displayName?: string }).displayName).toBe('WithStashStore(Panel)');
  });

  it('checks the whole definition first: a bad entry registers nothing', () => {
    const cases: [unknown, RegExp][] = [
      [{ id: '../x' }, /definePlugin: id must be the plugin's manifest name/],
      [{ id: 'p', routes: { 'plugin/p': Panel } }, /route "plugin\/p" must start with '\/'/],
      [{ id: 'p', routes: { '/plugin/p': 'Panel' } }, /route \/plugin\/p is not a component/],
      [{ id: 'p', components: { x: {} } }, /component x is not a component/],
      [{ id: 'p', patches: { around: {} } }, /patches\.around is not one of before, instead, after/],
      [
        { id: 'p', patches: { before: { App: [() => [], 1] } } },
        /patches\.before\["App"\] must be a function/,
      ],
      [{ id: 'p', store: 'yes' }, /store must be true, false or a StashEntityStore/],
      [{ id: 'p', onLocation: 1 }, /onLocation must be a function/],
      [{ id: 'p', hostCache: true }, /hostCache must be connectHostCache \(import \{ connectHostCache \}/],
      [{ id: 'p', store: false, live: true }, /live needs a store \(store is false\)/],
    ];
    for (const [definition, message] of cases) {
      expect(() =>
        definePlugin({ routes: { '/plugin/ok': Panel }, ...(definition as object) } as never),
      ).toThrow(message);
    }
    expect(calls).toEqual([]);
  });

  it('hears stash:location until disposed, and store: false leaves components as they are', () => {
    const seen: string[] = [];
    const plugin = definePlugin({
      id: 'p',
      store: false,
      routes: { '/plugin/p': Panel },
      onLocation: (location) => seen.push(location.pathname),
    });
    expect(calls[0][2]).toBe(Panel);
    expect(() => plugin.store).toThrow('definePlugin: plugin p was defined with store: false');
    const dispatch = (pathname: string) =>
      getPluginApi().Event.dispatchEvent(
        new CustomEvent('stash:location', {
          detail: { event: 'stash:location', data: { location: { pathname } } },
        }),
      );
    dispatch('/scenes');
    plugin.dispose();
    dispatch('/tags');
    expect(seen).toEqual(['/scenes']);
  });

  it('hostCache: connectHostCache connects the store to PluginApi.utils.StashService.getClient() until disposed', () => {
    const hostLink = { name: 'host link' };
    const client = { cache: {}, link: hostLink as unknown, setLink: (l: unknown) => (client.link = l) };
    class ApolloLink {
      constructor(readonly handler: unknown) {}
      concat(next: unknown) {
        return { first: this, next };
      }
    }
    Object.assign(getPluginApi(), {
      utils: { StashService: { getClient: () => client } },
      libraries: { Apollo: { ApolloLink } },
    });
    const plugin = definePlugin({ id: 'p', hostCache: connectHostCache, routes: { '/plugin/p': Panel } });
    expect(plugin.hostCache?.active).toBe(true);
    expect(plugin.live).toBeNull();
    // Host mutations pass the bridge's link first, then the host's own link.
    expect((client.link as { next: unknown }).next).toBe(hostLink);
    plugin.dispose();
    expect(client.link).toBe(hostLink);
  });

  it('hostCache is inactive on a page without a host client, and null when not asked for', () => {
    expect(definePlugin({ id: 'p', hostCache: connectHostCache }).hostCache?.active).toBe(false);
    expect(definePlugin({ id: 'q' }).hostCache).toBeNull();
  });

  it('says what is missing outside Stash', () => {
    delete window.PluginApi;
    expect(() => definePlugin({ id: 'p' })).toThrow(
      /definePlugin: window\.PluginApi is missing \(load this script as a Stash UI plugin/,
    );
  });
});
