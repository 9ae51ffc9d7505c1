/**
 * Field trees for observers: field specs parsed and checked against the store's schema model
 * (throws `StashValidationError` synchronously, before any request), cached per model and spec list.
 */
import { TypeTable } from '../model/typeTable';
import { FieldTreeBuilder, type FieldTree } from '../query/fieldTree';
import type { SchemaModel } from '../schema/modelTypes';

const builders = new WeakMap<SchemaModel, { builder: FieldTreeBuilder; trees: Map<string, FieldTree> }>();

function entry(model: SchemaModel) {
  let found = builders.get(model);
  if (found === undefined) {
    found = { builder: new FieldTreeBuilder(TypeTable.of(model)), trees: new Map() };
    builders.set(model, found);
  }
  return found;
}

/** The tree for `specs` on `typename` (`undefined` specs = the type's default set). Shared: do not mutate. */
export function fieldTreeFor(
  model: SchemaModel,
  typename: string,
  specs: readonly string[] | undefined,
): FieldTree {
  const { builder, trees } = entry(model);
  if (specs === undefined) return builder.defaults(typename);
  const key = typename + '\u0000' + specs.join('\u0000');
  let tree = trees.get(key);
  if (tree === undefined) {
    tree = builder.parse(typename, specs);
    trees.set(key, tree);
  }
  return tree;
}

/** Normalizes a `fields` option to an array (or `undefined`), copying so later caller edits don't leak in. */
export function specList(fields: Iterable<string> | undefined): readonly string[] | undefined {
  return fields === undefined ? undefined : [...fields];
}
