/** A GraphQL error entry as it appears in a response. */
export interface InjectedGraphQLError {
  message: string;
  path?: (string | number)[];
  extensions?: Record<string, unknown>;
}

/**
 * What to do to one request. Several can be combined: latency applies first, then `drop`,
 * then `status`, then `graphqlErrors`; `partial` alters an otherwise normal result, then `rewrite`
 * replaces it. With
 * `afterExecute`, the request runs first (its writes happen) and `drop`/`status` replace the answer:
 * a mutation that ran on the server but whose answer the client never got. `hold` keeps the
 * answer of an executed request until released (see `FaultController.hold`).
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
  /**
   * Execute normally, then answer HTTP 200 with what this returns instead of the result (a
   * malformed answer: a missing alias, a wrong `__typename`, a list result without `count`).
   */
  rewrite?: (body: { data: Record<string, unknown> | null; errors?: InjectedGraphQLError[] }) => unknown;
  /** Execute the request before applying `drop` or `status` (the server's state changed). */
  afterExecute?: boolean;
  /** Hold the executed answer until `gate.release()` (built by `FaultController.hold`). */
  hold?: HoldGate;
}

/**
 * A held answer: the request has executed (its result is fixed) but is not sent until `release()`,
 * so a test can make an older answer land after a newer one without waiting for real time.
 */
export interface HeldResponse {
  /** Resolves once a matching request has executed and its answer is being held. */
  readonly executed: Promise<void>;
  /** Sends the held answer (or lets a later matching request through at once). */
  release(): void;
}

/** The mock's side of a held answer. */
export class HoldGate implements HeldResponse {
  readonly executed: Promise<void>;
  #reached!: () => void;
  #release!: () => void;
  readonly #released: Promise<void>;

  constructor() {
    this.executed = new Promise((resolve) => (this.#reached = resolve));
    this.#released = new Promise((resolve) => (this.#release = resolve));
  }

  release(): void {
    this.#release();
  }

  /** Called by the mock with the executed answer: waits for `release()`. */
  async wait(): Promise<void> {
    this.#reached();
    await this.#released;
  }
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

  /**
   * Holds the answer of the next request (or of the next one matching `match`) after it executed:
   * `await held.executed`, do other requests, then `held.release()` to let the old answer land.
   */
  hold(match?: FaultMatcher, fault: Omit<Fault, 'hold'> = {}): HeldResponse {
    const gate = new HoldGate();
    if (match === undefined) this.next({ ...fault, hold: gate });
    else this.add(match, { ...fault, hold: gate }, { times: 1 });
    return gate;
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
