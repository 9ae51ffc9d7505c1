/**
 * The store's error hierarchy: one base class and a few subclasses. Reads never turn an error into
 * `null`; only "not found" is `null`.
 */

// A global symbol, so the ESM and the CJS build (two copies of each class) recognise each other's errors.
const BRAND = Symbol.for('@stashkit/core.StashError');

export class StashError extends Error {
  override name = 'StashError';
  /** The `name` of this class's errors; what `instanceof` compares across copies of the package. */
  static readonly errorName: string = 'StashError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    Object.defineProperty(this, BRAND, { value: true });
  }

  /** `instanceof` also holds for errors of the same class from another copy (ESM and CJS builds both loaded). */
  static override [Symbol.hasInstance](value: unknown): boolean {
    if (Function.prototype[Symbol.hasInstance].call(this, value)) return true;
    if (typeof value !== 'object' || value === null || (value as { [BRAND]?: unknown })[BRAND] !== true) {
      return false;
    }
    return this.errorName === 'StashError' || (value as Error).name === this.errorName;
  }
}

/** True for every error stashkit throws, whichever copy of the package (ESM or CJS) threw it. */
export function isStashError(value: unknown): value is StashError {
  return value instanceof StashError;
}

/** The request did not produce a GraphQL response (connection failure, HTTP status, abort). */
export class StashNetworkError extends StashError {
  override name = 'StashNetworkError';
  static override readonly errorName: string = 'StashNetworkError';
  /** HTTP status, when the server answered. */
  readonly status: number | undefined;
  constructor(message: string, options?: { status?: number; cause?: unknown }) {
    super(message, options);
    this.status = options?.status;
  }
}

export interface GraphQLErrorEntry {
  message: string;
  path?: ReadonlyArray<string | number>;
  locations?: ReadonlyArray<{ line: number; column: number }>;
  extensions?: Record<string, unknown>;
}

/** The server answered with GraphQL `errors` for the part of the request this error belongs to. */
export class StashGraphQLError extends StashError {
  override name = 'StashGraphQLError';
  static override readonly errorName: string = 'StashGraphQLError';
  readonly errors: readonly GraphQLErrorEntry[];
  constructor(message: string, errors: readonly GraphQLErrorEntry[], options?: { cause?: unknown }) {
    super(message, options);
    this.errors = errors;
  }
}

/** Bad input caught before any request: unknown type, field, filter key or suffix, wrongly typed value. */
export class StashValidationError extends StashError {
  override name = 'StashValidationError';
  static override readonly errorName: string = 'StashValidationError';
}

/** An entity that was required to exist does not (e.g. `getOrCreate(..., { createIfMissing: false })`). */
export class StashNotFoundError extends StashError {
  override name = 'StashNotFoundError';
  static override readonly errorName: string = 'StashNotFoundError';
}

/** `find` matched more than `FIND_LIMIT` entities; use `findIter`. */
export class FindLimitError extends StashError {
  override name = 'FindLimitError';
  static override readonly errorName: string = 'FindLimitError';
  readonly count: number;
  readonly limit: number;
  constructor(count: number, limit: number) {
    super(
      `StashEntityStore: query matched ${count} entities, more than the find limit of ${limit}; page through them with findPage() (numbered pages) or findIter() (all of them)`,
    );
    this.count = count;
    this.limit = limit;
  }
}

/** A cache-only read needed fields that some cached entity has not received. */
export class MissingFieldsError extends StashError {
  override name = 'MissingFieldsError';
  static override readonly errorName: string = 'MissingFieldsError';
  readonly typename: string;
  readonly id: string;
  readonly missing: readonly string[];
  constructor(typename: string, id: string, missing: readonly string[]) {
    super(
      `StashEntityStore: ${typename} ${id} is missing required fields: ${missing.join(', ')}; use filterAndPopulate()`,
    );
    this.typename = typename;
    this.id = id;
    this.missing = missing;
  }
}

/** The caller aborted (its `signal`): not a network failure. Nothing was written for the aborted part. */
export class StashAbortError extends StashError {
  override name = 'StashAbortError';
  static override readonly errorName: string = 'StashAbortError';
}
