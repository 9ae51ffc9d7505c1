/**
 * The compact form of the `SchemaModel` that `pnpm codegen` writes, in two parts so that a
 * read-only bundle carries only the first:
 * - `EncodedSchemaModel` (`generated/model.ts`): what reads, normalization, validation and the
 *   filter DSL use: types, entity queries, filter inputs and the inputs they reach;
 * - `EncodedWriteModel` (`generated/writes.ts`): mutations, write mappings, side mutations and
 *   the mutation inputs, merged in by `writeModel(model)`, which only the write machinery calls.
 * Both are a handful of strings in a mini-SDL rather than nested objects; everything that follows
 * from a printed type (named type, list, nullability, field kinds) is recomputed by the decoders.
 *
 * Field syntax, used by objects, interfaces and inputs: `[~]name[(arg:Ref;arg:Ref)]:Ref`,
 * where `~` marks a deprecated field and `Ref` is the printed type (`[Tag!]!`).
 */
export interface EncodedSchemaModel {
  /** Format version; the decoder rejects others. */
  v: 2;
  /** Entity type names, space-separated, in the model's order. */
  e: string;
  /** Scalar names, space-separated. */
  s: string;
  /** Enums: `Name VALUE VALUE ...`. */
  n: string[];
  /** Object types: `Name[:Interface&Interface] field field ...`. */
  o: string[];
  /** Interfaces and unions: `Name i|u Member,Member field field ...` (fields for interfaces only). */
  a: string[];
  /**
   * Input object types reads use (filters, criteria, `FindFilterType`): `Name field field ...`;
   * `*` in a field type stands for `CriterionInput` (`title:String*`), and `Name+` for a filter
   * whose first fields are `AND`, `OR` and `NOT` of its own type.
   */
  i: string[];
  /** Names of the entity filter inputs among `i`, space-separated. */
  f: string;
  /** One tuple per entity, in `e` order. */
  x: EncodedEntity[];
}

/**
 * `[name, single, list]`, `''` where absent:
 * - single: `field idArg idType [!]` (`!` = errors on a missing id);
 * - list: `field resultType itemsField filterArg filterType findFilterArg idsArg extraArgs`
 *   with `-` for an absent part and extra arguments as `name:Ref;name:Ref`; a `[...]` result type
 *   is a query that returns the list itself. The aggregates are the result type's other fields.
 */
export type EncodedEntity = [name: string, single: string, list: string];

/** The write part of a model: merged into its `SchemaModel` by `writeModel(model)`. */
export interface EncodedWriteModel {
  /** Format version (the read part's). */
  v: 2;
  /** Input object types only writes use (mutation inputs), written as the read part's `i`. */
  i: string[];
  /** One tuple per entity that has any write, in the model's order. */
  x: EncodedEntityWrites[];
}

/**
 * `[name, create, update, destroy, destroyMany, bulkUpdate, writes, sideMutations]`, `''` where
 * absent:
 * - mutation: `field arg argType returns`;
 * - writes: space-separated `field[=input][:mode]` (mode defaults to `value`, input to the field name);
 *   the input type and deprecation come from the update (or create) input;
 * - sideMutations: space-separated `field=mutation,mutation`.
 */
export type EncodedEntityWrites = [
  name: string,
  create: string,
  update: string,
  destroy: string,
  destroyMany: string,
  bulkUpdate: string,
  writes: string,
  sideMutations: string,
];
