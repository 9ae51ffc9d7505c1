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

// Several specs through one field are merged into one tree before the field's type is narrowed,
// so `['files.path', 'files.size']` gives `files: Array<{ path; size }>`, not `{ path }[] & { size }[]`
// (whose `map` would see one member only).

/** The field names at the head of `Paths` (a union of segment tuples). */
type Heads<Paths> = Paths extends [infer Head extends string, ...string[]] ? FieldName<Head> : never;

/** The remaining segments of the paths that start with field `K`. */
type Tails<Paths, K> = Paths extends [infer Head extends string, ...infer Rest extends string[]]
  ? FieldName<Head> extends K
    ? Rest
    : never
  : never;

/** `T` narrowed to the fields the paths name, each narrowed along its remaining paths. */
type Tree<T, Paths> = { readonly [K in Heads<Paths> & keyof T]: Narrow<T[K], Tails<Paths, K>> };

// A value narrowed along the remaining paths (a union of tuples, `[]` for "the field itself");
// null and lists pass through, so a list's element type carries every sub-field selected.
type Narrow<V, Rest> = V extends null
  ? null
  : V extends readonly (infer Item)[]
    ? Narrow<Item, Rest>[]
    : V extends object
      ? [Rest] extends [[]]
        ? Whole<V>
        : Identity<V> & Tree<V, Exclude<Rest, []>> & ([] extends Rest ? Whole<V> : unknown)
      : V;

// A link named without sub-fields: its identity plus whatever is cached; an embedded object in full.
type Whole<V> = V extends { __typename: string; id: string } ? Identity<V> & Partial<V> : V;

/** `E` narrowed to the specs in `F`; the whole `E` when `F` is not a literal list. */
export type Selected<E, F extends readonly string[] | undefined> = F extends readonly string[]
  ? string extends F[number]
    ? E
    : Identity<E> & Tree<E, F[number] extends infer S ? (S extends string ? Segments<S> : never) : never>
  : E;
