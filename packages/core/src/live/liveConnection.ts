/**
 * `LiveConnection`: Stash's job and scan events over graphql-ws on `/graphql`, turned into
 * invalidations of the store. Stash pushes no entity changes, only `jobsSubscribe` (job queue
 * updates; a finished job is reported with its terminal status) and `scanCompleteSubscribe` (scan
 * or clean done), so a finished job applies the declarative rule of its kind (`JOB_RULES`).
 *
 * graphql-ws retries forever with exponential backoff; after a reconnect the events missed while
 * down are unknown, so everything is marked stale once (`resyncOnReconnect`). Authentication is the
 * upgrade request's: the browser's session cookie, or `?apikey=` (Stash reads no headers on it, and
 * browsers cannot set them).
 */
import { createClient, type Client } from 'graphql-ws';
import { StashValidationError } from '../errors';
import type { InvalidationRule } from '../mutations/invalidationRules';
import type { StashTimers } from '../shared/timers';
// secrets.ts imports nothing: this module's imports are what a bundle initializes lazily with it.
import { clientApiKey, redact } from '../transport/secrets';
import type { StashClient } from '../transport/transportClient';
import { ALL_LISTS, JOB_RULES, jobRule, type JobRule } from './jobRules';

/** What the connection needs from a store (a `StashEntityStore`). */
export interface LiveStore {
  readonly client: { readonly url: string };
  /** Backoff delays go through `timers.delay` (fake time in tests). */
  readonly timers?: Pick<StashTimers, 'delay'>;
  invalidate(typename: string, id: string): void;
  invalidateType(typename: string): void;
  invalidateAll(): void;
  invalidateRule(rule: InvalidationRule): void;
  /** A store closes the connection with `dispose()` (the store's `attachLive`). */
  attachLive?(live: LiveConnection): LiveConnection;
}

export type LiveStatus = 'connecting' | 'connected' | 'reconnecting' | 'closed';

export interface LiveState {
  readonly status: LiveStatus;
  /** The websocket URL, with any ApiKey shown as `***`. */
  readonly url: string;
  /** Successful connections so far (1 after the first, +1 per reconnect). */
  readonly connections: number;
  /** Failed attempts since the last successful connection. */
  readonly retries: number;
  /** The last close or error, as text (never the ApiKey). */
  readonly lastError: string | null;
}

/** A job or scan event, after its invalidation (if any) ran. */
export interface LiveEvent {
  readonly kind: 'job' | 'scanComplete' | 'resync';
  readonly job?: { readonly id: string; readonly status: string; readonly description: string };
  /** The job rule matched (`undefined`: the job changes no library data). */
  readonly rule?: string;
  /** Whether this event invalidated (`false`: nothing to do, or the other half of a reported scan). */
  readonly applied: boolean;
}

export interface LiveOptions {
  /** `ws(s)://…/graphql`; default: the store's URL with `ws(s):`. */
  url?: string;
  /** Sent as `?apikey=` (default: the ApiKey of the store's client). */
  apiKey?: string;
  /** A WebSocket class where there is no global one (Node 20: the `ws` package's default export). */
  webSocketImpl?: unknown;
  /** Rules matched against job descriptions (default `JOB_RULES`). */
  rules?: readonly JobRule[];
  /** Backoff before retry n: `min(maxMs, initialMs * 2^n)`, times `0.5 + random() / 2`. */
  backoff?: { initialMs?: number; maxMs?: number; random?: () => number };
  /** Mark everything stale after a reconnect (events may have been missed). Default `true`. */
  resyncOnReconnect?: boolean;
}

const JOBS = 'subscription StashkitJobs { jobsSubscribe { type job { id status description } } }';
const SCANS = 'subscription StashkitScanComplete { scanCompleteSubscribe }';
const TERMINAL = new Set(['FINISHED', 'FAILED', 'CANCELLED']);

interface JobUpdate {
  jobsSubscribe: { type: string; job: { id: string; status: string; description: string } };
}

export class LiveConnection {
  readonly #store: LiveStore;
  readonly #rules: readonly JobRule[];
  readonly #resync: boolean;
  readonly #client: Client;
  readonly #apiKey: string | undefined;
  readonly #stateListeners = new Set<(state: LiveState) => void>();
  readonly #eventListeners = new Set<(event: LiveEvent) => void>();
  readonly #handledJobs = new Set<string>();
  readonly #unsubscribes: (() => void)[] = [];
  #state: LiveState;
  #cancelWait: (() => void) | null = null;
  readonly #resubscribes = new Set<() => void>();
  #delay!: (fn: () => void, ms: number) => () => void;
  #initialMs = 500;
  #attemptError: string | null = null;
  // A finished scan (or clean) is reported twice, by scanCompleteSubscribe and by its job, on two
  // subscriptions whose order Stash does not fix: the first applies the rule, the second is its
  // pair and is skipped. Jobs run one at a time, so one pending half suffices.
  #scanHalf: 'scanComplete' | 'job' | null = null;

  constructor(store: LiveStore, options: LiveOptions = {}) {
    this.#store = store;
    this.#rules = options.rules ?? JOB_RULES;
    this.#resync = options.resyncOnReconnect ?? true;
    this.#apiKey = options.apiKey;
    const url = liveUrl(options.url ?? store.client.url, options.apiKey);
    const webSocketImpl = options.webSocketImpl ?? (globalThis as { WebSocket?: unknown }).WebSocket;
    if (typeof webSocketImpl !== 'function')
      throw new StashValidationError(
        "StashEntityStore: connectLive() needs a WebSocket: pass { webSocketImpl } (Node 20: import WebSocket from 'ws')",
      );
    const delay = store.timers?.delay ?? ((fn: () => void, ms: number) => clearer(setTimeout(fn, ms)));
    this.#state = {
      status: 'connecting',
      url: redact(url, options.apiKey),
      connections: 0,
      retries: 0,
      lastError: null,
    };
    const { initialMs = 500, maxMs = 30_000, random = Math.random } = options.backoff ?? {};
    this.#delay = delay;
    this.#initialMs = initialMs;
    this.#client = createClient({
      url,
      webSocketImpl,
      lazy: false,
      // graphql-ws's default logs to console.error; ours goes to state (redacted).
      onNonLazyError: (error) => this.#failed(describeErrors(error)),
      // As the stock UI's client: Stash restarts, proxies drop idle sockets; never give up.
      retryAttempts: Infinity,
      shouldRetry: () => true,
      retryWait: (retries) =>
        new Promise<void>((resolve) => {
          const ms = Math.min(maxMs, initialMs * 2 ** retries) * (0.5 + random() / 2);
          this.#cancelWait = delay(() => {
            this.#cancelWait = null;
            resolve();
          }, ms);
        }),
      on: {
        connecting: () => (this.#attemptError = null),
        connected: () => this.#connected(),
        closed: (event) => this.#dropped(describeClose(event)),
        // Node's ws says why (`Unexpected server response: 401`); browsers give a bare Event.
        error: (error) => (this.#attemptError = (error as { message?: string } | null)?.message || null),
      },
    });
    this.#subscribe<JobUpdate>(JOBS, (data) => this.#job(data.jobsSubscribe));
    this.#subscribe(SCANS, () => this.#scanComplete());
  }

  get state(): LiveState {
    return this.#state;
  }

  /** The state, as a bound function (`useSyncExternalStore(live.subscribe, live.getState)`). */
  readonly getState = (): LiveState => this.#state;

  /** Called with every state change (status, retries, errors). */
  readonly subscribe = (listener: (state: LiveState) => void): (() => void) => {
    this.#stateListeners.add(listener);
    return () => void this.#stateListeners.delete(listener);
  };

  /** Called with every job and scan event, after its invalidation ran. */
  onEvent(listener: (event: LiveEvent) => void): () => void {
    this.#eventListeners.add(listener);
    return () => void this.#eventListeners.delete(listener);
  }

  /** Closes the websocket for good (the store's `dispose()` calls it). */
  close(): void {
    if (this.#state.status === 'closed') return;
    this.#set({ status: 'closed' });
    for (const off of this.#unsubscribes.splice(0)) off();
    this.#cancelWait?.();
    for (const cancel of this.#resubscribes) cancel();
    this.#resubscribes.clear();
    // dispose() awaits the attempt in flight and rejects when it fails (1006): closed either way.
    Promise.resolve(this.#client.dispose()).catch(() => undefined);
  }

  #subscribe<T>(query: string, next: (data: T) => void): void {
    const off = this.#client.subscribe<T>(
      { query },
      {
        next: (result) => {
          if (result.data != null) next(result.data as T);
        },
        // Retries are graphql-ws's; a subscription error (the server refused the document) is shown.
        error: (error) => this.#failed(error instanceof Error ? error.message : describeErrors(error)),
        // The server ended it (gqlgen does when its channel closes) on a live socket: ask again.
        complete: () => {
          if (this.#state.status === 'closed') return;
          const cancel = this.#delay(() => {
            this.#resubscribes.delete(cancel);
            if (this.#state.status !== 'closed') this.#subscribe(query, next);
          }, this.#initialMs);
          this.#resubscribes.add(cancel);
        },
      },
    );
    this.#unsubscribes.push(off);
  }

  #connected(): void {
    if (this.#state.status === 'closed') return;
    const reconnect = this.#state.connections > 0;
    this.#set({ status: 'connected', connections: this.#state.connections + 1, retries: 0 });
    this.#scanHalf = null;
    if (reconnect && this.#resync) {
      this.#store.invalidateAll();
      this.#store.invalidateRule({ lists: ALL_LISTS });
      this.#emit({ kind: 'resync', applied: true });
    }
  }

  #dropped(reason: string): void {
    if (this.#state.status === 'closed') return;
    const retries = this.#state.status === 'connected' ? 0 : this.#state.retries + 1;
    const status = this.#state.connections > 0 ? 'reconnecting' : 'connecting';
    const error = this.#attemptError === null ? reason : `${this.#attemptError}; ${reason}`;
    this.#attemptError = null;
    this.#set({ status, retries, lastError: redact(error, this.#apiKey) });
  }

  #failed(reason: string): void {
    if (this.#state.status !== 'closed') this.#set({ lastError: redact(reason, this.#apiKey) });
  }

  #job(update: JobUpdate['jobsSubscribe']): void {
    const { job } = update;
    const rule = jobRule(job.description, this.#rules);
    if (!TERMINAL.has(job.status) || this.#handledJobs.has(job.id)) return;
    this.#handledJobs.add(job.id);
    if (this.#handledJobs.size > 1000) this.#handledJobs.delete(this.#handledJobs.values().next().value!);
    let apply = rule !== undefined;
    if (rule?.scanComplete) {
      apply = this.#scanHalf !== 'scanComplete';
      // Only a finished scan also sends scanComplete (a stopped or failed one does not).
      this.#scanHalf = apply && job.status === 'FINISHED' ? 'job' : null;
    }
    if (apply) this.#apply(rule!, job.description);
    this.#emit({ kind: 'job', job, rule: rule?.name, applied: apply });
  }

  #scanComplete(): void {
    const pair = this.#scanHalf === 'job';
    this.#scanHalf = pair ? null : 'scanComplete';
    if (!pair) this.#apply(jobRule('Scanning...', this.#rules) ?? { name: 'scan', match: /^/, all: true });
    this.#emit({ kind: 'scanComplete', rule: 'scan', applied: !pair });
  }

  #apply(rule: JobRule, description = ''): void {
    const id = rule.record === undefined ? undefined : rule.match.exec(description)?.[1];
    if (rule.record !== undefined && id !== undefined) this.#store.invalidate(rule.record, id);
    if (rule.all) {
      this.#store.invalidateAll();
      this.#store.invalidateRule({ lists: ALL_LISTS });
      return;
    }
    for (const t of rule.types ?? []) this.#store.invalidateType(t);
    this.#store.invalidateRule({ fields: rule.fields, lists: rule.lists });
  }

  #set(patch: Partial<LiveState>): void {
    this.#state = { ...this.#state, ...patch };
    for (const l of [...this.#stateListeners]) l(this.#state);
  }

  #emit(event: LiveEvent): void {
    for (const l of [...this.#eventListeners]) l(event);
  }
}

function clearer(handle: ReturnType<typeof setTimeout>): () => void {
  return () => clearTimeout(handle);
}

/** `http(s)://host/prefix/graphql` → `ws(s)://host/prefix/graphql[?apikey=…]`. */
export function liveUrl(httpUrl: string, apiKey: string | undefined): string {
  const url = new URL(httpUrl);
  if (url.protocol === 'http:') url.protocol = 'ws:';
  else if (url.protocol === 'https:') url.protocol = 'wss:';
  if (apiKey !== undefined && apiKey !== '') url.searchParams.set('apikey', apiKey);
  return url.href;
}

function describeClose(event: unknown): string {
  const e = event as { code?: number; reason?: string };
  return `websocket closed${e.code === undefined ? '' : ` (${e.code}${e.reason ? `: ${e.reason}` : ''})`}`;
}

function describeErrors(error: unknown): string {
  if (Array.isArray(error)) return error.map((e: { message?: string }) => e.message ?? String(e)).join('; ');
  const e = error as { type?: string; code?: number; reason?: string };
  return e?.type === 'close' ? describeClose(e) : String(error);
}

/**
 * Opens a live connection for `store`, as `store.connectLive()` does (the ApiKey defaults to the
 * store client's; `dispose()` closes it). What a read-only store (`@stashkit/core/read`) uses.
 */
export function connectLive(store: LiveStore, options: LiveOptions = {}): LiveConnection {
  const apiKey = clientApiKey(store.client as StashClient);
  const live = new LiveConnection(store, { apiKey, ...options });
  return store.attachLive?.(live) ?? live;
}
