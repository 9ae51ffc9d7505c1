/**
 * What a mutation the Stash UI ran (through its Apollo client) changed, by root field: the entity
 * type and kind, so the store can invalidate the right records and apply the type's
 * `INVALIDATION_RULES`. Derived from the schema model (create/update/destroy/bulk and side mutations
 * of each entity) plus the root fields the model does not describe (`HOST_EXTRA_MUTATIONS`).
 */
import type { SchemaModel } from '../schema/modelTypes';
import { writeModel } from '../schema/writeModel';

export type HostMutationKind = 'create' | 'update' | 'destroy' | 'merge' | 'side' | 'all';

export interface HostMutation {
  readonly typename: string;
  readonly kind: HostMutationKind;
}

/** `all`: may change anything (plugin operations, raw SQL, object imports): everything goes stale. */
const ALL: HostMutation = { typename: '', kind: 'all' };

/** Root mutation fields that change library data but are not in the model's entity facts. */
export const HOST_EXTRA_MUTATIONS: Readonly<Record<string, HostMutation>> = {
  scenesUpdate: { typename: 'Scene', kind: 'update' },
  sceneMerge: { typename: 'Scene', kind: 'merge' },
  sceneIncrementO: { typename: 'Scene', kind: 'side' },
  sceneDecrementO: { typename: 'Scene', kind: 'side' },
  sceneIncrementPlayCount: { typename: 'Scene', kind: 'side' },
  imagesUpdate: { typename: 'Image', kind: 'update' },
  galleriesUpdate: { typename: 'Gallery', kind: 'update' },
  performerMerge: { typename: 'Performer', kind: 'merge' },
  tagsMerge: { typename: 'Tag', kind: 'merge' },
  // Deprecated Movie mutations change Groups (same table).
  movieCreate: { typename: 'Group', kind: 'create' },
  movieUpdate: { typename: 'Group', kind: 'update' },
  bulkMovieUpdate: { typename: 'Group', kind: 'update' },
  movieDestroy: { typename: 'Group', kind: 'destroy' },
  moviesDestroy: { typename: 'Group', kind: 'destroy' },
  runPluginOperation: ALL,
  execSQL: ALL,
  importObjects: ALL,
  anonymiseDatabase: ALL,
};

/** Root mutation field -> what it changes, for `model` (fields that change no entity are absent). */
export function hostMutationTable(model: SchemaModel): ReadonlyMap<string, HostMutation> {
  const table = new Map<string, HostMutation>();
  for (const e of Object.values(writeModel(model).entities)) {
    const add = (field: string | undefined, kind: HostMutationKind) => {
      if (field !== undefined && !table.has(field)) table.set(field, { typename: e.name, kind });
    };
    add(e.create?.field, 'create');
    add(e.update?.field, 'update');
    add(e.bulkUpdate?.field, 'update');
    add(e.destroy?.field, 'destroy');
    add(e.destroyMany?.field, 'destroy');
    for (const fields of Object.values(e.sideMutations ?? {})) for (const f of fields) add(f, 'side');
  }
  for (const [field, m] of Object.entries(HOST_EXTRA_MUTATIONS)) if (!table.has(field)) table.set(field, m);
  return table;
}

/**
 * The ids a root mutation field names in its arguments (`id`, `ids`, `input.id`, `input.ids`,
 * `destination`) and, for merges, the ids merged away (`source`).
 */
export function mutationIds(args: Record<string, unknown>): { ids: string[]; gone: string[] } {
  const ids: string[] = [];
  const gone: string[] = [];
  const take = (value: unknown, into: string[]) => {
    if (typeof value === 'string' || typeof value === 'number') into.push(String(value));
    else if (Array.isArray(value)) for (const v of value) take(v, into);
  };
  const visit = (bag: Record<string, unknown>) => {
    take(bag.id, ids);
    take(bag.ids, ids);
    take(bag.destination, ids);
    take(bag.source, gone);
  };
  visit(args);
  for (const value of Object.values(args)) {
    if (Array.isArray(value)) for (const v of value) if (isObject(v)) visit(v);
    if (isObject(value)) visit(value);
  }
  return { ids: [...new Set(ids)], gone: [...new Set(gone)] };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
