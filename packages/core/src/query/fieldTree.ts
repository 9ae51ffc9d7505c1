/**
 * Field specs (`'studio.parent_studio.name'`, `'studio__parent_studio__name'`,
 * `'scene_count(depth: -1)'`) parsed and checked against the schema into a tree of field keys.
 *
 * Defaults (documented in the README):
 * - a link named without sub-fields (`'studio'`) means the link plus the target's small set:
 *   `id` and the first of `name`, `title`, `path` it has;
 * - an embedded object (`'paths'`) is always selected in full: all its scalar and enum fields,
 *   nested embedded objects, and `id` of any entity inside (`SceneGroup.group`);
 * - no specs at all means the type's default set: every non-deprecated field that needs no
 *   arguments, links as the small set, except unbounded inverse lists (`Performer.scenes`).
 */
import { renameOrDidYouMean } from '../filter/suggest';
import { StashValidationError } from '../errors';
import type { TypeTable } from '../model/typeTable';
import { fieldKey, type FieldKey } from '../shared/keys';
import { show } from '../validate/showValue';
import { checkFieldArgs } from './fieldArgs';
import { parseFieldSpec } from './fieldSpec';

export interface FieldNode {
  readonly fk: FieldKey;
  /** Sub-fields of a link or embedded field; `undefined` for scalars and fully selected embedded objects. */
  children: FieldTree | undefined;
}

/** Requested fields by field key. */
export type FieldTree = Map<string, FieldNode>;

/** Links left out of default sets: unbounded lists the stock UI never selects. */
const HEAVY_LINKS = new Set(['Performer.scenes', 'Performer.movies', 'Group.scenes', 'Studio.child_studios']);
const SMALL_FIELDS = ['name', 'title', 'path'];
// Longer specs are garbage, not fields (the longest real one is well under 200 characters).
const MAX_SPEC_LENGTH = 1000;

/** Splits `a.b(x: "1.2").c` or `a__b__c` into segments, ignoring separators inside arguments. */
export function splitSpec(spec: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < spec.length; i++) {
    const c = spec[i];
    if (quoted) {
      if (c === '\\') i++;
      else if (c === '"') quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (depth === 0 && c === '.') {
      parts.push(spec.slice(start, i));
      start = i + 1;
    } else if (depth === 0 && c === '_' && spec[i + 1] === '_') {
      parts.push(spec.slice(start, i));
      start = i + 2;
      i++;
    }
  }
  parts.push(spec.slice(start));
  return parts.map((p) => p.trim());
}

export class FieldTreeBuilder {
  readonly #table: TypeTable;
  readonly #defaults = new Map<string, FieldTree>();
  readonly #small = new Map<string, FieldTree>();

  constructor(table: TypeTable) {
    this.#table = table;
  }

  /** Parses specs for `typeName` (entity or abstract) into a new tree; throws on unknown fields. */
  parse(typeName: string, specs: Iterable<string>): FieldTree {
    if (typeof specs === 'string' || !isIterable(specs)) {
      throw new StashValidationError(
        `StashEntityStore: fields must be an array of field specs such as ['title', 'studio.name'], got ${show(specs)}`,
      );
    }
    const tree: FieldTree = new Map();
    for (const spec of specs) {
      if (typeof spec !== 'string' || spec.trim() === '') {
        throw new StashValidationError(
          `StashEntityStore: field specs must be non-empty strings, got ${show(spec)}`,
        );
      }
      if (spec.length > MAX_SPEC_LENGTH) {
        throw new StashValidationError(
          `StashEntityStore: field spec of ${spec.length} characters (at most ${MAX_SPEC_LENGTH}): ${show(spec)}`,
        );
      }
      this.#insert(tree, typeName, splitSpec(spec), spec);
    }
    return tree;
  }

  #insert(tree: FieldTree, typeName: string, segments: string[], spec: string): void {
    const [head, ...rest] = segments;
    if (head === '') throw new StashValidationError(`StashEntityStore: malformed field spec "${spec}"`);
    const parsed = parseFieldSpec(head, spec);
    const field = this.#table.field(typeName, parsed.name);
    if (field === undefined) {
      throw new StashValidationError(
        `StashEntityStore: ${typeName} has no field "${parsed.name}" (in "${spec}")${renameOrDidYouMean(parsed.name, '', [...(this.#table.object(typeName)?.fields.keys() ?? [])])}`,
      );
    }
    const fk = fieldKey(field.name, checkFieldArgs(this.#table.model, typeName, field, parsed, spec));
    let node = tree.get(fk.key);
    if (rest.length === 0) {
      if (node === undefined) {
        tree.set(fk.key, (node = { fk, children: undefined }));
        if (field.link) node.children = new Map(this.small(field.typeName));
      }
      return;
    }
    if (field.kind === 'scalar' || field.kind === 'enum') {
      throw new StashValidationError(
        `StashEntityStore: ${typeName}.${fk.name} has no sub-fields (in "${spec}")`,
      );
    }
    if (node === undefined) tree.set(fk.key, (node = { fk, children: undefined }));
    node.children ??= new Map();
    this.#insert(node.children, field.typeName, rest, spec);
  }

  /** `id` plus the first of name/title/path the type (or any member of an abstract type) has. */
  small(typeName: string): FieldTree {
    let tree = this.#small.get(typeName);
    if (tree !== undefined) return tree;
    tree = new Map();
    const id = fieldKey('id');
    tree.set(id.key, { fk: id, children: undefined });
    for (const name of SMALL_FIELDS) {
      if (this.#table.field(typeName, name) !== undefined) {
        const fk = fieldKey(name);
        tree.set(fk.key, { fk, children: undefined });
        break;
      }
    }
    this.#small.set(typeName, tree);
    return tree;
  }

  /** The default field set of an entity type (see the module comment). Shared: do not mutate. */
  defaults(typeName: string): FieldTree {
    let tree = this.#defaults.get(typeName);
    if (tree !== undefined) return tree;
    tree = new Map();
    const type = this.#table.object(typeName);
    for (const field of type?.fields.values() ?? []) {
      if (field.deprecated || field.requiresArgs || HEAVY_LINKS.has(typeName + '.' + field.name)) continue;
      const fk = fieldKey(field.name);
      tree.set(fk.key, { fk, children: field.link ? this.small(field.typeName) : undefined });
    }
    this.#defaults.set(typeName, tree);
    return tree;
  }
}

function isIterable(value: unknown): value is Iterable<unknown> {
  return (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function'
  );
}

/** Adds `from` into `into` (union); shares `from`'s subtrees when `into` has none. */
export function mergeTree(into: FieldTree, from: FieldTree): void {
  for (const [key, node] of from) {
    const mine = into.get(key);
    if (mine === undefined) {
      into.set(key, {
        fk: node.fk,
        children: node.children === undefined ? undefined : cloneTree(node.children),
      });
    } else if (node.children !== undefined) {
      if (mine.children === undefined) mine.children = cloneTree(node.children);
      else mergeTree(mine.children, node.children);
    }
  }
}

export function cloneTree(tree: FieldTree): FieldTree {
  const out: FieldTree = new Map();
  for (const [key, node] of tree) {
    out.set(key, {
      fk: node.fk,
      children: node.children === undefined ? undefined : cloneTree(node.children),
    });
  }
  return out;
}

/** A stable text for a tree (sorted keys), used to share identical reads and fragments. */
export function treeSignature(tree: FieldTree): string {
  const parts: string[] = [];
  for (const key of [...tree.keys()].sort()) {
    const node = tree.get(key)!;
    parts.push(node.children === undefined ? key : key + '{' + treeSignature(node.children) + '}');
  }
  return parts.join(' ');
}

/**
 * Normalizes a `fields` option to an array (or `undefined`), copying so later caller edits don't leak
 * in; frozen, so reads can key their parsed tree on the array itself.
 */
export function specList(fields: Iterable<string> | undefined): readonly string[] | undefined {
  return fields === undefined ? undefined : Object.freeze([...fields]);
}
