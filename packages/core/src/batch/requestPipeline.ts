/**
 * The one way a store talks to the server, for reads and mutations alike: each attempt takes a
 * write sequence number when it is sent (answers are applied as of then), is counted, honours its
 * `signal` (an abort is a `StashAbortError`, also while waiting to retry) and, when idempotent,
 * is retried on network errors, 5xx and 429 with exponential backoff and jitter.
 */
import {
  StashAbortError,
  StashError,
  StashGraphQLError,
  StashNetworkError,
  type GraphQLErrorEntry,
} from '../errors';
import type { StashTimers } from '../shared/timers';
import type { WriteSequence } from '../tracking/writeSequence';
import type { GraphQLResult, StashClient } from '../transport/transportClient';
import { RetryPolicy, type RetryOption } from './retryPolicy';

export interface SendOptions {
  readonly signal?: AbortSignal | undefined;
  /** Per call: overrides the store's retry policy (`false`: no retry). */
  readonly retry?: RetryOption | undefined;
  /** Safe to send twice (reads, updates). Non-idempotent requests are never retried. */
  readonly idempotent: boolean;
  /** A mutation: reads sent before it are not shared by reads asked after it. */
  readonly mutation?: boolean;
  /** Called with each attempt's sequence as it is sent (a failure may still have run on the server). */
  readonly sent?: (seq: number) => void;
}

export interface Sent {
  /** Sequence of the attempt that answered (taken when it was sent). */
  readonly seq: number;
  readonly result: GraphQLResult;
  /** Call once the answer is applied: until then, stale marks also cover fields it may bring back. */
  readonly done: () => void;
}

export function abortError(what = 'request'): StashAbortError {
  return new StashAbortError(`StashEntityStore: ${what} aborted`);
}

/** `StashEntityStore: <what> failed: <the server's messages>`, carrying them. */
export function graphQLFailure(what: string, errors: readonly GraphQLErrorEntry[]): StashGraphQLError {
  return new StashGraphQLError(
    `StashEntityStore: ${what} failed: ${errors.map((e) => e.message).join('; ') || 'no data'}`,
    errors,
  );
}

export class RequestPipeline {
  readonly #client: StashClient;
  readonly #sequence: WriteSequence;
  readonly #timers: StashTimers;
  readonly #retry: RetryPolicy;
  /** HTTP requests sent (every attempt). */
  requests = 0;
  /** Called with every document sent (debugging, tests). */
  onRequest: ((query: string, variables: Record<string, unknown>) => void) | undefined;

  constructor(client: StashClient, sequence: WriteSequence, timers: StashTimers, retry: RetryPolicy) {
    this.#client = client;
    this.#sequence = sequence;
    this.#timers = timers;
    this.#retry = retry;
  }

  get sequence(): WriteSequence {
    return this.#sequence;
  }

  /** Sends `query`; resolves with the answer and its sequence, rejects with a `StashError`. */
  async send(query: string, variables: Record<string, unknown>, options: SendOptions): Promise<Sent> {
    const { signal } = options;
    const policy = options.retry === undefined ? this.#retry : new RetryPolicy(options.retry, this.#retry);
    for (let attempt = 1; ; attempt++) {
      if (aborted(signal)) throw abortError();
      const seq = options.mutation === true ? this.#sequence.nextBarrier() : this.#sequence.next();
      this.requests++;
      this.onRequest?.(query, variables);
      options.sent?.(seq);
      this.#sequence.open(seq);
      try {
        const result = await this.#client.request(
          query,
          variables,
          signal === undefined ? undefined : { signal },
        );
        return { seq, result, done: () => this.#sequence.close(seq) };
      } catch (error) {
        this.#sequence.close(seq);
        if (aborted(signal)) throw abortError();
        const failure =
          error instanceof StashError
            ? error
            : new StashNetworkError(`StashEntityStore: request failed: ${String(error)}`, { cause: error });
        if (!options.idempotent || !policy.shouldRetry(failure, attempt)) throw failure;
        await this.#wait(policy.delayMs(attempt), signal);
      }
    }
  }

  #wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        cancel();
        reject(abortError());
      };
      const cancel = this.#timers.delay(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }
}

/** GraphQL errors by the alias (first path element) they belong to, and those tied to no alias. */
export function routeErrors(
  errors: readonly GraphQLErrorEntry[] | undefined,
  aliases: readonly string[],
): { byAlias: Map<string, GraphQLErrorEntry[]>; unrouted: GraphQLErrorEntry[] } {
  const byAlias = new Map<string, GraphQLErrorEntry[]>();
  const unrouted: GraphQLErrorEntry[] = [];
  for (const e of errors ?? []) {
    const alias = typeof e.path?.[0] === 'string' ? e.path[0] : undefined;
    if (alias === undefined || !aliases.includes(alias)) unrouted.push(e);
    else {
      let list = byAlias.get(alias);
      if (list === undefined) byAlias.set(alias, (list = []));
      list.push(e);
    }
  }
  return { byAlias, unrouted };
}

// A function, so the compiler does not narrow `aborted` across awaits.
function aborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}
