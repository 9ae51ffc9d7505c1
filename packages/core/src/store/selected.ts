/**
 * Typed reads: the entity type narrowed to the selected field specs, so
 * `store.get('Scene', id, { fields: ['title', 'studio.name'] })` (and the hooks) yield
 * `{ __typename; id; title: string | null; studio: { __typename; id; name: string } | null }`,
 * and `CheckedSpecs` turns a misspelt literal spec (`'titel'`, `'studio.nmae'`, `'studio__nmae'`)
 * into a compile error at the call site. Specs use `.` or `__`; arguments
 * (`scene_count(depth: -1)`) name the field before `(`. Non-literal spec lists (`string[]`, a
 * `Set`) keep the whole entity type and are checked at run time only.
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

/** The literal specs of `F`, or `never` when `F` is not a literal list. */
type LiteralSpecs<F> = F extends readonly string[] ? (string extends F[number] ? never : F[number]) : never;

/** `E` narrowed to the specs in `F`; the whole `E` when `F` is not a literal list (or absent). */
export type Selected<E, F> = [LiteralSpecs<F>] extends [never]
  ? E
  : Identity<E> & Tree<E, LiteralSpecs<F> extends infer S ? (S extends string ? Segments<S> : never) : never>;

// ---- call-site checks ----

/** A field value's object type: null and lists stripped (members of an abstract type kept apart). */
type Unwrap<V> = NonNullable<V> extends readonly (infer Item)[] ? NonNullable<Item> : NonNullable<V>;

/** The type of field `K` on any member of the union `O`. */
type FieldOf<O, K extends string> = O extends unknown ? (K extends keyof O ? O[K] : never) : never;
type KeysOf<O> = O extends unknown ? keyof O : never;

/** Whether the segments name fields all the way down (sub-fields only on object values). */
type ValidPath<V, Segs> = Segs extends [infer Head extends string, ...infer Rest]
  ? Unwrap<V> extends infer O
    ? [O] extends [object]
      ? FieldName<Head> extends KeysOf<O>
        ? ValidPath<FieldOf<O, FieldName<Head>>, Rest>
        : false
      : false
    : false
  : true;

/** The key a misspelt spec adds to the expected type: its text shows in the compile error. */
export type UnknownFieldSpec<S extends string> = `StashEntityStore: unknown field spec "${S}"`;

// Quoted arguments may hold separators (`a(x: "1.2")`): those specs are checked at run time only.
type IsValidSpec<E, S extends string> = S extends `${string}"${string}` ? true : ValidPath<E, Segments<S>>;

/** The literal specs of `F` that name no field of `E`. */
type UnknownSpecs<E, F> =
  LiteralSpecs<F> extends infer S
    ? S extends string
      ? IsValidSpec<E, S> extends true
        ? never
        : S
      : never
    : never;

/**
 * What `fields: F & CheckedSpecs<E, NoInfer<F>>` adds to `F`: nothing when every literal spec names
 * a field of `E` (or `F` is not a literal list); otherwise one required key per misspelt spec, so
 * the call does not compile and the error names the spec:
 * `Property '"StashEntityStore: unknown field spec \"titel\""' is missing in type '["titel"]'`.
 */
export type CheckedSpecs<E, F> = [UnknownSpecs<E, F>] extends [never]
  ? unknown
  : { readonly [S in UnknownFieldSpec<UnknownSpecs<E, F>>]: true };

// ---- binding data without a field list ----

/** The small set's field of a linked type: the first of `name`, `title`, `path` it has. */
type SmallKey<V> = 'name' extends keyof V
  ? 'name'
  : 'title' extends keyof V
    ? 'title'
    : 'path' extends keyof V
      ? 'path'
      : never;

/** A link read without sub-fields: its identity and, when that was received, its small set. */
export type LinkStub<V> = V extends unknown ? Identity<V> & { readonly [K in SmallKey<V>]?: V[K] } : never;

/** An embedded object in full, entities inside it as their identity. */
type EmbeddedData<V> = { readonly [K in keyof V]: EmbeddedValue<V[K]> };
type EmbeddedValue<V> = V extends null
  ? null
  : V extends readonly (infer Item)[]
    ? EmbeddedValue<Item>[]
    : V extends { __typename: string; id: string }
      ? Identity<V>
      : V extends object
        ? EmbeddedData<V>
        : V;

type ReceivedValue<V> = V extends null
  ? null
  : V extends readonly (infer Item)[]
    ? ReceivedValue<Item>[]
    : V extends { __typename: string; id: string }
      ? LinkStub<V>
      : V extends object
        ? EmbeddedData<V>
        : V;

/**
 * An observer's data without a field list: the record as received, so any field may be absent,
 * with links as `LinkStub`s (`{ __typename, id, name? }`), never the linked entity in full.
 */
export type AsReceived<E> = E extends unknown
  ? Identity<E> & { readonly [K in Exclude<keyof E, '__typename' | 'id'>]?: ReceivedValue<E[K]> }
  : never;

/** Binding data (hooks, observers): `Selected<E, F>` for a field list, `AsReceived<E>` without one. */
export type SelectionOf<E, F> = [F] extends [undefined] ? AsReceived<E> : Selected<E, F>;
