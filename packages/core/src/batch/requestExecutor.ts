/**
 * Sends root ops as one document and routes the response. Stash's list and file queries are
 * non-null, so one of their errors nulls the whole `data`: then the ops that errored handle their
 * errors (a batch of ids splits, a single id is not found) and the others are sent again without
 * them. One request when nothing fails; a few more, only for the failing part, when something does.
 */
import { StashGraphQLError, type GraphQLErrorEntry, type StashError } from '../errors';
import type { WriteContext } from '../normalize/normalizer';
import type { StashClient } from '../transport/stashClient';
import { buildDocument } from './documentBuilder';
import type { RootOp } from './rootOp';

/** Runs `fn` inside one write batch of the store (one notification for the whole response). */
export type WriteBatch = <T>(fn: (ctx: WriteContext) => T) => T;

export class RequestExecutor {
  readonly #client: StashClient;
  readonly #write: WriteBatch;
  /** Called with every document sent (debugging, tests). */
  onRequest: ((query: string, variables: Record<string, unknown>) => void) | undefined;

  constructor(client: StashClient, write: WriteBatch) {
    this.#client = client;
    this.#write = write;
  }

  /** `signal` aborts the request in flight (and any follow-up round). */
  async run(ops: readonly RootOp[], operationName: string, signal?: AbortSignal): Promise<void> {
    let round = ops;
    for (;;) {
      // An op nobody needs any more is not sent again (a follow-up round after a split).
      round = round.filter((op) => op.dropped !== true);
      if (round.length === 0) return;
      round = await this.#round(round, operationName, signal);
    }
  }

  async #round(
    ops: readonly RootOp[],
    operationName: string,
    signal: AbortSignal | undefined,
  ): Promise<readonly RootOp[]> {
    const doc = buildDocument(ops, operationName);
    this.onRequest?.(doc.query, doc.variables);
    let result;
    try {
      result = await this.#client.request(
        doc.query,
        doc.variables,
        signal === undefined ? undefined : { signal },
      );
    } catch (error) {
      for (const op of ops) op.fail(error as StashError);
      return [];
    }
    const errors = result.errors ?? [];
    const byAlias = new Map<string, GraphQLErrorEntry[]>();
    const unrouted: GraphQLErrorEntry[] = [];
    for (const e of errors) {
      const alias = typeof e.path?.[0] === 'string' ? e.path[0] : undefined;
      const index = alias === undefined ? -1 : doc.aliases.indexOf(alias);
      if (index < 0) unrouted.push(e);
      else {
        let list = byAlias.get(alias!);
        if (list === undefined) byAlias.set(alias!, (list = []));
        list.push(e);
      }
    }
    if (unrouted.length > 0 || ((result.data === null || result.data === undefined) && byAlias.size === 0)) {
      // Errors tied to no root field (parse, validation): the document as a whole was refused.
      const error = new StashGraphQLError(
        `StashEntityStore: request failed: ${errors.map((e) => e.message).join('; ') || 'no data'}`,
        errors,
      );
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
        const follow = safeApply(op, (data as Record<string, unknown>)[alias], own ?? [], ctx);
        if (follow) next.push(...follow);
      });
    });
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
