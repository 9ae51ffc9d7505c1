/**
 * `findIter`: lazy pages of `batch` items. The first page's `count` tells when to stop, so an
 * exact multiple costs no extra empty request, and breaking out of the loop fetches nothing more.
 */
import type { FindPage } from '../batch/findOp';
import { StashValidationError } from '../errors';

export interface FindProgress {
  /** Items yielded so far. */
  readonly loaded: number;
  /** Total matches reported by the server; `undefined` before the first page arrives. */
  readonly total: number | undefined;
}

export class FindIterator<T> implements AsyncIterable<T> {
  #loaded = 0;
  #total: number | undefined = undefined;
  #pages = 0;
  readonly #batch: number;
  readonly #fetchPage: (page: number) => Promise<FindPage<T>>;

  constructor(batch: number, fetchPage: (page: number) => Promise<FindPage<T>>) {
    this.#batch = batch;
    this.#fetchPage = fetchPage;
  }

  get progress(): FindProgress {
    return { loaded: this.#loaded, total: this.#total };
  }

  /** Pages requested so far. */
  get pagesFetched(): number {
    return this.#pages;
  }

  /**
   * Fetches page `n` (1-based, `batch` items) on its own, for bindings that page by number (retry a
   * failed page, refetch a window); it does not move the iteration.
   */
  async page(n: number): Promise<FindPage<T>> {
    if (!Number.isInteger(n) || n < 1)
      throw new StashValidationError(`FindIterator: page must be a positive integer, got ${String(n)}`);
    this.#pages++;
    const result = await this.#fetchPage(n);
    this.#total = result.count;
    return result;
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    for (let page = 1; ; page++) {
      this.#pages++;
      const result = await this.#fetchPage(page);
      this.#total = result.count;
      for (const item of result.items) {
        this.#loaded++;
        yield item;
      }
      if (result.items.length < this.#batch || page * this.#batch >= result.count) return;
    }
  }
}
