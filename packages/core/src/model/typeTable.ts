/**
 * The store's compiled view of the `SchemaModel`: per object type, a `Map` of field descriptors
 * the normalizer and the query builder look up on their hot paths (no per-call allocation).
 */
import { StashValidationError } from '../errors';
import type {
  AbstractModel,
  EntityModel,
  FieldArgModel,
  FieldKind,
  ObjectModel,
  SchemaModel,
} from '../schema/modelTypes';

export interface FieldInfo {
  readonly name: string;
  readonly kind: FieldKind;
  /** Named type (`Studio`, `String`, `BaseFile`). */
  readonly typeName: string;
  readonly list: boolean;
  readonly nullable: boolean;
  readonly args: readonly FieldArgModel[];
  /** Some argument is non-null, so the field cannot be selected without arguments. */
  readonly requiresArgs: boolean;
  readonly deprecated: boolean;
  /** Entity or abstract: normalized into its own record and stored as a link. */
  readonly link: boolean;
}

export class TypeInfo {
  readonly name: string;
  /** The schema model's object this was compiled from (shared by every store on the same model). */
  readonly model: ObjectModel;
  readonly entity: boolean;
  readonly fields: ReadonlyMap<string, FieldInfo>;
  /** Fields stored as links (entity or abstract kinds). */
  readonly linkFields: readonly FieldInfo[];
  /** Embedded types: response keys that must all be present for the value to count as sent in full. */
  readonly completeKeys: readonly string[];
  /** The embedded-kind fields among `completeKeys` (checked recursively for completeness). */
  readonly completeEmbedded: readonly FieldInfo[];
  readonly entityModel: EntityModel | undefined;
  /** Position in its table (0..n-1): per-store state about types lives in arrays indexed by it. */
  readonly index: number;

  constructor(model: ObjectModel, entityModel: EntityModel | undefined, index: number) {
    this.index = index;
    this.name = model.name;
    this.model = model;
    this.entity = model.entity;
    this.entityModel = entityModel;
    const fields = new Map<string, FieldInfo>();
    const links: FieldInfo[] = [];
    const complete: string[] = [];
    const completeEmbedded: FieldInfo[] = [];
    for (const f of Object.values(model.fields)) {
      const args = f.args ?? [];
      const info: FieldInfo = {
        name: f.name,
        kind: f.kind,
        typeName: f.type,
        list: f.list,
        nullable: f.nullable,
        args,
        requiresArgs: args.some((a) => a.type.endsWith('!')),
        deprecated: f.deprecated === true,
        link: f.kind === 'entity' || f.kind === 'abstract',
      };
      fields.set(f.name, info);
      if (info.link) links.push(info);
      if (!info.deprecated && !info.requiresArgs) {
        complete.push(f.name);
        if (info.kind === 'embedded') completeEmbedded.push(info);
      }
    }
    this.fields = fields;
    this.linkFields = links;
    this.completeKeys = complete;
    this.completeEmbedded = completeEmbedded;
  }

  /** True when the type can be fetched by id on its own (single query, or list query with `ids`). */
  get fetchable(): boolean {
    const m = this.entityModel;
    return m !== undefined && (m.single !== undefined || m.list?.idsArg !== undefined);
  }
}

const tables = new WeakMap<SchemaModel, TypeTable>();

/**
 * Immutable once built, so every store on one model shares it (`TypeTable.of`): per-store state
 * (TTL overrides, records) is kept by the store, indexed by `TypeInfo.index`. Sharing also keeps
 * the hidden classes of the normalizer's per-type objects alive from one store to the next.
 */
export class TypeTable {
  readonly model: SchemaModel;
  readonly #objects = new Map<string, TypeInfo>();
  readonly #entities: readonly string[];
  readonly #concrete = new Map<string, TypeInfo[]>();

  /** The shared table of a model. */
  static of(model: SchemaModel): TypeTable {
    let table = tables.get(model);
    if (table === undefined) tables.set(model, (table = new TypeTable(model)));
    return table;
  }

  constructor(model: SchemaModel) {
    this.model = model;
    for (const obj of Object.values(model.objects)) {
      this.#objects.set(obj.name, new TypeInfo(obj, model.entities[obj.name], this.#objects.size));
    }
    this.#entities = model.entityTypes;
  }

  /** Number of object types (the bound of `TypeInfo.index`). */
  get size(): number {
    return this.#objects.size;
  }

  get entityTypes(): readonly string[] {
    return this.#entities;
  }

  /** Any object type (entity or embedded), or `undefined`. */
  object(name: string): TypeInfo | undefined {
    return this.#objects.get(name);
  }

  abstract(name: string): AbstractModel | undefined {
    return Object.hasOwn(this.model.abstracts, name) ? this.model.abstracts[name] : undefined;
  }

  /** The entity type named `name`; throws a validation error for anything else. */
  entity(name: string): TypeInfo {
    const info = this.#objects.get(name);
    if (info === undefined || !info.entity) {
      throw new StashValidationError(
        `StashEntityStore: unknown entity type "${String(name)}"; expected one of ${this.#entities.join(', ')}`,
      );
    }
    return info;
  }

  /** Concrete entity types for an entity or abstract name (`BaseFile` → the four file types). */
  concrete(name: string): readonly TypeInfo[] {
    let types = this.#concrete.get(name);
    if (types === undefined) {
      const abstract = this.abstract(name);
      types =
        abstract !== undefined ? abstract.possibleTypes.map((t) => this.entity(t)) : [this.entity(name)];
      this.#concrete.set(name, types);
    }
    return types;
  }

  /** A field of an object, or of an abstract type (its shared field, else the first member's). */
  field(typeName: string, fieldName: string): FieldInfo | undefined {
    const obj = this.#objects.get(typeName);
    if (obj !== undefined) return obj.fields.get(fieldName);
    const abstract = this.abstract(typeName);
    if (abstract === undefined) return undefined;
    for (const t of abstract.possibleTypes) {
      const f = this.#objects.get(t)?.fields.get(fieldName);
      if (f !== undefined) return f;
    }
    return undefined;
  }
}
