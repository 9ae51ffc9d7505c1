/**
 * TypeScript types of the filter DSL, derived from the generated filter input types, so
 * `StashFilter<'Scene'>` accepts `title__icontains: string`, `rating100__between: [number, number]`,
 * `tags__includes: { value: ids, depth: -1 }`... and rejects unknown keys in object literals.
 */
import type { EntityFilterTypes } from '../schema/generated/types';

/** Entity types that have a filter input. */
export type FilterableType = keyof EntityFilterTypes;

/** An untyped DSL filter (for type names known only at run time). */
export interface FilterInput {
  [key: string]: unknown;
  AND?: FilterInput | readonly FilterInput[];
  OR?: FilterInput | readonly FilterInput[];
  NOT?: FilterInput;
}

type Id = string | number;
type Ids = Id | readonly Id[];

interface StringLookups {
  exact: string;
  iexact: string;
  contains: string;
  icontains: string;
  startswith: string;
  istartswith: string;
  endswith: string;
  iendswith: string;
  in: readonly string[];
  includes: string;
  excludes: string;
  regex: string;
  iregex: string;
  not_regex: string;
  not_iregex: string;
  ne: string;
  null: boolean;
  notnull: boolean;
}

interface RangeLookups<V> {
  exact: V;
  ne: V;
  gt: V;
  gte: V;
  lt: V;
  lte: V;
  between: readonly [V, V];
  not_between: readonly [V, V];
  null: boolean;
  notnull: boolean;
}

type MultiValue<Depth extends boolean> =
  | Ids
  | (Depth extends true
      ? { value: Ids; depth?: number; excludes?: readonly Id[] }
      : { value: Ids; excludes?: readonly Id[] });

interface MultiLookups<Depth extends boolean> {
  exact: MultiValue<Depth>;
  in: MultiValue<Depth>;
  includes: MultiValue<Depth>;
  includes_all: MultiValue<Depth>;
  excludes: MultiValue<Depth>;
  null: boolean;
  notnull: boolean;
}

interface ResolutionLookups<E> {
  exact: E;
  ne: E;
  gt: E;
  gte: E;
  lt: E;
  lte: E;
}

interface ChoiceLookups<E> {
  exact: E | readonly E[];
  in: E | readonly E[];
  includes: E | readonly E[];
  excludes: E | readonly E[];
  ne: E | readonly E[];
  null: boolean;
  notnull: boolean;
}

interface SingleLookups {
  exact: string;
  ne: string;
  null: boolean;
  notnull: boolean;
}

type NoLookups = Record<never, never>;

/** Suffix → value type for a criterion input type `C` (mirrors `criterionShape`). */
type LookupsOf<C> = C extends { value: number; modifier: unknown }
  ? 'value2' extends keyof C
    ? RangeLookups<number>
    : NoLookups
  : C extends { value: string; modifier: unknown }
    ? string extends C['value']
      ? 'value2' extends keyof C
        ? RangeLookups<string | Date>
        : 'distance' extends keyof C
          ? SingleLookups
          : StringLookups
      : ResolutionLookups<C extends { value: infer E } ? E : never>
    : C extends { value?: Array<infer E> | null; modifier: unknown }
      ? string extends E
        ? MultiLookups<'depth' extends keyof C ? true : false>
        : ChoiceLookups<E>
      : 'stash_id' extends keyof C
        ? SingleLookups
        : 'value_list' extends keyof C
          ? ChoiceLookups<NonNullable<C extends { value?: infer E } ? E : never>>
          : C extends { value: Array<infer E> }
            ? { in: E | readonly E[]; includes: E | readonly E[] }
            : NoLookups;

/** Value of the bare key: the shorthand of `exact`-like lookups, or a raw criterion object. */
type BareOf<C> =
  | C
  | (LookupsOf<C> extends { exact: infer V } ? V : never)
  | (C extends { value: Array<infer E> } ? E | readonly E[] : never)
  | (C extends { duplicated?: unknown } ? boolean : never);

type Equals<A, B> = (<G>() => G extends A ? 1 : 2) extends <G>() => G extends B ? 1 : 2 ? true : false;

/** True when `V` is one of the entity filter inputs `Fs` (VideoFileFilterInput looks alike but is not). */
type IsFilter<V, Fs> = true extends { [T in keyof Fs]: Equals<V, Fs[T]> }[keyof Fs] ? true : false;

/** `[key, value]` pairs a filter field contributes. */
type Entries<K extends string, V, Fs> = V extends readonly unknown[]
  ? [K, V]
  : V extends object
    ? IsFilter<V, Fs> extends true
      ? [K, DslOf<V, Fs>]
      : K extends 'AND' | 'OR' | 'NOT'
        ? never
        : 'modifier' extends keyof V
          ? | [K, BareOf<V>]
            | { [S in keyof LookupsOf<V> & string]: [`${K}__${S}`, LookupsOf<V>[S]] }[keyof LookupsOf<V> &
                string]
          : V extends { value: unknown[] }
            ? | [K, BareOf<V>]
              | { [S in keyof LookupsOf<V> & string]: [`${K}__${S}`, LookupsOf<V>[S]] }[keyof LookupsOf<V> &
                  string]
            : [K, BareOf<V>]
    : K extends `has_${string}`
      ? [K, V | boolean]
      : [K, V];

type Pairs<F, Fs> = {
  [K in keyof F & string]-?: K extends 'AND' | 'OR' | 'NOT' ? never : Entries<K, NonNullable<F[K]>, Fs>;
}[keyof F & string];

/**
 * The DSL for the filter input type `F`; `Fs` maps typenames to the entity filter inputs (nested
 * `*_filter` fields), the bundled model's by default, a generated model's for `createStashStore({ model })`.
 */
export type DslOf<F, Fs = EntityFilterTypes> = { [P in Pairs<F, Fs> as P[0]]?: P[1] } & ('AND' extends keyof F
  ? {
      AND?: DslOf<F, Fs> | readonly DslOf<F, Fs>[];
      OR?: DslOf<F, Fs> | readonly DslOf<F, Fs>[];
      NOT?: DslOf<F, Fs>;
    }
  : NoLookups);

/** The DSL filter for entity `T`: `StashFilter<'Scene'>`. */
export type StashFilter<T extends FilterableType> = DslOf<EntityFilterTypes[T]>;
