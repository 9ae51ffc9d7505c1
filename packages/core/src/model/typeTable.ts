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
  readonly entity: boolean;
  readonly fields: ReadonlyMap<string, FieldInfo>;
  /** Fields stored as links (entity or abstract kinds). */
  readonly linkFields: readonly FieldInfo[];
  /** Embedded types: response keys that must all be present for the value to count as sent in full. */
  readonly completeKeys: readonly string[];
  readonly entityModel: EntityModel | undefined;
  /** Per-type TTL override in ms: `undefined` = store default, `Infinity` = never stale. */
  ttlMs: number | undefined = undefined;

  constructor(model: ObjectModel, entityModel: EntityModel | undefined) {
    this.name = model.name;
    this.entity = model.entity;
    this.entityModel = entityModel;
    const fields = new Map<string, FieldInfo>();
    const links: FieldInfo[] = [];
    const complete: string[] = [];
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
      if (!info.deprecated && !info.requiresArgs) complete.push(f.name);
    }
    this.fields = fields;
    this.linkFields = links;
    this.completeKeys = complete;
  }

  /** True when the type can be fetched by id on its own (single query, or list query with `ids`). */
  get fetchable(): boolean {
    const m = this.entityModel;
    return m !== undefined && (m.single !== undefined || m.list?.idsArg !== undefined);
  }
}

export class TypeTable {
  readonly model: SchemaModel;
  readonly #objects = new Map<string, TypeInfo>();
  readonly #entities: readonly string[];
  readonly #concrete = new Map<string, TypeInfo[]>();

  constructor(model: SchemaModel) {
    this.model = model;
    for (const obj of Object.values(model.objects)) {
      this.#objects.set(obj.name, new TypeInfo(obj, model.entities[obj.name]));
    }
    this.#entities = model.entityTypes;
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
