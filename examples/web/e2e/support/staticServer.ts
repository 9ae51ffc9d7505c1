/**
 * A tiny HTTP server on 127.0.0.1:0 for the e2e pages: files from a folder, fixed routes, and a
 * forward of any path ending in `/graphql` to the mock Stash (so a `<base href>` prefix is exercised).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

export interface Route {
  type: string;
  body: () => Promise<string | Buffer> | string | Buffer;
}

export interface StaticServerOptions {
  /** Serve files under this folder (`/` is `index.html`). */
  dir?: string;
  /** Exact paths answered before files. */
  routes?: Record<string, Route>;
  /** Origin of the mock Stash; `POST …/graphql` is forwarded to `<graphqlTarget>/graphql`. */
  graphqlTarget?: string;
}

export interface StaticServer {
  url: string;
  /** Paths of the GraphQL requests forwarded so far. */
  graphqlPaths: string[];
  close(): Promise<void>;
}

export async function startStaticServer(options: StaticServerOptions): Promise<StaticServer> {
  const graphqlPaths: string[] = [];
  const server = createServer((req, res) => {
    handle(options, graphqlPaths, req, res).catch((error: Error) => {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(`staticServer: ${error.message}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    graphqlPaths,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

async function handle(
  options: StaticServerOptions,
  graphqlPaths: string[],
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  if (options.graphqlTarget !== undefined && path.endsWith('/graphql')) {
    graphqlPaths.push(path);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const answer = await fetch(new URL('/graphql', options.graphqlTarget), {
      method: req.method,
      headers: { 'content-type': req.headers['content-type'] ?? 'application/json' },
      body: req.method === 'GET' || req.method === 'HEAD' ? undefined : Buffer.concat(chunks),
    });
    res.writeHead(answer.status, {
      'content-type': answer.headers.get('content-type') ?? 'application/json',
    });
    res.end(Buffer.from(await answer.arrayBuffer()));
    return;
  }
  const route = options.routes?.[path];
  if (route !== undefined) {
    res.writeHead(200, { 'content-type': route.type }).end(await route.body());
    return;
  }
  if (options.dir !== undefined) {
    const relative = normalize(path.endsWith('/') ? `${path}index.html` : path).replace(/^(\.\.[/\\])+/, '');
    try {
      const body = await readFile(join(options.dir, relative));
      res
        .writeHead(200, { 'content-type': TYPES[extname(relative)] ?? 'application/octet-stream' })
        .end(body);
      return;
    } catch {
      // falls through to 404
    }
  }
  res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
}
