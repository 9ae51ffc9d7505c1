// @vitest-environment happy-dom
/**
 * `@stashkit/plugin/read`'s definePlugin against a recording PluginApi: its store is the read-only
 * host store; `hostCache` works on it; `live: true` (which needs `store.connectLive()`) is refused
 * before anything registers, in both entries when the store cannot open it; `live: connectLive` (a
 * function given the store) is what a read-only plugin passes. The bundle is checked in
 * stashkitPlugin.test.ts (a read-only plugin's build carries no graphql-ws or draft code).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createElement, type ReactElement } from 'react';
import { StashEntityStore, StashStoreBase } from '@stashkit/core';
import type { LiveConnection } from '@stashkit/core/live';
import { definePlugin as defineFullPlugin, getPluginApi } from '../src/index';
import { connectHostCache, connectLive, createHostStore, definePlugin } from '../src/read';
import { installRecordingPluginApi, type Call } from './recordingPluginApi';

let calls: Call[];

beforeEach(() => {
  calls = installRecordingPluginApi();
});

afterEach(() => {
  delete window.PluginApi;
});

const Panel = () => createElement('p', null, 'panel');

describe('definePlugin of @stashkit/plugin/read', () => {
  it('wraps routes in a StashProvider on the read-only host store, whose writes name the entry to use', async () => {
    const plugin = definePlugin({ id: 'reader', routes: { '/plugin/reader': Panel } });
    const Route = calls[0][2] as (props: object) => ReactElement<{ store: unknown }>;
    expect(Route({}).props.store).toBe(plugin.store);
    expect(plugin.store).toBeInstanceOf(StashStoreBase);
    expect(plugin.store).not.toBeInstanceOf(StashEntityStore);
    expect(() => plugin.store.create('Tag', { name: 'x' })).toThrow(
      /StashEntityStore\.create: this store is read-only \(created by @stashkit\/core\/read/,
    );
    await expect(plugin.store.connectLive()).rejects.toThrow(/leaves live events out/);
    expect(plugin.live).toBeNull();
    expect(plugin.hostCache).toBeNull();
  });

  it('refuses live: true and live options before anything registers (the read-only store has no connectLive())', () => {
    for (const live of [true, { resyncOnReconnect: false }]) {
      expect(() => definePlugin({ id: 'reader', routes: { '/plugin/reader': Panel }, live })).toThrow(
        "definePlugin: live: true calls store.connectLive(), which the read-only store of @stashkit/plugin/read leaves out: pass live: connectLive (import { connectLive } from '@stashkit/plugin/read'; graphql-ws is bundled only then)",
      );
    }
    // @stashkit/plugin's definePlugin refuses it too when the store it is given is read-only.
    expect(() =>
      defineFullPlugin({ id: 'p', routes: { '/plugin/p': Panel }, store: createHostStore(), live: true }),
    ).toThrow(
      "definePlugin: live: true calls store.connectLive(), which a read-only store (@stashkit/core/read) leaves out: pass live: connectLive (from '@stashkit/plugin/read' or '@stashkit/core/live')",
    );
    expect(() => definePlugin({ id: 'p', live: 'yes' as never })).toThrow(
      'definePlugin: live must be true, false, connectLive options or a function such as connectLive',
    );
    expect(() => definePlugin({ id: 'p', store: false, live: connectLive })).toThrow(
      'definePlugin: live needs a store (store is false)',
    );
    expect(calls).toEqual([]);
  });

  it('live: a function is given the plugin store and becomes plugin.live; its failure is said, not unhandled', async () => {
    const connection = { close: vi.fn() } as unknown as LiveConnection;
    const given: unknown[] = [];
    const plugin = definePlugin({
      id: 'reader',
      live: (store) => {
        given.push(store);
        return connection;
      },
    });
    expect(given).toEqual([plugin.store]);
    await expect(plugin.live).resolves.toBe(connection);
    plugin.dispose();
    await vi.waitFor(() => expect(connection.close).toHaveBeenCalledOnce());

    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const failing = definePlugin({
        id: 'reader',
        live: () => {
          throw new Error('no socket');
        },
      });
      await expect(failing.live).rejects.toThrow('no socket');
      expect(errors).toHaveBeenCalledWith('definePlugin: reader: live events: no socket');
    } finally {
      errors.mockRestore();
    }
  });

  it('hostCache: connectHostCache connects the read-only store to the host client until disposed', () => {
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
    const plugin = definePlugin({
      id: 'reader',
      hostCache: connectHostCache,
      routes: { '/plugin/r': Panel },
    });
    expect(plugin.store).not.toBeInstanceOf(StashEntityStore);
    expect(plugin.hostCache?.active).toBe(true);
    expect((client.link as { next: unknown }).next).toBe(hostLink);
    plugin.dispose();
    expect(client.link).toBe(hostLink);
  });
});
