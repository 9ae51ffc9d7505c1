/** Public types of the store facade. */
import type { DslOf, FilterInput } from '../filter/filterTypes';
import type { FindFilterOptions } from '../filter/compileFindFilter';
import type { SchemaTypes, TypedSchemaModel } from '../schema/defineSchemaModel';
import type { StashTypes } from '../schema/generated/types';
import type { EntitySnapshot } from '../records/storeRecord';
import type { RecordSource } from '../records/recordSource';
import type { Clock } from '../shared/clock';
import type { StashTimers } from '../shared/timers';
import type { RetryOption } from '../batch/retryPolicy';

/** Any entity snapshot; the generated interfaces (`Scene`, `Performer`...) describe each type. */
export type StashEntity = EntitySnapshot & { readonly [field: string]: unknown };

/** Entity typenames of the schema types `S` (the bundled model's by default). */
export type EntityTypeNameOf<S extends SchemaTypes = StashTypes> = keyof S['entities'] & string;

/** Typenames the store reads: entity kinds, plus the abstract file types for cache lookups. */
export type EntityTypeArg<S extends SchemaTypes = StashTypes> =
  EntityTypeNameOf<S> | (keyof S['abstracts'] & string);

/** The snapshot type of a typename (`'Scene'` → `Scene`), from the schema types `S`. */
export type EntityOf<T extends string, S extends SchemaTypes = StashTypes> = T extends keyof S['entities']
  ? S['entities'][T]
  : T extends keyof S['abstracts']
    ? S['abstracts'][T]
    : StashEntity;

/** The full entity type of a snapshot type (`Selected<Scene, …>` → `Scene`). */
export type EntityOfSnapshot<E, S extends SchemaTypes = StashTypes> = E extends {
  readonly __typename: infer N extends string;
}
  ? EntityOf<N, S>
  : StashEntity;

/** The DSL filter accepted by `find` for a type. */
export type FiltersOf<T extends string, S extends SchemaTypes = StashTypes> = T extends keyof S['filters']
  ? DslOf<S['filters'][T], S['filters']>
  : FilterInput;

/** A `fields` option: any iterable of specs; a literal list narrows the result (`Selected`). */
export type FieldSpecs = Iterable<string> | undefined;

export interface ReadOptions<F extends FieldSpecs = FieldSpecs> {
  /**
   * Field specs (`'studio.name'`, `'studio__name'`, `'scene_count(depth: -1)'`). A literal list
   * narrows the result to those fields, and a misspelt literal spec does not compile.
   */
  fields?: F;
  /** Refetch the fields even if cached and fresh. */
  forceRefetch?: boolean;
  /**
   * Aborts this read: its promise rejects with `StashAbortError` at once; the fetch itself is
   * dropped (or its request aborted) only when no other read still needs it.
   */
  signal?: AbortSignal;
  /** Retries on network errors, 5xx and 429 (default: the store's, 3); `false` disables them. */
  retry?: RetryOption;
}

/** `populate` options. */
export interface PopulateOptions {
  /** Refetch the fields even if cached and fresh. */
  forceRefetch?: boolean;
  signal?: AbortSignal;
  retry?: RetryOption;
}

/** `save`, `saveBatch`, `saveAll` and `delete` options. */
export interface WriteOptions {
  /**
   * Aborts the mutation: its promise rejects with `StashAbortError`. A mutation already sent may
   * still run on the server, so its fields are marked stale (see `mutations/README.md`).
   */
  signal?: AbortSignal;
}

/** `find` options, separate from the filters: search text, sort, direction, and the fields to select. */
export interface FindCallOptions<F extends FieldSpecs = FieldSpecs> extends Pick<
  FindFilterOptions,
  'q' | 'sort' | 'direction'
> {
  /** Field specs of each item; a literal list narrows the items (`Selected`). */
  fields?: F;
  /**
   * Aborts the list query: its promise rejects with `StashAbortError` at once, and its result is
   * not written; the request itself is aborted when nothing else coalesced into it is needed.
   */
  signal?: AbortSignal;
  /** Retries on network errors, 5xx and 429 (default: the store's, 3); `false` disables them. */
  retry?: RetryOption;
}

export interface FindIterOptions<F extends FieldSpecs = FieldSpecs> extends FindCallOptions<F> {
  /** Page size (default `DEFAULT_QUERY_BATCH`, 40). */
  batch?: number;
}

/** `findPage` options: a numbered page of `perPage` items, sorted and searched as in `find`. */
export interface FindPageOptions<F extends FieldSpecs = FieldSpecs> extends FindCallOptions<F> {
  /** 1-based page number (default 1). */
  page?: number;
  /** Items per page, 1 to `FIND_LIMIT` (default `DEFAULT_QUERY_BATCH`, 40). */
  perPage?: number;
}

/** The aggregates Stash reports for a type's list query, next to `count`. */
export type PageAggregates<T extends string> = T extends 'Scene'
  ? { readonly duration: number; readonly filesize: number }
  : T extends 'Image'
    ? { readonly megapixels: number; readonly filesize: number }
    : T extends 'VideoFile' | 'ImageFile' | 'GalleryFile' | 'BasicFile'
      ? { readonly megapixels: number; readonly duration: number; readonly size: number }
      : unknown;

/** One numbered page: its items, the total `count`, the number of `pages`, and the type's aggregates. */
export type FindPageResult<T extends string, D = EntityOf<T>> = {
  /** The page's items in server order (current snapshots). */
  readonly items: readonly D[];
  /** Matches on the server, all pages. */
  readonly count: number;
  readonly page: number;
  readonly perPage: number;
  /** `ceil(count / perPage)`: 0 when nothing matches. */
  readonly pages: number;
} & PageAggregates<T>;

export interface CacheStats {
  /** Records held (tombstones excluded), fresh or stale. */
  totalEntries: number;
  byType: Record<string, number>;
  /** Of those, how many are stale (TTL passed or invalidated). */
  expired: number;
}

export interface StashEntityStoreOptions<S extends SchemaTypes = StashTypes> {
  /**
   * Runtime schema model (default: the bundled model of Stash develop after v0.30.1). A model
   * written by `npx @stashkit/codegen` for another Stash version also types the store by it.
   */
  model?: TypedSchemaModel<S>;
  /** Default TTL in seconds; `null` = never stale. Default `DEFAULT_TTL` (1800). */
  defaultTtl?: number | null;
  /** Clock in ms for TTL (inject a fake one in tests); `timers.now` wins when both are given. */
  now?: Clock;
  /** The clock, the coalescing tick and delays (retry backoff, suspense outcomes): fake them in tests. */
  timers?: Partial<StashTimers>;
  /**
   * Retries of reads (and idempotent mutations) on network errors, 5xx and 429: default 3, with
   * exponential backoff and jitter; `false` disables them. Calls can override it.
   */
  retry?: RetryOption;
  /** Where records live (default: an in-memory `MapRecordSource`). */
  source?: RecordSource;
  /** Freeze snapshots (default: on unless `NODE_ENV === 'production'`). */
  freeze?: boolean;
}
