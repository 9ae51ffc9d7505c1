import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MockConfig } from '../config/MockConfig';
import type { MockDb } from '../db/MockDb';
import type { MockRuntime } from '../jobs/MockRuntime';
import { nodeFolder, nodePluginSource } from '../plugins/nodePluginSource';
import type { UiFolder } from '../ui/uiRoutes';
import type { PluginSource } from '../plugins/PluginSource';
import { attachWebSocket } from './attachWebSocket';
import type { FaultController } from './faults';
import { MockStashCore, type MockStashOptions } from './MockStashCore';
import type { RequestLog } from './requestLog';

export interface StartMockStashOptions extends Omit<MockStashOptions, 'plugins' | 'ui'> {
  /** A Stash UI build folder (with index.html) to serve at `/`, or a folder source. */
  ui?: string | UiFolder | null;
  /** Plugins folder (one folder per plugin with its `.yml` manifest, as Stash reads it), or a source. */
  plugins?: string | PluginSource | null;
  /** Port to listen on; 0 (the default) picks a free port. */
  port?: number;
  /** Interface to bind (default 127.0.0.1). */
  host?: string;
}

export interface RunningMockStash {
  /** The GraphQL endpoint, e.g. `http://127.0.0.1:41234/graphql`. */
  url: string;
  /** The same endpoint for graphql-ws subscriptions, e.g. `ws://127.0.0.1:41234/graphql`. */
  wsUrl: string;
  port: number;
  /** Every request received, in order. */
  requests: RequestLog;
  faults: FaultController;
  /** The in-memory database (read it to check what a mutation did). */
  db: MockDb;
  /** Jobs (`runtime.jobs`), the server log (`runtime.log`), scan notifications and the clock. */
  runtime: MockRuntime;
  /** The instance's Stash configuration (`configuration`; `configure*` mutations change it). */
  config: MockConfig;
  /** Back to the seed data; empties the request log and the fault queue; drops jobs and log entries. */
  reset(): void;
  /**
   * Closes every connection (HTTP and websocket) and stops listening, then listens again on the same
   * port with the same data, jobs and log: what a client sees when Stash restarts.
   */
  restart(): Promise<void>;
  /** Drops every websocket connection (the server keeps listening). */
  dropWebSockets(): void;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** A UI build on disk: it must hold the index.html Stash serves for every page. */
function nodeUiFolder(dir: string): UiFolder {
  const folder = nodeFolder(dir, 'UI folder');
  if (!folder.read('index.html')) {
    throw new Error(`MockStash: UI folder ${folder.location} has no index.html (build the Stash UI first)`);
  }
  return folder;
}

/** Starts the mock as a real HTTP server (node:http) on localhost. */
export async function startMockStash(options: StartMockStashOptions = {}): Promise<RunningMockStash> {
  const plugins = typeof options.plugins === 'string' ? nodePluginSource(options.plugins) : options.plugins;
  const ui = typeof options.ui === 'string' ? nodeUiFolder(options.ui) : options.ui;
  const core = new MockStashCore({ ...options, plugins, ui });
  const host = options.host ?? '127.0.0.1';

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const body = await readBody(req);
      const answer = await core.handle({
        method: req.method ?? 'GET',
        url: new URL(req.url ?? '/', `http://${req.headers.host ?? `${host}:${port}`}`),
        header: (name) => {
          const value = req.headers[name.toLowerCase()];
          return Array.isArray(value) ? value.join(', ') : (value ?? null);
        },
        body,
      });
      if (answer.drop) {
        // A real connection drop: the client sees a reset socket, not an HTTP answer.
        req.socket.destroy();
        return;
      }
      res.writeHead(answer.status, answer.headers);
      res.end(answer.body);
    })().catch((error: unknown) => {
      res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(`MockStash: internal error: ${(error as Error).message}`);
    });
  });

  const sockets = attachWebSocket(server, core);
  const listen = (at: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(at, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  const stop = () =>
    new Promise<void>((resolve, reject) => {
      sockets.dropAll();
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeAllConnections();
    });
  await listen(options.port ?? 0);
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;

  return {
    url: `http://${urlHost}:${port}/graphql`,
    wsUrl: `ws://${urlHost}:${port}/graphql`,
    port,
    requests: core.requests,
    faults: core.faults,
    db: core.db,
    runtime: core.runtime,
    config: core.config,
    reset: () => core.reset(),
    restart: async () => {
      await stop();
      await listen(port);
    },
    dropWebSockets: () => sockets.dropAll(),
    close: async () => {
      await stop();
      core.runtime.close();
    },
  };
}
