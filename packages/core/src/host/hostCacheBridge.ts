/**
 * Coherence between a store and the Stash UI's Apollo cache on the same page (a plugin panel).
 *
 * - Store -> host: after each mutation the store sent (`store.subscribeCommits`), the host cache is
 *   updated the way the UI's `StashService` updates it after its own mutations: the entity's changed
 *   scalar fields are written (the others evicted, so watching queries refetch them), a deleted
 *   entity and its `find<Type>(id)` entry are evicted, the fields the type's rule names are evicted
 *   on every cached object of those types, the root list queries of the rule's types (`findScenes`,
 *   ...) and `stats` are evicted, then `gc()`; one broadcast.
 * - Host -> store: an `ApolloLink` placed first on the host client sees every mutation the UI runs;
 *   a successful root field the store knows (`sceneUpdate`, `tagsMerge`, `sceneAddO`...) invalidates
 *   the records it names and applies the type's `INVALIDATION_RULES`, so mounted hooks refetch once.
 *
 * Opt-in: off (inactive) when no host client is given or found (`window.PluginApi`).
 */
// Types only: a plugin bundle carries no graphql-js (kinds are compared as strings).
import type { FieldNode, OperationDefinitionNode } from 'graphql';
import { StashValidationError } from '../errors';
import { ALL_LISTS } from '../live/jobRules';
import { invalidationRule, type InvalidationRule } from '../mutations/invalidationRules';
import type { StoreCommit } from '../mutations/storeCommits';
import type { SchemaModel } from '../schema/modelTypes';
import type { EntitySnapshot } from '../records/storeRecord';
import type {
  ApolloCacheLike,
  ApolloClientLike,
  ApolloModifier,
  ApolloModuleLike,
  ApolloOperationLike,
  ApolloRequestHandler,
  ApolloResultLike,
  LooseModule,
} from './apolloLike';
import { astValue } from './astValue';
import { hostMutationTable, mutationIds, type HostMutation } from './hostMutations';

/** What the bridge needs from a store (a `StashEntityStore`). */
export interface HostCacheStore {
  readonly model: SchemaModel;
  subscribeCommits(listener: (commit: StoreCommit) => void): () => void;
  peek(typename: string, id: string): EntitySnapshot | null;
  receivedFields(entity: EntitySnapshot): ReadonlySet<string>;
  invalidate(typename: string, id: string): void;
  invalidateAll(): void;
  invalidateRule(rule: InvalidationRule): void;
  batch<T>(fn: () => T): T;
  /** The bridge closes with the store. */
  onDispose?(fn: () => void): () => void;
}

export interface HostCacheOptions {
  /** The host's Apollo client; default `window.PluginApi.utils.StashService.getClient()`. */
  client?: ApolloClientLike;
  /** The host's `@apollo/client` module (for `ApolloLink`); default `window.PluginApi.libraries.Apollo`. */
  apollo?: ApolloModuleLike | LooseModule;
  /** Mirror the store's mutations into the host cache (default `true`). */
  toHost?: boolean;
  /** Learn the host's mutations through a link on its client (default `true`). */
  fromHost?: boolean;
}

/** A host mutation the store learnt of (`onHostMutation`), after its invalidations ran. */
export interface HostMutationEvent {
  readonly field: string;
  readonly typename: string;
  readonly ids: readonly string[];
}

export interface HostCacheBridge {
  /** `false` outside a Stash page (no host client): the bridge does nothing. */
  readonly active: boolean;
  onHostMutation(listener: (event: HostMutationEvent) => void): () => void;
  /** Stops both directions (the link stays on the host client as a pass-through if others wrapped it). */
  dispose(): void;
}

interface PluginApiLike {
  libraries?: { Apollo?: ApolloModuleLike | LooseModule };
  utils?: { StashService?: { getClient?: () => ApolloClientLike } };
}

const INACTIVE: HostCacheBridge = {
  active: false,
  onHostMutation: () => () => {},
  dispose: () => {},
};

/** Connects `store` to the host page's Apollo cache (see the module comment). */
export function connectHostCache(store: HostCacheStore, options: HostCacheOptions = {}): HostCacheBridge {
  const pluginApi = (globalThis as { PluginApi?: PluginApiLike }).PluginApi;
  const client = options.client ?? pluginApi?.utils?.StashService?.getClient?.();
  if (client === undefined) return INACTIVE;
  const offs: (() => void)[] = [];
  const listeners = new Set<(event: HostMutationEvent) => void>();
  let disposed = false;

  if (options.toHost ?? true) {
    offs.push(store.subscribeCommits((commit) => mirrorCommit(store, client.cache, commit)));
  }
  if (options.fromHost ?? true) {
    const apollo = (options.apollo ?? pluginApi?.libraries?.Apollo) as Partial<ApolloModuleLike> | undefined;
    if (typeof apollo?.ApolloLink !== 'function')
      throw new StashValidationError(
        'connectHostCache: learning host mutations needs { apollo } (the @apollo/client module of the host client)',
      );
    const table = hostMutationTable(store.model);
    const handler: ApolloRequestHandler = (operation, forward) => {
      const observable = forward(operation);
      const definition = mutationDefinition(operation);
      if (definition === undefined) return observable;
      return observable.map((result) => {
        if (!disposed) {
          for (const event of learn(store, table, definition, operation, result)) {
            for (const l of [...listeners]) l(event);
          }
        }
        return result;
      });
    };
    const link = new (apollo.ApolloLink as ApolloModuleLike['ApolloLink'])(handler as never);
    const original = client.link;
    const wrapped = link.concat(original);
    client.setLink(wrapped);
    offs.push(() => {
      if (client.link === wrapped) client.setLink(original);
    });
  }

  const bridge: HostCacheBridge = {
    active: true,
    onHostMutation(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    dispose() {
      disposed = true;
      for (const off of offs.splice(0)) off();
      listeners.clear();
    },
  };
  const offDispose = store.onDispose?.(() => bridge.dispose());
  if (offDispose !== undefined) offs.push(offDispose);
  return bridge;
}

function mutationDefinition(operation: ApolloOperationLike): OperationDefinitionNode | undefined {
  const ops = operation.query.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === 'OperationDefinition',
  );
  const op = ops.length === 1 ? ops[0] : ops.find((d) => d.name?.value === operation.operationName);
  return op?.operation === 'mutation' ? op : undefined;
}

/** Applies what the host's mutation changed to the store; returns what was learnt. */
function learn(
  store: HostCacheStore,
  table: ReadonlyMap<string, HostMutation>,
  definition: OperationDefinitionNode,
  operation: ApolloOperationLike,
  result: ApolloResultLike,
): HostMutationEvent[] {
  const events: HostMutationEvent[] = [];
  const fields = definition.selectionSet.selections.filter((s): s is FieldNode => s.kind === 'Field');
  store.batch(() => {
    for (const field of fields) {
      const name = field.name.value;
      const known = table.get(name);
      const value = result.data?.[field.alias?.value ?? name];
      // Failed (Stash rolls the transaction back) or unknown: nothing changed that the store holds.
      if (known === undefined || value === undefined || value === null || value === false) continue;
      if (known.kind === 'all') {
        store.invalidateAll();
        store.invalidateRule({ lists: ALL_LISTS });
        events.push({ field: name, typename: '', ids: [] });
        continue;
      }
      const args: Record<string, unknown> = {};
      for (const a of field.arguments ?? []) args[a.name.value] = astValue(a.value, operation.variables);
      const { ids, gone } = mutationIds(args);
      for (const id of returnedIds(value, known.typename)) if (!ids.includes(id)) ids.push(id);
      for (const id of [...ids, ...gone]) store.invalidate(known.typename, id);
      const rule = invalidationRule(known.typename);
      store.invalidateRule({ fields: rule.fields, lists: [...(rule.lists ?? []), known.typename] });
      events.push({ field: name, typename: known.typename, ids: [...ids, ...gone] });
    }
  });
  return events;
}

/** Ids of `typename` objects in a mutation result (the entity or list of entities returned). */
function returnedIds(value: unknown, typename: string): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list
    .filter((v): v is { __typename?: unknown; id?: unknown } => typeof v === 'object' && v !== null)
    .filter((v) => (v.__typename === undefined || v.__typename === typename) && v.id != null)
    .map((v) => String(v.id));
}

/** Updates the host cache after a store mutation, as StashService does after its own. */
function mirrorCommit(store: HostCacheStore, cache: ApolloCacheLike, commit: StoreCommit): void {
  const run = (c: ApolloCacheLike) => {
    const { typename, id } = commit;
    const entities = store.model.entities;
    const self = id === null ? undefined : c.identify({ __typename: typename, id });
    if (commit.kind === 'delete' && self !== undefined) {
      c.evict({ id: self });
      const single = entities[typename]?.single;
      if (single !== undefined)
        c.evict({ id: 'ROOT_QUERY', fieldName: single.field, args: { [single.idArg]: id } });
    } else if (self !== undefined && commit.kind !== 'create') {
      c.modify({ id: self, fields: entityModifier(store, commit), broadcast: false });
    }
    for (const [type, names] of Object.entries(commit.rule.fields ?? {})) {
      const drop: Record<string, ApolloModifier> = {};
      for (const n of names) drop[n] = (_v, { DELETE }) => DELETE;
      for (const [key, obj] of Object.entries(c.extract?.() ?? {})) {
        if (key !== self && obj?.__typename === type) c.modify({ id: key, fields: drop, broadcast: false });
      }
    }
    const roots: Record<string, ApolloModifier> = {};
    for (const t of new Set([...(commit.rule.lists ?? []), typename])) {
      const list = entities[t]?.list;
      if (list !== undefined) roots[list.field] = (_v, { DELETE }) => DELETE;
    }
    if (commit.kind !== 'update') roots.stats = (_v, { DELETE }) => DELETE;
    c.modify({ id: 'ROOT_QUERY', fields: roots, broadcast: false });
    c.gc();
  };
  if (cache.batch !== undefined) cache.batch({ update: run, optimistic: false });
  else run(cache);
}

/**
 * The entity's fields after the commit: a changed field the store holds fresh as a plain value
 * (scalar, enum, list of them) is written; any other changed field is evicted (its watchers refetch).
 */
function entityModifier(store: HostCacheStore, commit: StoreCommit): ApolloModifier {
  const entity = commit.id === null ? null : store.peek(commit.typename, commit.id);
  const received = entity === null ? new Set<string>() : store.receivedFields(entity);
  const changed = commit.fields === null ? null : new Set(commit.fields);
  return (value, { DELETE, fieldName, storeFieldName }) => {
    if (fieldName === '__typename' || fieldName === 'id') return value;
    if (changed !== null && !changed.has(fieldName)) return value;
    if (commit.uncertain || entity === null || storeFieldName !== fieldName || !received.has(fieldName))
      return DELETE;
    const next = (entity as unknown as Record<string, unknown>)[fieldName];
    return isPlain(next) ? next : DELETE;
  };
}

function isPlain(value: unknown): boolean {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return true;
  return (
    Array.isArray(value) &&
    value.every((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v))
  );
}
