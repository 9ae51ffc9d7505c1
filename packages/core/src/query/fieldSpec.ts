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
  #pos = 0;
  readonly #text: string;
  readonly #spec: string;

  constructor(text: string, spec: string) {
    this.#text = text;
    this.#spec = spec;
  }

  #fail(what: string, at = this.#pos): never {
    this.#pos = at;
    const where = at >= this.#text.length ? 'at the end' : `at "${this.#text.slice(at, at + 12)}"`;
    throw new StashValidationError(
      `StashEntityStore: malformed field spec "${this.#spec}": ${what} ${where}`,
    );
  }

  #peek(): string {
    // GraphQL ignores whitespace and commas between tokens.
    while (this.#pos < this.#text.length && ' \t\n\r,'.includes(this.#text[this.#pos])) this.#pos++;
    return this.#text[this.#pos] ?? '';
  }

  #match(re: RegExp): string | undefined {
    this.#peek();
    re.lastIndex = this.#pos;
    const m = re.exec(this.#text);
    if (m === null) return undefined;
    this.#pos += m[0].length;
    return m[0];
  }

  #name(what: string): string {
    return this.#match(NAME) ?? this.#fail(`expected ${what}`);
  }

  /** The field: its name, then its arguments in parentheses, then the end. */
  field(): ParsedField {
    const name = this.#name('a field name');
    let args: Map<string, Literal> | undefined;
    if (this.#peek() === '(') {
      this.#pos++;
      args = new Map();
      while (this.#peek() !== ')') {
        if (this.#peek() === '') this.#fail('expected ")"');
        const arg = this.#name('an argument name');
        if (args.has(arg))
          throw new StashValidationError(
            `StashEntityStore: field spec "${this.#spec}" gives the argument "${arg}" twice`,
          );
        if (this.#peek() !== ':') this.#fail('expected ":"');
        this.#pos++;
        args.set(arg, this.#literal(0));
      }
      this.#pos++;
    }
    if (this.#peek() !== '') {
      if (this.#peek() === ':') this.#fail('aliases are not supported: expected the end of the field');
      this.#fail('one field per segment: expected the end of the field');
    }
    return { name, args };
  }

  #literal(depth: number): Literal {
    const c = this.#peek();
    if (c === '$')
      this.#fail(
        'field arguments are literal values (the store sends them as variables itself), not variables:',
      );
    if (c === '"') return { kind: 'string', value: this.#string() };
    if (c === '[') {
      if (depth >= MAX_DEPTH) this.#fail('lists nested too deep');
      this.#pos++;
      const values: Literal[] = [];
      while (this.#peek() !== ']') {
        if (this.#peek() === '') this.#fail('expected "]"');
        values.push(this.#literal(depth + 1));
      }
      this.#pos++;
      return { kind: 'list', values };
    }
    if (c === '{') this.#fail('input object arguments are not supported');
    const number = this.#match(NUMBER);
    if (number !== undefined) {
      // `1x` or `1.` would read as a number followed by garbage: refuse, as GraphQL does.
      if (/[._0-9A-Za-z]/.test(this.#text[this.#pos] ?? '')) this.#fail('malformed number');
      return number.includes('.') || /[eE]/.test(number)
        ? { kind: 'float', text: number }
        : { kind: 'int', text: number };
    }
    const word = this.#match(NAME);
    if (word === undefined) this.#fail('expected a value');
    if (word === 'true' || word === 'false') return { kind: 'boolean', value: word === 'true' };
    if (word === 'null') return { kind: 'null' };
    return { kind: 'enum', value: word };
  }

  #string(): string {
    const text = this.#text;
    if (text.startsWith('"""', this.#pos)) this.#fail('block strings are not supported');
    let out = '';
    let i = this.#pos + 1;
    for (;;) {
      if (i >= text.length) this.#fail('unterminated string', i);
      const c = text[i];
      if (c === '"') break;
      if (c < ' ' && c !== '\t') this.#fail('control character in a string (write it as an escape)', i);
      if (c !== '\\') {
        out += c;
        i++;
        continue;
      }
      const e = text[i + 1] ?? '';
      if (e === 'u') {
        const hex = text.slice(i + 2, i + 6);
        if (!/^[0-9A-Fa-f]{4}$/.test(hex)) this.#fail('bad \\u escape', i);
        out += String.fromCharCode(parseInt(hex, 16));
        i += 6;
      } else if (Object.hasOwn(ESCAPES, e)) {
        out += ESCAPES[e];
        i += 2;
      } else this.#fail('bad escape', i);
    }
    this.#pos = i + 1;
    return out;
  }
}

/** Parses one field segment (see the module comment); `spec` is the whole spec, for messages. */
export function parseFieldSpec(text: string, spec: string = text): ParsedField {
  return new Reader(text, spec).field();
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
