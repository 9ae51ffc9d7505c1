/**
 * The set of field keys a record has received in full, as an interned immutable "shape".
 * Every record that received the same fields shares one shape object, and adding a field follows
 * a cached transition, so tracking costs one pointer per record (like hidden classes in engines).
 */
export class FieldShape {
  /** Received field keys (`title`, `studio`, `scene_count(depth:-1)`). */
  readonly keys: ReadonlySet<string>;
  readonly #registry: Map<string, FieldShape>;
  readonly #transitions = new Map<string, FieldShape>();
  // One-entry cache of the last transition: records of a type mostly add the same keys in order.
  #lastKey: string | undefined = undefined;
  #lastNext: FieldShape = this;

  private constructor(keys: ReadonlySet<string>, registry: Map<string, FieldShape>) {
    this.keys = keys;
    this.#registry = registry;
  }

  /** The empty shape of a new registry (one registry per entity type). */
  static root(): FieldShape {
    const registry = new Map<string, FieldShape>();
    const root = new FieldShape(new Set(), registry);
    registry.set('', root);
    return root;
  }

  has(key: string): boolean {
    return this.keys.has(key);
  }

  /** The shape with `key` added; the same object for every path that reaches the same set. */
  with(key: string): FieldShape {
    if (key === this.#lastKey) return this.#lastNext;
    const next = this.keys.has(key) ? this : (this.#transitions.get(key) ?? this.#add(key));
    this.#lastKey = key;
    this.#lastNext = next;
    return next;
  }

  #add(key: string): FieldShape {
    const keys = new Set(this.keys);
    keys.add(key);
    const signature = [...keys].sort().join('\n');
    let next = this.#registry.get(signature);
    if (next === undefined) {
      next = new FieldShape(keys, this.#registry);
      this.#registry.set(signature, next);
    }
    this.#transitions.set(key, next);
    return next;
  }

  /** The shape without `key` (used when a field is dropped, e.g. a local write invalidates it). */
  without(key: string): FieldShape {
    if (!this.keys.has(key)) return this;
    let shape = this.#registry.get('') as FieldShape;
    for (const k of this.keys) if (k !== key) shape = shape.with(k);
    return shape;
  }
}
