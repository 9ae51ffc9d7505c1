/**
 * `packages/core/src/schema/generated/types.ts`: TypeScript types for everything in the model.
 * - Objects are interfaces; entities carry a required `__typename`, embedded objects an optional one.
 * - `BaseFile` and `VisualFile` are unions of their member interfaces, so `__typename` narrows them.
 * - Enums are string-literal unions (no runtime `enum`; the values live in the schema model).
 * - Input fields the schema lets be null are optional and accept `null` (null clears on update).
 * - Maps keyed by entity typename (`EntityTypes`, `EntityFilterTypes`, ...) type the store's API.
 */
import type { SchemaModel } from '../../core/src/schema/modelTypes.ts';
import { banner } from './banner.ts';

const SCALARS: Record<string, string> = {
  ID: 'string',
  String: 'string',
  Boolean: 'boolean',
  Int: 'number',
  Float: 'number',
  Int64: 'number',
  Time: 'string',
  Timestamp: 'string',
  Map: 'Record<string, unknown>',
  BoolMap: 'Record<string, boolean>',
  PluginConfigMap: 'Record<string, Record<string, unknown>>',
  Any: 'unknown',
  Upload: 'unknown',
};

function scalarType(name: string): string {
  const ts = SCALARS[name];
  if (!ts) throw new Error(`codegen: no TypeScript type for scalar ${name}`);
  return ts;
}

/** Printed GraphQL type -> TypeScript, e.g. `[String]!` -> `(string | null)[]`. */
export function tsType(ref: string, named: (name: string) => string): string {
  const nonNull = ref.endsWith('!');
  const inner = nonNull ? ref.slice(0, -1) : ref;
  let ts: string;
  if (inner.startsWith('[')) {
    const item = tsType(inner.slice(1, -1), named);
    ts = `${item.includes(' | ') ? `(${item})` : item}[]`;
  } else ts = named(inner);
  return nonNull ? ts : `${ts} | null`;
}

function doc(lines: string[], indent = '  '): string[] {
  if (!lines.length) return [];
  if (lines.length === 1) return [`${indent}/** ${lines[0]} */`];
  return [`${indent}/**`, ...lines.map((l) => `${indent} * ${l}`), `${indent} */`];
}

function union(values: string[]): string {
  return values.map((v) => `'${v}'`).join(' | ');
}

export function generateTypes(model: SchemaModel, header = banner): string {
  const named = (name: string) => (name in SCALARS ? scalarType(name) : name);
  const out: string[] = [header, ''];

  out.push('// Enums', '');
  for (const [name, values] of Object.entries(model.enums)) {
    out.push(`export type ${name} = ${union(values)};`, '');
  }

  out.push('// Objects', '');
  for (const o of Object.values(model.objects)) {
    out.push(`export interface ${o.name} {`);
    out.push(`  __typename${o.entity ? '' : '?'}: '${o.name}';`);
    for (const f of Object.values(o.fields)) {
      const notes: string[] = [];
      if (f.args) notes.push(`Arguments: \`(${f.args.map((a) => `${a.name}: ${a.type}`).join(', ')})\`.`);
      if (f.deprecated) notes.push('@deprecated');
      out.push(...doc(notes), `  ${f.name}: ${tsType(f.ref, named)};`);
    }
    out.push('}', '');
  }

  out.push('// Interfaces and unions (unions of their entity members)', '');
  for (const a of Object.values(model.abstracts)) {
    out.push(`export type ${a.name} = ${a.possibleTypes.join(' | ')};`, '');
  }

  out.push('// Inputs', '');
  for (const i of Object.values(model.inputs)) {
    out.push(`export interface ${i.name} {`);
    for (const f of Object.values(i.fields)) {
      out.push(
        ...doc(f.deprecated ? ['@deprecated'] : []),
        `  ${f.name}${f.required ? '' : '?'}: ${tsType(f.ref, named)};`,
      );
    }
    out.push('}', '');
  }

  const entities = model.entityTypes.map((name) => model.entities[name]);
  const map = (name: string, comment: string, rows: [string, string][]) => {
    out.push(
      `/** ${comment} */`,
      `export interface ${name} {`,
      ...rows.map(([k, v]) => `  ${k}: ${v};`),
      '}',
      '',
    );
  };
  out.push('// Maps keyed by entity typename', '');
  map(
    'EntityTypes',
    'Entity kinds the store normalizes, by typename.',
    entities.map((e) => [e.name, e.name]),
  );
  out.push('export type EntityTypeName = keyof EntityTypes;', '');
  map(
    'EntityFilterTypes',
    "Filter input of each entity's list query (entities that have one).",
    entities.filter((e) => e.list?.filterType).map((e) => [e.name, e.list!.filterType!]),
  );
  map(
    'EntityCreateInputs',
    'Create input of each entity that has a create mutation.',
    entities.filter((e) => e.createInput).map((e) => [e.name, e.createInput!]),
  );
  map(
    'EntityUpdateInputs',
    'Update input of each entity that has an update mutation.',
    entities.filter((e) => e.updateInput).map((e) => [e.name, e.updateInput!]),
  );
  map(
    'AbstractTypes',
    'Interfaces and unions over entity kinds, by name (cache reads accept them).',
    Object.keys(model.abstracts).map((name) => [name, name]),
  );
  map('StashTypes', 'The whole schema as types: what `createStashStore({ model })` is typed by.', [
    ['entities', 'EntityTypes'],
    ['abstracts', 'AbstractTypes'],
    ['filters', 'EntityFilterTypes'],
    ['createInputs', 'EntityCreateInputs'],
    ['updateInputs', 'EntityUpdateInputs'],
  ]);
  return out.join('\n');
}
