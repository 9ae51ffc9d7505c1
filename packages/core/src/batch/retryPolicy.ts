/**
 * When a request is sent again: reads (and idempotent mutations) on a network failure, a 5xx or a
 * 429, up to `retries` times with exponential backoff and full jitter. Non-idempotent mutations
 * (`sceneAddO`...) are never retried: the first attempt may have run.
 */
import { StashNetworkError, StashValidationError } from '../errors';

/** `false`: never; a number: that many retries; an object: retries and backoff. */
export type RetryOption = false | number | RetryConfig;

export interface RetryConfig {
  /** Retries after the first attempt (default 3). */
  retries?: number;
  /** First backoff in ms (default 200); each retry doubles it, up to `maxDelayMs`. */
  baseDelayMs?: number;
  /** Longest backoff in ms (default 5000). */
  maxDelayMs?: number;
}

export const DEFAULT_RETRIES = 3;

export class RetryPolicy {
  readonly retries: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;

  constructor(option: RetryOption | undefined, fallback?: RetryPolicy) {
    const config: RetryConfig =
      option === false ? { retries: 0 } : typeof option === 'number' ? { retries: option } : (option ?? {});
    this.retries = check(config.retries, fallback?.retries ?? DEFAULT_RETRIES, 'retries');
    this.baseDelayMs = check(config.baseDelayMs, fallback?.baseDelayMs ?? 200, 'baseDelayMs');
    this.maxDelayMs = check(config.maxDelayMs, fallback?.maxDelayMs ?? 5000, 'maxDelayMs');
  }

  /** Whether `error` after `attempt` failed attempts (1 = the first) may be retried. */
  shouldRetry(error: unknown, attempt: number): boolean {
    if (attempt > this.retries || !(error instanceof StashNetworkError)) return false;
    const status = error.status;
    return status === undefined || status >= 500 || status === 429;
  }

  /** Backoff before retry `attempt` (1-based): a random delay up to base × 2^(attempt-1), capped. */
  delayMs(attempt: number, random: () => number = Math.random): number {
    const ceiling = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** (attempt - 1));
    return Math.round(ceiling * random());
  }
}

function check(value: number | undefined, fallback: number, what: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new StashValidationError(
      `StashEntityStore: retry ${what} must be an integer >= 0, got ${String(value)}`,
    );
  }
  return value;
}
