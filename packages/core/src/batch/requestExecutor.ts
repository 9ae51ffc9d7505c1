/**
 * Sends root ops as one document and routes the response. Stash's list and file queries are
 * non-null, so one of their errors nulls the whole `data`: then the ops that errored handle their
 * errors (a batch of ids splits, a single id is not found) and the others are sent again without
 * them. One request when nothing fails; a few more, only for the failing part, when something does.
 */
import { StashError, type GraphQLErrorEntry } from '../errors';
import type { WriteContext } from '../normalize/normalizer';
import { buildDocument } from './documentBuilder';
import { graphQLFailure, routeErrors, type RequestPipeline, type Sent } from './requestPipeline';
import type { RetryOption } from './retryPolicy';
import type { RootOp } from './rootOp';

/** Runs `fn` inside one write batch of the store (one notification for the whole response). */
export type WriteBatch = <T>(fn: (ctx: WriteContext) => T, seq?: number) => T;

export class RequestExecutor {
  readonly #pipeline: RequestPipeline;
  readonly #write: WriteBatch;

  constructor(pipeline: RequestPipeline, write: WriteBatch) {
    this.#pipeline = pipeline;
    this.#write = write;
  }

  /** `signal` aborts the request in flight (and any follow-up round); `retry` overrides the store's policy. */
  async run(
    ops: readonly RootOp[],
    operationName: string,
    signal?: AbortSignal,
    retry?: RetryOption,
  ): Promise<void> {
    let round = ops;
    for (;;) {
      // An op nobody needs any more is not sent again (a follow-up round after a split).
      round = round.filter((op) => op.dropped !== true);
      if (round.length === 0) return;
      round = await this.#round(round, operationName, signal, retry);
    }
  }

  async #round(
    ops: readonly RootOp[],
    operationName: string,
    signal: AbortSignal | undefined,
    retry: RetryOption | undefined,
  ): Promise<readonly RootOp[]> {
    const doc = buildDocument(ops, operationName);
    let sent;
    try {
      sent = await this.#pipeline.send(doc.query, doc.variables, { signal, retry, idempotent: true });
    } catch (error) {
      for (const op of ops) op.fail(error as StashError);
      return [];
    }
    try {
      return this.#apply(ops, doc, sent);
    } finally {
      sent.done();
    }
  }

  #apply(ops: readonly RootOp[], doc: ReturnType<typeof buildDocument>, sent: Sent): readonly RootOp[] {
    const { seq, result } = sent;
    const errors = result.errors ?? [];
    const { byAlias, unrouted } = routeErrors(errors, doc.aliases);
    if (unrouted.length > 0 || ((result.data === null || result.data === undefined) && byAlias.size === 0)) {
      // Errors tied to no root field (parse, validation): the document as a whole was refused.
      const error = graphQLFailure('request', errors);
      for (const op of ops) op.fail(error);
      return [];
    }
    const next: RootOp[] = [];
    const data = result.data;
    this.#write((ctx) => {
      ops.forEach((op, i) => {
        // Aborted by its consumer while the request was in flight: its result is not written.
        if (op.dropped === true) return;
        const alias = doc.aliases[i];
        const own = byAlias.get(alias);
        if (data === null || data === undefined) {
          // Nothing was applied: errored ops settle (or split), the others go again.
          if (own === undefined) next.push(op);
          else {
            const follow = safeApply(op, undefined, own, ctx);
            if (follow) next.push(...follow);
          }
          return;
        }
        if (own === undefined && !Object.hasOwn(data, alias)) {
          // A 200 answer without the field asked for is a protocol error, not "not found".
          op.fail(new StashError(`StashEntityStore: malformed answer: ${op.field} (${alias}) is missing`));
          return;
        }
        const follow = safeApply(op, (data as Record<string, unknown>)[alias], own ?? [], ctx);
        if (follow) next.push(...follow);
      });
    }, seq);
    return next;
  }
}

function safeApply(
  op: RootOp,
  data: unknown,
  errors: readonly GraphQLErrorEntry[],
  ctx: WriteContext,
): readonly RootOp[] | void {
  try {
    return op.apply(data, errors, ctx);
  } catch (error) {
    op.fail(error as StashError);
  }
}
