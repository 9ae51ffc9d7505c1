/** A GraphQL error entry as it appears in a response. */
export interface InjectedGraphQLError {
  message: string;
  path?: (string | number)[];
  extensions?: Record<string, unknown>;
}

/**
 * What to do to one request. Several can be combined: latency applies first, then `drop`,
 * then `status`, then `graphqlErrors`; `partial` alters an otherwise normal result.
 */
export interface Fault {
  /** Extra delay before answering (or dropping). */
  latencyMs?: number;
  /** Answer with this HTTP status (e.g. 500) and `body` (default: a plain-text reason), without executing. */
  status?: number;
  body?: string;
  /** Destroy the connection without any response (a real socket destroy on the HTTP server). */
  drop?: boolean;
  /** Answer HTTP 200 with these errors and `data: null`, without executing. */
  graphqlErrors?: InjectedGraphQLError[];
  /** Execute normally, then null out each path in `data` and add an error for it (partial data). */
  partial?: { path: (string | number)[]; message?: string }[];
}

/** Which requests a fault rule applies to: an operation name, a pattern over it, or a predicate. */
export type FaultMatcher =
  | string
  | RegExp
  | ((request: { operationName: string | null; query: string; variables: unknown }) => boolean);

interface Rule {
  match: FaultMatcher;
  fault: Fault;
  remaining: number;
}

/**
 * Per-request fault injection. `next(fault)` queues a fault for the next request (FIFO; one per
 * request); `add(match, fault, { times })` applies to matching requests (`times` default: every time)
 * and returns a function that removes the rule. Queued faults win over rules.
 */
export class FaultController {
  private queue: Fault[] = [];
  private rules: Rule[] = [];

  next(fault: Fault): this {
    this.queue.push(fault);
    return this;
  }

  add(match: FaultMatcher, fault: Fault, options: { times?: number } = {}): () => void {
    const rule: Rule = { match, fault, remaining: options.times ?? Infinity };
    this.rules.push(rule);
    return () => {
      this.rules = this.rules.filter((r) => r !== rule);
    };
  }

  clear(): void {
    this.queue = [];
    this.rules = [];
  }

  /** Faults still queued or rules still active. */
  get pending(): number {
    return this.queue.length + this.rules.length;
  }

  /** Picks (and consumes) the fault for one request, if any. */
  take(request: { operationName: string | null; query: string; variables: unknown }): Fault | null {
    const queued = this.queue.shift();
    if (queued) return queued;
    for (const rule of this.rules) {
      if (!matches(rule.match, request)) continue;
      rule.remaining--;
      if (rule.remaining <= 0) this.rules = this.rules.filter((r) => r !== rule);
      return rule.fault;
    }
    return null;
  }
}

function matches(
  match: FaultMatcher,
  request: { operationName: string | null; query: string; variables: unknown },
): boolean {
  if (typeof match === 'string') return request.operationName === match;
  if (match instanceof RegExp) return request.operationName !== null && match.test(request.operationName);
  return match(request);
}
