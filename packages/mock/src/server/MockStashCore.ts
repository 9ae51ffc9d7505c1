import {
  execute,
  GraphQLError,
  parse,
  validate,
  getOperationAST,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import { MockConfig, type MockConfigSeed } from '../config/MockConfig';
import { MockDlna } from '../config/MockDlna';
import { MockDb } from '../db/MockDb';
import { DEFAULT_SEED, DEFAULT_SIZE } from '../data/generateDataset';
import { MockRuntime, type MockJobOptions } from '../jobs/MockRuntime';
import type { PluginSource } from '../plugins/PluginSource';
import type { ResolverContext } from '../resolvers/context';
import { MockSessions } from './MockSessions';
import { DEFAULT_THEME_COLOR, type CustomFiles, type UiFolder } from '../ui/uiRoutes';
import { createExecutableSchema } from '../schema/createExecutableSchema';
import { FaultController, type Fault } from './faults';
import { serveRoutes } from './serveRoutes';
import { APPLICATION_JSON, responseContentType } from './responseContentType';
import type { RequestLog } from './requestLog';

export interface MockStashOptions {
  /** Dataset seed (default 1). The same seed always gives the same data. */
  seed?: number;
  /** Number of scenes (default 2,000; up to 100,000); other entity counts scale with it. */
  size?: number;
  /** When set, every request needs this key (`ApiKey` header or `?apikey=`), else HTTP 401. */
  apiKey?: string;
  /** Delay added to every request, in ms. */
  latencyMs?: number;
  /** Configuration seed, merged over Stash's defaults per section (e.g. `{ ui: { lastNoteSeen: 20991231 } }`). */
  config?: MockConfigSeed;
  /** Simulated jobs (scan, generate, ...): duration, steps, clock, scenes a scan adds. */
  jobs?: MockJobOptions;
  /** The plugins folder (`plugins`, `pluginTasks`, `/plugin/{id}/...`); `startMockStash` also takes a path. */
  plugins?: PluginSource | null;
  /** A Stash UI build to serve at `/` (SPA fallback, `<base href>` rewritten); `startMockStash` takes a path. */
  ui?: UiFolder | null;
}

/** A transport-neutral request. */
export interface CoreRequest {
  method: string;
  url: URL;
  header(name: string): string | null;
  body: string;
}

/** A transport-neutral answer; `drop` means: close the connection without answering. */
export type CoreResponse =
  | { drop: true }
  | { drop?: false; status: number; headers: Record<string, string>; body: string | Uint8Array<ArrayBuffer> };

const JSON_HEADERS = {
  'Content-Type': 'application/json',
  'Cache-Control': 'no-store',
  'Access-Control-Allow-Origin': '*',
  'X-Content-Type-Options': 'nosniff',
};

/** Parsed and validated documents kept (gqlgen's default query cache size). */
const DOCUMENT_CACHE_SIZE = 1000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Parsed {
  query: string;
  operationName: string | null;
  variables: Record<string, unknown> | null;
}

function json(status: number, payload: unknown): CoreResponse {
  return { status, headers: { ...JSON_HEADERS }, body: JSON.stringify(payload) };
}

/** gqlgen answers protocol errors (parse, validation, variables) with 422 and `data: null`. */
function protocolError(errors: readonly GraphQLError[], code: string): CoreResponse {
  return json(422, {
    errors: errors.map((e) => ({ message: e.message, locations: e.locations, extensions: { code } })),
    data: null,
  });
}

/** gqlgen's default presenter: message and path, no locations, for resolver errors. */
function presentExecutionError(error: GraphQLError) {
  return error.path ? { message: error.message, path: error.path } : { message: error.message };
}

function setNullAt(data: any, path: (string | number)[]): void {
  let node = data;
  for (let i = 0; i < path.length - 1; i++) {
    if (node === null || node === undefined) return;
    node = node[path[i]];
  }
  if (node !== null && node !== undefined && path.length > 0) node[path[path.length - 1]] = null;
}

/**
 * The mock's request handling, shared by the HTTP server, the fetch handler and the MSW handlers:
 * auth, body parsing, the request log, fault injection, and gqlgen-like execution of the real schema.
 */
export class MockStashCore {
  readonly db: MockDb;
  readonly schema: GraphQLSchema;
  readonly requests: RequestLog = [];
  readonly faults = new FaultController();
  /** This instance's Stash configuration; its `general.apiKey` is the key requests need. */
  readonly config: MockConfig;
  readonly dlna = new MockDlna();
  /** Login sessions (`POST /login`), whose cookie authenticates like the key. */
  readonly sessions = new MockSessions();
  private readonly latencyMs: number;
  private readonly documents = new Map<string, DocumentNode>();
  /** Jobs, log and event sources of this instance. */
  readonly runtime: MockRuntime;
  /** The UI build served at `/`, if any. */
  readonly ui: UiFolder | null;
  /** What `/css`, `/javascript`, `/customlocales` and index.html's `%COLOR%` get: the interface settings. */
  readonly customFiles: CustomFiles = {
    css: () => this.config.customFile('css'),
    javascript: () => this.config.customFile('javascript'),
    customLocales: () => this.config.customFile('customLocales'),
    themeColor: () => DEFAULT_THEME_COLOR,
  };

  /** The key requests must carry (null: none); `generateAPIKey` changes it, as in Stash. */
  private get apiKey(): string | null {
    return this.config.apiKey;
  }

  constructor(options: MockStashOptions = {}) {
    this.runtime = new MockRuntime(options.jobs, options.plugins ?? null);
    this.ui = options.ui ?? null;
    this.db = new MockDb(options.seed ?? DEFAULT_SEED, options.size ?? DEFAULT_SIZE);
    this.schema = createExecutableSchema();
    const pluginsPath = options.plugins ? { pluginsPath: options.plugins.location } : {};
    const seed = options.config ?? {};
    this.config = new MockConfig(
      { ...seed, general: { ...pluginsPath, ...seed.general } },
      options.apiKey ?? null,
    );
    this.dlna.reset(this.config.dlna.enabled);
    this.latencyMs = options.latencyMs ?? 0;
  }

  /** Back to the seed data; empties the request log and removes pending faults. */
  reset(): void {
    this.runtime.reset();
    this.db.reset();
    this.config.reset();
    this.sessions.clear();
    this.dlna.reset(this.config.dlna.enabled);
    this.requests.length = 0;
    this.faults.clear();
  }

  async handle(req: CoreRequest): Promise<CoreResponse> {
    const started = Date.now();
    if (req.method === 'OPTIONS') {
      return {
        status: 204,
        headers: {
          'Access-Control-Allow-Origin': '*',
          'Access-Control-Allow-Methods': 'HEAD, GET, POST, PUT, PATCH, DELETE',
          'Access-Control-Allow-Headers': req.header('access-control-request-headers') ?? '*',
        },
        body: '',
      };
    }
    if (req.url.pathname.endsWith('/healthz')) return { status: 200, headers: {}, body: '' };
    const routed = await serveRoutes(this, req);
    if (routed) return routed;
    if (!req.url.pathname.endsWith('/graphql')) {
      return { status: 404, headers: { 'Content-Type': 'text/plain' }, body: '404 page not found\n' };
    }

    const parsed = this.parseBody(req);
    const entry = {
      operationName: 'error' in parsed ? null : parsed.operationName,
      query: 'error' in parsed ? '' : parsed.query,
      variables: 'error' in parsed ? null : parsed.variables,
      time: started,
      status: 0,
      durationMs: 0,
    };
    this.requests.push(entry);
    const finish = (response: CoreResponse): CoreResponse => {
      entry.status = response.drop ? 0 : response.status;
      entry.durationMs = Date.now() - started;
      return response;
    };

    if (!this.authorized(req)) {
      return finish({
        status: 401,
        headers: { 'WWW-Authenticate': 'FormBased', 'Access-Control-Allow-Origin': '*' },
        body: '',
      });
    }

    const fault = this.faults.take({
      operationName: entry.operationName,
      query: entry.query,
      variables: entry.variables,
    });
    const delay = this.latencyMs + (fault?.latencyMs ?? 0);
    if (delay > 0) await sleep(delay);
    // Executed first when asked: the server's state changes even if the answer is then lost.
    const executed = fault?.afterExecute === true ? await this.respond(req, parsed, fault) : null;
    const answer = this.injected(fault) ?? executed ?? (await this.respond(req, parsed, fault));
    if (fault?.hold !== undefined) await fault.hold.wait();
    return finish(answer);
  }

  /** The answer an injected fault replaces the real one with, if any. */
  private injected(fault: Fault | null): CoreResponse | null {
    if (fault?.drop) return { drop: true };
    if (fault?.status !== undefined) {
      return {
        status: fault.status,
        headers: { 'Content-Type': 'text/plain' },
        body: fault.body ?? 'MockStash: injected fault',
      };
    }
    if (fault?.graphqlErrors) return json(200, { errors: fault.graphqlErrors, data: null });
    return null;
  }

  private async respond(
    req: CoreRequest,
    parsed: Parsed | { error: CoreResponse },
    fault: Fault | null,
  ): Promise<CoreResponse> {
    const answer = await this.respondGraphql(req, parsed, fault);
    const type = responseContentType(req.header('accept'));
    // "transport not supported" is answered before a transport negotiates the type
    const negotiated = req.method === 'GET' || req.method === 'POST';
    if (answer.drop || !negotiated || type === APPLICATION_JSON) return answer;
    // GraphQL over HTTP: with application/graphql-response+json a request error is a 400, not gqlgen's 422
    return {
      ...answer,
      status: answer.status === 422 ? 400 : answer.status,
      headers: { ...answer.headers, 'Content-Type': type },
    };
  }

  private async respondGraphql(
    req: CoreRequest,
    parsed: Parsed | { error: CoreResponse },
    fault: Fault | null,
  ): Promise<CoreResponse> {
    if ('error' in parsed) return parsed.error;
    if (req.method === 'GET' && this.isMutation(parsed)) {
      return json(406, { errors: [{ message: 'GET requests only allow query operations' }], data: null });
    }
    return this.execute(parsed, req, fault);
  }

  /**
   * Stash's authentication: a given key (`ApiKey` header or `?apikey=`) must match the configured one;
   * without a key, a login session's cookie authenticates when a key is configured.
   */
  authorized(req: Pick<CoreRequest, 'url' | 'header'>): boolean {
    const key = req.header('apikey') || req.url.searchParams.get('apikey') || '';
    if (key !== '') return key === this.apiKey;
    return this.apiKey === null || this.sessions.valid(req.header('cookie'));
  }

  private parseBody(req: CoreRequest): Parsed | { error: CoreResponse } {
    if (req.method === 'GET') {
      const p = req.url.searchParams;
      let variables: Record<string, unknown> | null = null;
      try {
        variables = p.get('variables') ? JSON.parse(p.get('variables')!) : null;
      } catch {
        return { error: json(400, { errors: [{ message: 'variables could not be decoded' }], data: null }) };
      }
      return { query: p.get('query') ?? '', operationName: p.get('operationName') || null, variables };
    }
    if (req.method !== 'POST') {
      return { error: json(400, { errors: [{ message: 'transport not supported' }], data: null }) };
    }
    let body: any;
    try {
      body = JSON.parse(req.body);
    } catch (error) {
      return {
        error: json(400, {
          errors: [{ message: `json request body could not be decoded: ${(error as Error).message}` }],
          data: null,
        }),
      };
    }
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      return {
        error: json(400, {
          errors: [{ message: 'json request body could not be decoded: body must be an object' }],
          data: null,
        }),
      };
    }
    return {
      query: typeof body.query === 'string' ? body.query : '',
      operationName: typeof body.operationName === 'string' && body.operationName ? body.operationName : null,
      variables: body.variables && typeof body.variables === 'object' ? body.variables : null,
    };
  }

  /** Parses and validates a document (cached by query text in an LRU of 1000, like gqlgen's). */
  private document(query: string): { doc: DocumentNode } | { errors: readonly GraphQLError[]; code: string } {
    const hit = this.documents.get(query);
    if (hit) {
      // most recently used last: Map iteration order is insertion order
      this.documents.delete(query);
      this.documents.set(query, hit);
      return { doc: hit };
    }
    let doc: DocumentNode;
    try {
      doc = parse(query);
    } catch (error) {
      return { errors: [error as GraphQLError], code: 'GRAPHQL_PARSE_FAILED' };
    }
    const errors = validate(this.schema, doc);
    if (errors.length > 0) return { errors, code: 'GRAPHQL_VALIDATION_FAILED' };
    if (this.documents.size >= DOCUMENT_CACHE_SIZE)
      this.documents.delete(this.documents.keys().next().value!);
    this.documents.set(query, doc);
    return { doc };
  }

  /** The resolvers' context for a request (HTTP or a websocket's upgrade request). */
  contextFor(req: Pick<CoreRequest, 'url' | 'header'>): ResolverContext {
    const prefix = req.header('x-forwarded-prefix') ?? '';
    return {
      db: this.db,
      baseUrl: `${req.url.protocol.replace(/^ws/, 'http')}//${req.url.host}${prefix}`,
      apiKey: this.apiKey,
      runtime: this.runtime,
      config: this.config,
      dlna: this.dlna,
    };
  }

  private isMutation(parsed: Parsed): boolean {
    const parsedDoc = this.document(parsed.query);
    return (
      'doc' in parsedDoc && getOperationAST(parsedDoc.doc, parsed.operationName)?.operation === 'mutation'
    );
  }

  private async execute(parsed: Parsed, req: CoreRequest, fault: Fault | null): Promise<CoreResponse> {
    if (!parsed.query.trim()) {
      return json(422, {
        errors: [{ message: 'no operation provided', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }],
        data: null,
      });
    }
    const parsedDoc = this.document(parsed.query);
    if ('errors' in parsedDoc) return protocolError(parsedDoc.errors, parsedDoc.code);
    const doc = parsedDoc.doc;

    const result: ExecutionResult = await execute({
      schema: this.schema,
      document: doc,
      variableValues: parsed.variables,
      operationName: parsed.operationName,
      contextValue: this.contextFor(req),
    });
    if (!('data' in result) || result.data === undefined) {
      // Unknown operation name or variables that do not coerce: a request error, as gqlgen's 422.
      return protocolError(result.errors ?? [], 'GRAPHQL_VALIDATION_FAILED');
    }
    const errors = (result.errors ?? []).map(presentExecutionError);
    const data = result.data as Record<string, unknown> | null;
    for (const p of fault?.partial ?? []) {
      setNullAt(data, p.path);
      errors.push({ message: p.message ?? 'MockStash: injected partial failure', path: p.path });
    }
    const body = errors.length > 0 ? { errors, data } : { data };
    return json(
      200,
      fault?.rewrite === undefined
        ? body
        : fault.rewrite(structuredClone(body) as Parameters<typeof fault.rewrite>[0]),
    );
  }
}
