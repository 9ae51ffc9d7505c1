/**
 * `useEntity(type, id, { fields })`: one entity with the fields a component needs (without
 * `fields`: the type's default set, links as `{ __typename, id, name }` stubs). Fetches only what
 * is missing (reads of one tick share a request), re-renders only when a selected field of the
 * entity or of an entity it reaches (`studio.name`) changes, and with `suspense: true` suspends
 * until the data is there (errors go to the nearest error boundary).
 */
import {
  EntityObserver,
  type EntityOf,
  type EntityResult,
  type EntityTypeName,
  type SelectionOf,
  type CheckedSpecs,
} from '@stashkit/core';
import { useStashContext } from '../provider/stashContext';
import { defaultFields } from './defaultFields';
import { checkHookOptions } from './hookOptions';
import { useObserver, useObserverResult } from './useObserver';

export interface UseEntityOptions<F extends readonly string[] | undefined = readonly string[] | undefined> {
  /** Field specs that must be present (`'title'`, `'studio.name'`); default: the type's default set. */
  fields?: F;
  /** Suspend while pending and throw errors to the error boundary. */
  suspense?: boolean;
  /** `false` = read the cache only, never fetch. */
  enabled?: boolean;
}

export type UseEntityResult<D> = EntityResult<D>;

export function useEntity<
  T extends EntityTypeName,
  const F extends readonly string[] | undefined = undefined,
>(
  type: T,
  id: string | null | undefined,
  options: UseEntityOptions<F & CheckedSpecs<EntityOf<T>, NoInfer<F>>> = {},
): UseEntityResult<SelectionOf<EntityOf<T>, F>> {
  const { store } = useStashContext('useEntity');
  checkHookOptions('useEntity', options);
  const fields = options.fields ?? defaultFields(store, type);
  const observerOptions = { type, id, fields, enabled: options.enabled };
  const observer = useObserver(
    store,
    () => new EntityObserver<T, SelectionOf<EntityOf<T>, F>>(store, observerOptions),
  );
  // Cheap when nothing changed (a signature compare); throws on bad input before any request.
  observer.setOptions(observerOptions);
  const result = useObserverResult(observer);
  if (options.suspense === true) {
    if (result.status === 'error') throw result.error;
    if (result.status === 'pending') throw observer.suspend();
  }
  return result;
}

/** `useEntity` with `suspense: true`: renders only once the entity is loaded (or known missing). */
export function useSuspenseEntity<
  T extends EntityTypeName,
  const F extends readonly string[] | undefined = undefined,
>(
  type: T,
  id: string,
  options: Omit<UseEntityOptions<F & CheckedSpecs<EntityOf<T>, NoInfer<F>>>, 'suspense'> = {},
): UseEntityResult<SelectionOf<EntityOf<T>, F>> {
  return useEntity(type, id, { ...options, suspense: true });
}
