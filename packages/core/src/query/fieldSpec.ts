/**
 * Core's own parser for one field of a field spec: `title`, `scene_count(depth: -1)`,
 * `fingerprint(type: "md5")`, `plugins(include: ["a", "b"])`. Exactly one field, literal
 * arguments only (no variables, aliases, selections, directives or a second field), each argument
 * once. Kept small and free of graphql-js so core does not load it at run time.
 */
import { StashValidationError } from '../errors';

/** A literal as written; `enum` is a bare name (`md5`, `Infinity`), distinct from a string. */
export type Literal =
  | { readonly kind: 'int'; readonly text: string }
  | { readonly kind: 'float'; readonly text: string }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'null' }
  | { readonly kind: 'enum'; readonly value: string }
  | { readonly kind: 'list'; readonly values: readonly Literal[] };

export interface ParsedField {
  readonly name: string;
  /** In the order written; `undefined` when the field has no parentheses. */
  readonly args: ReadonlyMap<string, Literal> | undefined;
}

const NAME = /[_A-Za-z][_0-9A-Za-z]*/y;
const NUMBER = /-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/y;
const ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};
// Lists nested deeper than this are refused (no Stash field argument nests at all).
const MAX_DEPTH = 8;

class Reader {
  pos = 0;
  constructor(
    readonly text: string,
    readonly spec: string,
  ) {}

  fail(what: string): never {
    const at =
      this.pos >= this.text.length ? 'at the end' : `at "${this.text.slice(this.pos, this.pos + 12)}"`;
    throw new StashValidationError(`StashEntityStore: malformed field spec "${this.spec}": ${what} ${at}`);
  }

  skip(): void {
    // GraphQL ignores whitespace and commas between tokens.
    while (this.pos < this.text.length && ' \t\n\r,'.includes(this.text[this.pos])) this.pos++;
  }

  peek(): string {
    this.skip();
    return this.text[this.pos] ?? '';
  }

  match(re: RegExp): string | undefined {
    this.skip();
    re.lastIndex = this.pos;
    const m = re.exec(this.text);
    if (m === null) return undefined;
    this.pos += m[0].length;
    return m[0];
  }

  name(what: string): string {
    return this.match(NAME) ?? this.fail(`expected ${what}`);
  }

  expect(c: string): void {
    if (this.peek() !== c) this.fail(`expected "${c}"`);
    this.pos++;
  }
}

/** Parses one field segment (see the module comment); `spec` is the whole spec, for messages. */
export function parseFieldSpec(text: string, spec: string = text): ParsedField {
  const r = new Reader(text, spec);
  const name = r.name('a field name');
  let args: Map<string, Literal> | undefined;
  if (r.peek() === '(') {
    r.pos++;
    args = new Map();
    while (r.peek() !== ')') {
      if (r.peek() === '') r.fail('expected ")"');
      const arg = r.name('an argument name');
      if (args.has(arg))
        throw new StashValidationError(
          `StashEntityStore: field spec "${spec}" gives the argument "${arg}" twice`,
        );
      r.expect(':');
      args.set(arg, literal(r, 0));
    }
    r.pos++;
  }
  if (r.peek() !== '') {
    if (r.peek() === ':') r.fail('aliases are not supported: expected the end of the field');
    r.fail('one field per segment: expected the end of the field');
  }
  return { name, args };
}

function literal(r: Reader, depth: number): Literal {
  const c = r.peek();
  if (c === '$')
    r.fail('field arguments are literal values (the store sends them as variables itself), not variables:');
  if (c === '"') return { kind: 'string', value: stringLiteral(r) };
  if (c === '[') {
    if (depth >= MAX_DEPTH) r.fail('lists nested too deep');
    r.pos++;
    const values: Literal[] = [];
    while (r.peek() !== ']') {
      if (r.peek() === '') r.fail('expected "]"');
      values.push(literal(r, depth + 1));
    }
    r.pos++;
    return { kind: 'list', values };
  }
  if (c === '{') r.fail('input object arguments are not supported');
  const number = r.match(NUMBER);
  if (number !== undefined) {
    // `1x` or `1.` would read as a number followed by garbage: refuse, as GraphQL does.
    if (/[._0-9A-Za-z]/.test(r.text[r.pos] ?? '')) r.fail('malformed number');
    return number.includes('.') || /[eE]/.test(number)
      ? { kind: 'float', text: number }
      : { kind: 'int', text: number };
  }
  const word = r.match(NAME);
  if (word === undefined) r.fail('expected a value');
  if (word === 'true' || word === 'false') return { kind: 'boolean', value: word === 'true' };
  if (word === 'null') return { kind: 'null' };
  return { kind: 'enum', value: word };
}

function stringLiteral(r: Reader): string {
  const { text } = r;
  if (text.startsWith('"""', r.pos)) r.fail('block strings are not supported');
  let out = '';
  let i = r.pos + 1;
  for (;;) {
    if (i >= text.length) {
      r.pos = i;
      r.fail('unterminated string');
    }
    const c = text[i];
    if (c === '"') break;
    if (c < ' ' && c !== '\t') {
      r.pos = i;
      r.fail('control character in a string (write it as an escape)');
    }
    if (c !== '\\') {
      out += c;
      i++;
      continue;
    }
    const e = text[i + 1] ?? '';
    if (e === 'u') {
      const hex = text.slice(i + 2, i + 6);
      if (!/^[0-9A-Fa-f]{4}$/.test(hex)) {
        r.pos = i;
        r.fail('bad \\u escape');
      }
      out += String.fromCharCode(parseInt(hex, 16));
      i += 6;
    } else if (Object.hasOwn(ESCAPES, e)) {
      out += ESCAPES[e];
      i += 2;
    } else {
      r.pos = i;
      r.fail('bad escape');
    }
  }
  r.pos = i + 1;
  return out;
}

/** The JSON value of a literal, without a type (enum names become strings). */
export function untypedValue(lit: Literal): unknown {
  switch (lit.kind) {
    case 'int':
    case 'float':
      return Number(lit.text);
    case 'null':
      return null;
    case 'list':
      return lit.values.map(untypedValue);
    default:
      return lit.value;
  }
}
