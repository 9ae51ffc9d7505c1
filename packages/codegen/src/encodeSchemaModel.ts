/**
 * Writes a `SchemaModel` in the compact form described in
 * `packages/core/src/schema/encodedSchemaModel.ts`. `decodeSchemaModel(encodeSchemaModel(m))`
 * must equal `m`; the codegen tests check it.
 */
import type { EncodedEntity, EncodedSchemaModel } from '../../core/src/schema/encodedSchemaModel.ts';
import type {
  EntityModel,
  FieldArgModel,
  FieldModel,
  InputFieldModel,
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
    dash(l.aggregates.join(',')),
    l.extraArgs ? args(l.extraArgs) : '-',
  ].join(' ');
}

function mutation(m: MutationModel | undefined): string {
  return m ? `${m.field} ${m.arg} ${m.argType} ${m.returns}` : '';
}

function entity(e: EntityModel): EncodedEntity {
  const single = e.single
    ? `${e.single.field} ${e.single.idArg} ${e.single.idType}${e.single.errorsOnMissing ? ' !' : ''}`
    : '';
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
    single,
    list(e.list),
    mutation(e.create),
    mutation(e.update),
    mutation(e.destroy),
    mutation(e.destroyMany),
    mutation(e.bulkUpdate),
    writes,
    side,
  ];
}

export function encodeSchemaModel(model: SchemaModel): EncodedSchemaModel {
  return {
    v: 1,
    e: model.entityTypes.join(' '),
    s: model.scalars.join(' '),
    n: Object.entries(model.enums).map(([name, values]) => [name, ...values].join(' ')),
    o: Object.values(model.objects).map((o) =>
      line(o.interfaces ? `${o.name}:${o.interfaces.join('&')}` : o.name, o.fields),
    ),
    a: Object.values(model.abstracts).map((a) =>
      line(`${a.name} ${a.kind === 'interface' ? 'i' : 'u'} ${a.possibleTypes.join(',')}`, a.fields ?? {}),
    ),
    i: Object.values(model.inputs).map((i) => line(i.name, i.fields)),
    f: Object.keys(model.filters).join(' '),
    x: model.entityTypes.map((name) => entity(model.entities[name])),
  };
}
