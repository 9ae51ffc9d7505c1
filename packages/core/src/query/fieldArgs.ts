/**
 * Field-spec arguments checked against the schema's argument types, as GraphQL coerces literals:
 * `Int` is a 32-bit integer literal, `Float` a finite number, `ID` a string or integer (kept as a
 * string), enums a bare name among the enum's values, `[T]` a list (or one T), `T!` never null.
 * Everything is refused before a request; the checked values travel as variables.
 */
import { StashValidationError } from '../errors';
import type { FieldInfo } from '../model/typeTable';
import type { SchemaModel } from '../schema/modelTypes';
import { INT_MAX, INT_MIN } from '../filter/values';
import type { FieldArgs } from '../shared/keys';
import type { Literal, ParsedField } from './fieldSpec';
import { own } from '../validate/ownKey';

/** The checked arguments of `parsed` for `field` of `typeName`, or `undefined` when none are given. */
export function checkFieldArgs(
  model: SchemaModel,
  typeName: string,
  field: FieldInfo,
  parsed: ParsedField,
  spec: string,
): FieldArgs | undefined {
  const where = `StashEntityStore: ${typeName}.${field.name}`;
  const given = parsed.args ?? new Map<string, Literal>();
  const out: Record<string, unknown> = {};
  for (const [name, lit] of given) {
    const arg = field.args.find((a) => a.name === name);
    if (arg === undefined) {
      const known = field.args.map((a) => `${a.name}: ${a.type}`).join(', ');
      throw new StashValidationError(
        `${where} has no argument "${name}" (in "${spec}"; ${known === '' ? 'it takes none' : `it takes ${known}`})`,
      );
    }
    out[name] = coerce(model, arg.type, lit, `${where}(${name}: ${arg.type})`, spec);
  }
  for (const arg of field.args) {
    if (arg.type.endsWith('!') && !given.has(arg.name)) {
      throw new StashValidationError(`${where} needs the argument "${arg.name}: ${arg.type}" (in "${spec}")`);
    }
  }
  return given.size === 0 ? undefined : out;
}

function coerce(model: SchemaModel, type: string, lit: Literal, where: string, spec: string): unknown {
  const bad = (what: string): never => {
    throw new StashValidationError(`${where} expects ${what}, got ${shown(lit)} (in "${spec}")`);
  };
  if (type.endsWith('!')) {
    if (lit.kind === 'null') bad('a value (it is non-null)');
    return coerce(model, type.slice(0, -1), lit, where, spec);
  }
  if (lit.kind === 'null') return null;
  if (type.startsWith('[')) {
    const inner = type.slice(1, -1);
    const items = lit.kind === 'list' ? lit.values : [lit];
    return items.map((item) => coerce(model, inner, item, where, spec));
  }
  if (lit.kind === 'list') bad(`one ${type}, not a list`);
  switch (type) {
    case 'Int': {
      if (lit.kind !== 'int') return bad('an Int (a 32-bit integer literal)');
      const n = Number(lit.text);
      if (n < INT_MIN || n > INT_MAX) bad('an Int between -2147483648 and 2147483647');
      return n;
    }
    case 'Float': {
      if (lit.kind !== 'int' && lit.kind !== 'float') return bad('a Float');
      const n = Number(lit.text);
      if (!Number.isFinite(n)) bad('a finite Float');
      return n;
    }
    case 'String':
      return lit.kind === 'string' ? lit.value : bad('a String (a quoted literal)');
    case 'Boolean':
      return lit.kind === 'boolean' ? lit.value : bad('true or false');
    case 'ID':
      if (lit.kind === 'string') return lit.value;
      if (lit.kind === 'int') return lit.text;
      return bad('an ID (a string or integer literal)');
  }
  const values = own(model.enums, type);
  if (values !== undefined) {
    if (lit.kind !== 'enum' || !values.includes(lit.value)) bad(`one of ${type}: ${values.join(', ')}`);
    return (lit as { value: string }).value;
  }
  // Custom scalars (Time, Map...) have no literal form the store can check: refuse them.
  return bad(`a ${type}, which field specs cannot give`);
}

function shown(lit: Literal): string {
  switch (lit.kind) {
    case 'int':
    case 'float':
      return lit.text.length > 40 ? lit.text.slice(0, 37) + '...' : lit.text;
    case 'string':
      return JSON.stringify(lit.value.length > 40 ? lit.value.slice(0, 37) + '...' : lit.value);
    case 'boolean':
      return String(lit.value);
    case 'null':
      return 'null';
    case 'enum':
      return lit.value;
    case 'list':
      return (
        '[' + lit.values.slice(0, 4).map(shown).join(', ') + (lit.values.length > 4 ? ', ...' : '') + ']'
      );
  }
}
