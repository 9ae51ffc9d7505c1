/**
 * Input checks shared by the store's parts (ids, typenames, entity snapshots), so every public
 * method fails the same way, with a `StashValidationError` naming `StashEntityStore`, before any work.
 */
import { StashValidationError } from '../errors';
import type { TypeInfo, TypeTable } from '../model/typeTable';
import type { EntitySnapshot } from '../records/storeRecord';
import { checkEntityId } from '../validate/entityId';
import { show } from '../validate/showValue';

/** A server id or a store-made temporary id (`tmp:3`); see `validate/entityId.ts`. */
export function checkId(id: unknown): string {
  return checkEntityId(id, 'StashEntityStore');
}

/** The concrete types of a typename (one, or several for `BaseFile`/`VisualFile`). */
export function concreteTypes(table: TypeTable, typename: string): readonly TypeInfo[] {
  if (typeof typename !== 'string')
    throw new StashValidationError('StashEntityStore: typename must be a string');
  return table.concrete(typename);
}

export function entityTypeOf(table: TypeTable, entity: EntitySnapshot): TypeInfo {
  if (entity === null || typeof entity !== 'object' || typeof entity.__typename !== 'string') {
    throw new StashValidationError(
      `StashEntityStore: expected an entity snapshot with __typename and id, got ${show(entity)}`,
    );
  }
  checkEntityId(entity.id, `StashEntityStore: ${entity.__typename} snapshot`);
  return table.entity(entity.__typename);
}

/** `(typename, id)` or an entity, as `[typename, id]`. */
export function targetOf(
  table: TypeTable,
  typeOrEntity: string | EntitySnapshot,
  id: string | undefined,
): [string, string] {
  if (typeof typeOrEntity === 'string') return [typeOrEntity, checkId(id)];
  return [entityTypeOf(table, typeOrEntity).name, typeOrEntity.id];
}
