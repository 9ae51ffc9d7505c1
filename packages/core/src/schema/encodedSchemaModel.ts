/**
 * The compact form of the `SchemaModel` that `pnpm codegen` writes to `generated/model.ts`.
 * It ships to browsers, so it is a handful of strings in a mini-SDL rather than nested objects;
 * everything that follows from a printed type (named type, list, nullability, field kinds) is
 * recomputed by `decodeSchemaModel`.
 *
 * Field syntax, used by objects, interfaces and inputs: `[~]name[(arg:Ref;arg:Ref)]:Ref`,
 * where `~` marks a deprecated field and `Ref` is the printed type (`[Tag!]!`).
 */
export interface EncodedSchemaModel {
  /** Format version; the decoder rejects others. */
  v: 1;
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
  /** Input object types: `Name field field ...`. */
  i: string[];
  /** Names of the entity filter inputs among `i`, space-separated. */
  f: string;
  /** One tuple per entity, in `e` order. */
  x: EncodedEntity[];
}

/**
 * `[name, single, list, create, update, destroy, destroyMany, bulkUpdate, writes, sideMutations]`,
 * `''` where absent:
 * - single: `field idArg idType [!]` (`!` = errors on a missing id);
 * - list: `field resultType itemsField filterArg filterType findFilterArg idsArg aggregates extraArgs`
 *   with `-` for an absent part, aggregates comma-separated, extra arguments as `name:Ref;name:Ref`,
 *   and a `[...]` result type for a query that returns the list itself;
 * - mutation: `field arg argType returns`;
 * - writes: space-separated `field[=input][:mode]` (mode defaults to `value`, input to the field name);
 *   the input type and deprecation come from the update (or create) input;
 * - sideMutations: space-separated `field=mutation,mutation`.
 */
export type EncodedEntity = [
  name: string,
  single: string,
  list: string,
  create: string,
  update: string,
  destroy: string,
  destroyMany: string,
  bulkUpdate: string,
  writes: string,
  sideMutations: string,
];
