/**
 * Writes a `SchemaModel` in the compact form described in
 * `packages/core/src/schema/encodedSchemaModel.ts`: the read part (`encodeSchemaModel`) and the
 * write part (`encodeWriteModel`). `decodeSchemaModel` of the first with `decodeWriteModel` of the
 * second merged in must equal `m`; the codegen tests check it.
 */
import type {
  EncodedEntity,
  EncodedEntityWrites,
  EncodedSchemaModel,
  EncodedWriteModel,
} from '../../core/src/schema/encodedSchemaModel.ts';
import type {
  EntityModel,
  FieldArgModel,
  FieldModel,
  InputFieldModel,
  InputModel,
  ListQueryModel,
  MutationModel,
  SchemaModel,
} from '../../core/src/schema/modelTypes.ts';

function args(list: FieldArgModel[]): string {
  return list.map((a) => `${a.name}:${a.type}`).join(';');
}

function field(f: FieldModel | InputFieldModel): string {
  const withArgs = 'args' in f && f.args ? `(${args(f.args)})` : '';
  return `${f.deprecated ? '~' : ''}${f.name}${withArgs}:${f.ref}`;
}

function line(head: string, fields: Record<string, FieldModel | InputFieldModel>): string {
  return [head, ...Object.values(fields).map(field)].join(' ');
}

const OPERATORS = ['AND', 'OR', 'NOT'];

/**
 * An input line: `*` for `CriterionInput` in field types, and `Name+` for a filter whose first
 * fields are `AND`, `OR` and `NOT` of its own type.
 */
function inputLine(input: InputModel): string {
  const fields = Object.values(input.fields);
  const ops = OPERATORS.every(
    (op, i) => fields[i]?.name === op && fields[i].ref === input.name && !fields[i].deprecated,
  );
  const rest = ops ? fields.slice(OPERATORS.length) : fields;
  return [
    ops ? `${input.name}+` : input.name,
    ...rest.map((f) => `${f.deprecated ? '~' : ''}${f.name}:${f.ref.replace(/CriterionInput\b/, '*')}`),
  ].join(' ');
}

function list(l: ListQueryModel | undefined): string {
  if (!l) return '';
  const dash = (s: string | undefined) => s || '-';
  return [
    l.field,
    l.resultType,
    dash(l.itemsField),
    dash(l.filterArg),
    dash(l.filterType),
    dash(l.findFilterArg),
    dash(l.idsArg),
    l.extraArgs ? args(l.extraArgs) : '-',
  ].join(' ');
}

function mutation(m: MutationModel | undefined): string {
  return m ? `${m.field} ${m.arg} ${m.argType} ${m.returns}` : '';
}

/** The read part leaves the aggregates out: the decoder takes the result type's other fields. */
function checkAggregates(model: SchemaModel, l: ListQueryModel | undefined): void {
  if (!l || l.direct) return;
  const derived = Object.values(model.objects[l.resultType]?.fields ?? {})
    .filter((f) => f.name !== l.itemsField && !f.deprecated)
    .map((f) => f.name);
  if (derived.join(' ') !== l.aggregates.join(' '))
    throw new Error(
      `codegen: ${l.field} aggregates ${l.aggregates.join(',')} are not ${l.resultType}'s other fields`,
    );
}

function entity(model: SchemaModel, e: EntityModel): EncodedEntity {
  checkAggregates(model, e.list);
  const single = e.single
    ? `${e.single.field} ${e.single.idArg} ${e.single.idType}${e.single.errorsOnMissing ? ' !' : ''}`
    : '';
  return [e.name, single, list(e.list)];
}

function entityWrites(e: EntityModel): EncodedEntityWrites {
  const writes = Object.values(e.writes)
    .map(
      (w) => `${w.field}${w.input === w.field ? '' : `=${w.input}`}${w.mode === 'value' ? '' : `:${w.mode}`}`,
    )
    .join(' ');
  const side = Object.entries(e.sideMutations ?? {})
    .map(([f, names]) => `${f}=${names.join(',')}`)
    .join(' ');
  return [
    e.name,
    mutation(e.create),
    mutation(e.update),
    mutation(e.destroy),
    mutation(e.destroyMany),
    mutation(e.bulkUpdate),
    writes,
    side,
  ];
}

/**
 * The inputs reads use: the entity filters, `FindFilterType`, input-typed arguments of fields and
 * list queries, and every input those reach. The rest (mutation inputs) is the write part's.
 */
export function readInputNames(model: SchemaModel): Set<string> {
  const names = new Set<string>();
  const visit = (name: string) => {
    if (names.has(name) || !Object.hasOwn(model.inputs, name)) return;
    names.add(name);
    for (const f of Object.values(model.inputs[name].fields)) if (f.kind === 'input') visit(f.type);
  };
  const visitRef = (ref: string) => visit(ref.replace(/[[\]!]/g, ''));
  Object.keys(model.filters).forEach(visit);
  visit('FindFilterType');
  for (const o of [...Object.values(model.objects), ...Object.values(model.abstracts)])
    for (const f of Object.values(o.fields ?? {})) for (const a of f.args ?? []) visitRef(a.type);
  for (const e of Object.values(model.entities)) for (const a of e.list?.extraArgs ?? []) visitRef(a.type);
  return names;
}

/** The read part: what every bundle carries. */
export function encodeSchemaModel(model: SchemaModel): EncodedSchemaModel {
  const reads = readInputNames(model);
  return {
    v: 2,
    e: model.entityTypes.join(' '),
    s: model.scalars.join(' '),
    n: Object.entries(model.enums).map(([name, values]) => [name, ...values].join(' ')),
    o: Object.values(model.objects).map((o) =>
      line(o.interfaces ? `${o.name}:${o.interfaces.join('&')}` : o.name, o.fields),
    ),
    a: Object.values(model.abstracts).map((a) =>
      line(`${a.name} ${a.kind === 'interface' ? 'i' : 'u'} ${a.possibleTypes.join(',')}`, a.fields ?? {}),
    ),
    i: Object.values(model.inputs)
      .filter((i) => reads.has(i.name))
      .map(inputLine),
    f: Object.keys(model.filters).join(' '),
    x: model.entityTypes.map((name) => entity(model, model.entities[name])),
  };
}

/** The write part: what only drafts, saves and deletes need (`writeModel(model)` merges it). */
export function encodeWriteModel(model: SchemaModel): EncodedWriteModel {
  const reads = readInputNames(model);
  const x = model.entityTypes.map((name) => entityWrites(model.entities[name]));
  return {
    v: 2,
    i: Object.values(model.inputs)
      .filter((i) => !reads.has(i.name))
      .map(inputLine),
    x: x.filter(([, ...parts]) => parts.some((p) => p !== '')),
  };
}
