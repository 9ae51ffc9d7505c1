import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { execute, parse, subscribe, validate } from 'graphql';
import { handleProtocols } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { MockStashCore } from './MockStashCore';

/** Stash's gqlgen websocket transport pings every 10 s. */
const KEEP_ALIVE_MS = 10_000;

function headerOf(req: IncomingMessage) {
  return (name: string): string | null => {
    const value = req.headers[name.toLowerCase()];
    return Array.isArray(value) ? value.join(', ') : (value ?? null);
  };
}

function requestOf(req: IncomingMessage) {
  return { url: new URL(req.url ?? '/', `ws://${req.headers.host ?? 'localhost'}`), header: headerOf(req) };
}

function refuse(socket: Duplex, status: string, headers: string[] = []): void {
  socket.end(
    [`HTTP/1.1 ${status}`, ...headers, 'Content-Length: 0', 'Connection: close', '', ''].join('\r\n'),
  );
}

/**
 * GraphQL over websocket on `/graphql` (graphql-ws, sub-protocol `graphql-transport-ws`), as Stash's
 * gqlgen transport: the upgrade request passes Stash's authentication first (the `ApiKey` header or
 * `?apikey=`, else 401), then subscriptions, queries and mutations run on the mock's schema and data.
 * Returns a function that drops every websocket connection.
 */
export function attachWebSocket(server: Server, core: MockStashCore): { dropAll(): void } {
  const wss = new WebSocketServer({ noServer: true, handleProtocols });
  useServer(
    {
      schema: core.schema,
      // This package's graphql functions: graphql-ws could load another copy (ESM vs CJS) whose
      // instanceof checks reject the schema.
      parse,
      validate,
      execute,
      subscribe,
      context: (ctx) => core.contextFor(requestOf(ctx.extra.request)),
      onSubscribe: (_ctx, _id, payload) => {
        // Logged like HTTP requests, so the request log (and testkit's schema check) sees them.
        core.requests.push({
          operationName: payload.operationName ?? null,
          query: payload.query,
          variables: payload.variables ?? null,
          time: Date.now(),
          status: 101,
          durationMs: 0,
        });
      },
    },
    wss,
    KEEP_ALIVE_MS,
  );

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const request = requestOf(req);
    if (!request.url.pathname.endsWith('/graphql')) return refuse(socket, '404 Not Found');
    if (!core.authorized(request)) {
      return refuse(socket, '401 Unauthorized', ['WWW-Authenticate: FormBased']);
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  return {
    dropAll: () => {
      for (const client of wss.clients) client.terminate();
    },
  };
}
