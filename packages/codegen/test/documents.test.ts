/**
 * Documents built only from the model are valid against the real schema: the queries, list
 * results, mutations and write inputs the store will assemble from it.
 */
import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { getWriteSchemaModel } from '../../core/src/schema/writeModel.ts';
import type { FieldModel } from '../../core/src/schema/modelTypes.ts';
import { schema } from './introspection.ts';

const model = getWriteSchemaModel();

/** Every scalar/enum field (no args) of a type, plus `id` of each single reference. */
function selection(type: string): string {
  const abstract = model.abstracts[type];
  if (abstract)
    return `__typename ${abstract.possibleTypes.map((t) => `... on ${t} { ${selection(t)} }`).join(' ')}`;
  const parts = ['__typename'];
  for (const f of Object.values(model.objects[type].fields) as FieldModel[]) {
    if (f.args?.some((a) => a.type.endsWith('!'))) continue;
    if (f.kind === 'scalar' || f.kind === 'enum') parts.push(f.name);
    else if (f.kind === 'entity') parts.push(`${f.name} { id }`);
    else if (f.kind === 'abstract')
      parts.push(`${f.name} { __typename ... on ${model.abstracts[f.type].possibleTypes[0]} { id } }`);
    else parts.push(`${f.name} { __typename }`);
  }
  return parts.join(' ');
}

function expectValid(doc: string) {
  const errors = validate(schema, parse(doc));
  expect(
    errors.map((e) => e.message),
    doc,
  ).toEqual([]);
}

describe('documents from the model', () => {
  it.each(model.entityTypes.filter((t) => model.entities[t].single))('single query of %s', (type) => {
    const { field, idArg, idType } = model.entities[type].single!;
    const returned = schema.getQueryType()!.getFields()[field].type.toString().replace(/!$/, '');
    const body = returned === type ? selection(type) : `... on ${type} { ${selection(type)} }`;
    expectValid(`query Q($id: ${idType}) { ${field}(${idArg}: $id) { ${body} } }`);
  });

  it.each(model.entityTypes.filter((t) => model.entities[t].list))('list query of %s', (type) => {
    const list = model.entities[type].list!;
    const vars: string[] = [];
    const args: string[] = [];
    if (list.filterArg) {
      vars.push(`$f: ${list.filterType}`);
      args.push(`${list.filterArg}: $f`);
    }
    if (list.findFilterArg) {
      vars.push('$ff: FindFilterType');
      args.push(`${list.findFilterArg}: $ff`);
    }
    if (list.idsArg) {
      vars.push('$ids: [ID!]');
      args.push(`${list.idsArg}: $ids`);
    }
    for (const a of list.extraArgs ?? []) {
      vars.push(`$${a.name}: ${a.type}`);
      args.push(`${a.name}: $${a.name}`);
    }
    const itemType = model.objects[list.resultType]?.fields[list.itemsField]?.type ?? type;
    const items = itemType === type ? selection(type) : `... on ${type} { ${selection(type)} }`;
    const body = list.direct ? items : `${list.aggregates.join(' ')} ${list.itemsField} { ${items} }`;
    const varDecl = vars.length ? `(${vars.join(', ')})` : '';
    const argList = args.length ? `(${args.join(', ')})` : '';
    expectValid(`query Q${varDecl} { ${list.field}${argList} { ${body} } }`);
  });

  it('every entity mutation takes its argument and returns what the model says', () => {
    for (const e of Object.values(model.entities)) {
      for (const role of ['create', 'update', 'destroy', 'destroyMany', 'bulkUpdate'] as const) {
        const m = e[role];
        if (!m) continue;
        const returned = m.returns.replace(/[[\]!]/g, '');
        const sel = model.objects[returned] ? ` { ${selection(returned)} }` : '';
        expectValid(`mutation M($v: ${m.argType}) { ${m.field}(${m.arg}: $v)${sel} }`);
      }
    }
  });

  it('write mappings produce inputs the schema accepts', () => {
    for (const e of Object.values(model.entities)) {
      const inputType = e.updateInput ?? e.createInput;
      if (!inputType) continue;
      const fields = Object.values(e.writes).map((w) => `${w.input}: $${w.input}`);
      const vars = Object.values(e.writes).map(
        (w) => `$${w.input}: ${model.inputs[inputType].fields[w.input].ref}`,
      );
      const required = Object.values(model.inputs[inputType].fields).filter(
        (f) => f.required && !e.writes[f.name],
      );
      for (const f of required) {
        fields.push(`${f.name}: $${f.name}`);
        vars.push(`$${f.name}: ${f.ref}`);
      }
      const m = e.update ?? e.create!;
      expectValid(
        `mutation M(${vars.join(', ')}) { ${m.field}(${m.arg}: { ${fields.join(', ')} }) { __typename } }`,
      );
    }
  });
});
