/**
 * Every key the store builds: record keys (`Scene:12`) and field keys (`scene_count(depth:-1)`).
 * A field key is the field name plus its arguments sorted by name with JSON values, so the same
 * field asked with the same arguments always has the same key, whatever alias a query used.
 */
import { parseFieldSpec, untypedValue } from '../query/fieldSpec';

export type RecordKey = string;

/** `Scene:12`: the typename is part of the key because every entity type has its own id space. */
export function recordKey(typename: string, id: string): RecordKey {
  return typename + ':' + id;
}

export type FieldArgs = Readonly<Record<string, unknown>>;

/** One interned field key: storage key, field name, arguments and the alias used in documents. */
export interface FieldKey {
  /** Storage and tracking key: `title`, `scene_count(depth:-1)`. */
  readonly key: string;
  readonly name: string;
  /** Arguments, or `undefined` for a plain field. */
  readonly args: FieldArgs | undefined;
  /** Response key used when selecting it: the name itself, or `_k<n>` for fields with arguments. */
  readonly alias: string;
}

const byKey = new Map<string, FieldKey>();
const byAlias = new Map<string, FieldKey>();

function canonicalKey(name: string, args: FieldArgs | undefined): string {
  if (args === undefined) return name;
  const names = Object.keys(args)
    .filter((n) => args[n] !== undefined)
    .sort();
  if (names.length === 0) return name;
  return name + '(' + names.map((n) => n + ':' + JSON.stringify(args[n])).join(',') + ')';
}

/** The interned key for `name` with `args` (argument order and `undefined` values don't matter). */
export function fieldKey(name: string, args?: FieldArgs): FieldKey {
  const key = canonicalKey(name, args);
  let fk = byKey.get(key);
  if (fk === undefined) {
    const plain = key === name;
    // Aliases are process-wide and stable, so a response key maps back to one field key.
    const alias = plain ? name : '_k' + byAlias.size;
    fk = { key, name, args: plain ? undefined : { ...args }, alias };
    byKey.set(key, fk);
    if (!plain) byAlias.set(alias, fk);
  }
  return fk;
}

/** Maps a response key back to its field key: an alias `_k3`, a plain name, or a printed key. */
export function fieldKeyOfResponseKey(responseKey: string): FieldKey {
  if (responseKey.charCodeAt(0) === 95 /* _ */ && responseKey.charCodeAt(1) === 107 /* k */) {
    const fk = byAlias.get(responseKey);
    if (fk !== undefined) return fk;
  }
  return byKey.get(responseKey) ?? parseFieldKey(responseKey);
}

/**
 * Parses `scene_count`, `scene_count(depth: -1)` or a stored key `fingerprint(type:"md5")` into a
 * field key, without types (field specs from users are checked by `FieldTreeBuilder`).
 */
export function parseFieldKey(text: string): FieldKey {
  if (!text.includes('(')) return fieldKey(text.trim());
  const parsed = parseFieldSpec(text);
  const args: Record<string, unknown> = {};
  for (const [name, lit] of parsed.args ?? []) args[name] = untypedValue(lit);
  return fieldKey(parsed.name, args);
}
