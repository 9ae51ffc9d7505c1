/**
 * `MutationObserver`: pending, error and result state around one async store write (`useSave`,
 * `useDelete`). Each `mutate` supersedes the previous one's state; the promise still settles for
 * the caller. Failures land in state (and reject the promise), never silently.
 */
import type { StashError } from '../errors';
import { toStashError } from './entityObserver';
import { Subscribable } from './subscribable';

export type MutationStatus = 'idle' | 'pending' | 'success' | 'error';

export interface MutationResult<A extends unknown[], R> {
  readonly status: MutationStatus;
  readonly isPending: boolean;
  readonly error: StashError | null;
  readonly data: R | undefined;
  readonly mutate: (...args: A) => Promise<R>;
  /** Back to `idle` (clears error and data). */
  readonly reset: () => void;
}

export class MutationObserver<A extends unknown[], R> extends Subscribable {
  #run: (...args: A) => Promise<R>;
  #result: MutationResult<A, R>;
  #current = 0;

  constructor(run: (...args: A) => Promise<R>) {
    super();
    this.#run = run;
    this.mutate = this.mutate.bind(this);
    this.reset = this.reset.bind(this);
    this.getResult = this.getResult.bind(this);
    this.#result = this.#make('idle', null, undefined);
  }

  /** The function to run (bindings pass a fresh closure over the current store). */
  setRun(run: (...args: A) => Promise<R>): void {
    this.#run = run;
  }

  getResult(): MutationResult<A, R> {
    return this.#result;
  }

  mutate(...args: A): Promise<R> {
    const id = ++this.#current;
    this.#set(this.#make('pending', null, undefined));
    let promise: Promise<R>;
    try {
      promise = this.#run(...args);
    } catch (error) {
      promise = Promise.reject(error);
    }
    return promise.then(
      (data) => {
        if (id === this.#current) this.#set(this.#make('success', null, data));
        return data;
      },
      (error: unknown) => {
        const failure = toStashError(error);
        if (id === this.#current) this.#set(this.#make('error', failure, undefined));
        throw failure;
      },
    );
  }

  reset(): void {
    this.#current++;
    this.#set(this.#make('idle', null, undefined));
  }

  #make(status: MutationStatus, error: StashError | null, data: R | undefined): MutationResult<A, R> {
    return { status, isPending: status === 'pending', error, data, mutate: this.mutate, reset: this.reset };
  }

  #set(result: MutationResult<A, R>): void {
    this.#result = result;
    this.notify();
  }
}
