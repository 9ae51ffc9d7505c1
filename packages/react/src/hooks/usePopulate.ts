/**
 * `usePopulate(entity, fields)`: makes sure an entity a component already holds (from a list, a
 * link) has `fields`, fetching only the missing ones; then re-renders with the populated snapshot.
 * `data` is `null` until they are all present. A `null` entity is idle.
 */
import type {
  CheckedSpecs,
  EntityOf,
  EntityOfSnapshot,
  EntitySnapshot,
  EntityTypeName,
  Selected,
} from '@stashkit/core';
import { checkHookOptions } from './hookOptions';
import { useEntity, type UseEntityOptions, type UseEntityResult } from './useEntity';

export function usePopulate<E extends EntitySnapshot, const F extends readonly string[]>(
  entity: E | null | undefined,
  fields: F & CheckedSpecs<EntityOfSnapshot<E>, NoInfer<F>>,
  options: Omit<UseEntityOptions<F>, 'fields'> = {},
): UseEntityResult<Selected<E['__typename'] extends EntityTypeName ? EntityOf<E['__typename']> : E, F>> {
  checkHookOptions('usePopulate', options);
  const type = (entity?.__typename ?? 'Scene') as EntityTypeName;
  return useEntity(type, entity?.id ?? null, { ...options, fields }) as never;
}
