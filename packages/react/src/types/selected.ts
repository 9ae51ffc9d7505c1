/**
 * Typed results: the entity type narrowed to the selected field specs, so
 * `useEntity('Scene', id, { fields: ['title', 'studio.name'] as const })` yields
 * `{ __typename; id; title: string | null; studio: { __typename; id; name: string } | null }`.
 * Specs use `.` or `__`; arguments (`scene_count(depth: -1)`) name the field before `(`.
 */

type Segments<S extends string> = S extends `${infer Head}.${infer Rest}`
  ? [...Segments<Head>, ...Segments<Rest>]
  : S extends `${infer Head}__${infer Rest}`
    ? [Head, ...Segments<Rest>]
    : [S];

type FieldName<S extends string> = S extends `${infer Name}(${string}` ? Name : S;

type Identity<V> = Pick<V, Extract<keyof V, '__typename' | 'id'>>;

// An entity (or embedded object) value narrowed along the remaining path; null and lists pass through.
type Narrow<V, Rest extends string[]> = V extends null
  ? null
  : V extends readonly (infer Item)[]
    ? Narrow<Item, Rest>[]
    : V extends object
      ? Rest extends []
        ? V extends { __typename: string; id: string }
          ? Identity<V> & Partial<V>
          : V
        : Identity<V> & PathPick<V, Rest>
      : V;

type PathPick<T, Path extends string[]> = Path extends [
  infer Head extends string,
  ...infer Rest extends string[],
]
  ? FieldName<Head> extends keyof T
    ? { readonly [K in FieldName<Head>]: Narrow<T[K], Rest> }
    : unknown
  : unknown;

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void
  ? I
  : never;

/** `E` narrowed to the specs in `F`; the whole `E` when `F` is not a literal list. */
export type Selected<E, F extends readonly string[] | undefined> = F extends readonly string[]
  ? string extends F[number]
    ? E
    : Identity<E> &
        UnionToIntersection<
          F[number] extends infer S ? (S extends string ? PathPick<E, Segments<S>> : never) : never
        >
  : E;
