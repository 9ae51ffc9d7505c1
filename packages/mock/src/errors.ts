/**
 * A resolver error that Stash would raise: thrown from a resolver (or from the filter/sort engine
 * a resolver calls), it becomes one entry of the response's `errors` array with the field's `path`,
 * and that field's data becomes null (propagating to the nearest nullable parent), as gqlgen does.
 * The message is Stash's own text (e.g. `scene with id 7 not found`, `invalid sort: foo`), without
 * the `MockStash:` prefix, because clients may match on it.
 */
export class MockStashError extends Error {
  override readonly name = 'MockStashError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** True for errors the mock raises on purpose (as opposed to bugs in the mock itself). */
export function isMockStashError(error: unknown): error is MockStashError {
  return error instanceof MockStashError;
}
