/**
 * Works out what a set of reads must fetch: per record key, the union of requested fields that are
 * not fresh (not received, invalidated or past their TTL; all of them when forced or uncached). Needs of linked records go
 * to the linked record itself when the link is known and the type can be fetched alone, and into
 * the parent's selection otherwise (link not received yet, or a type like GalleryChapter).
 */
import { StashValidationError } from '../errors';
import type { TypeInfo } from '../model/typeTable';
import { mergeTree, type FieldNode, type FieldTree } from '../query/fieldTree';
import { LINKS, RecordState, type LinkValue, type Links, type StoreRecord } from '../records/storeRecord';
import { recordKey } from '../shared/keys';

export interface FetchTarget {
  readonly type: TypeInfo;
  readonly id: string;
  /** Fields to select for this record (missing ones only). */
  readonly tree: FieldTree;
}

export interface PlanInput {
  readonly type: TypeInfo;
  readonly id: string;
  readonly record: StoreRecord | undefined;
  readonly tree: FieldTree;
  /** Refetch the requested fields even if received (and at every level below). */
  readonly force: boolean;
}

/** Per-field freshness (the store's `TtlPolicy`). */
export interface FieldFreshness {
  isFieldStale(record: StoreRecord, key: string, now: number): boolean;
  now(): number;
}

export class FetchPlanner {
  /** Targets by record key. */
  readonly targets = new Map<string, FetchTarget>();
  readonly #fresh: FieldFreshness;
  readonly #now: number;

  constructor(fresh: FieldFreshness) {
    this.#fresh = fresh;
    this.#now = fresh.now();
  }

  /** Plans one read; returns the record keys it depends on (empty when everything is cached). */
  add(input: PlanInput): Set<string> {
    const deps = new Set<string>();
    this.#plan(input.type, input.id, input.record, input.tree, input.force, deps);
    return deps;
  }

  #plan(
    type: TypeInfo,
    id: string,
    record: StoreRecord | undefined,
    tree: FieldTree,
    force: boolean,
    deps: Set<string>,
  ): void {
    const refetch = force || record === undefined || record.state === RecordState.Deleted;
    for (const node of tree.values()) {
      const field = type.fields.get(node.fk.name);
      if (field === undefined || node.fk.key === 'id') continue;
      if (refetch || this.#fresh.isFieldStale(record!, node.fk.key, this.#now)) {
        this.#missing(type, id, node, deps);
        continue;
      }
      if (node.children === undefined) continue;
      if (field.link) {
        const links = (record!.snap as unknown as { [LINKS]: Links })[LINKS];
        if (this.#descend(links[node.fk.key], node.children, force, deps))
          this.#missing(type, id, node, deps);
      } else if (field.kind === 'embedded') {
        const value = (record!.snap as unknown as Record<string, unknown>)[node.fk.key];
        if (this.#descendEmbedded(value, node.children, force, deps)) this.#missing(type, id, node, deps);
      }
    }
  }

  /** Plans linked records; returns true when one of them can only be fetched through the parent. */
  #descend(value: LinkValue | undefined, tree: FieldTree, force: boolean, deps: Set<string>): boolean {
    if (value === undefined || value === null) return false;
    const records = Array.isArray(value) ? value : [value as StoreRecord];
    for (const child of records) {
      if (child === null) continue;
      // A detached record (sent without its id) is refetched through its parent.
      if (child.type.fetchable && child.snap.id !== undefined)
        this.#plan(child.type, child.id, child, tree, force, deps);
      else if (this.#needs(child, tree, force)) return true;
    }
    return false;
  }

  /** Plans records linked from embedded objects (`SceneGroup.group`); true when the parent must refetch. */
  #descendEmbedded(value: unknown, tree: FieldTree, force: boolean, deps: Set<string>): boolean {
    if (value === null || value === undefined) return false;
    const items = Array.isArray(value) ? value : [value];
    for (const item of items) {
      const links = (item as { [LINKS]?: Links } | null)?.[LINKS];
      if (links === undefined) continue;
      for (const node of tree.values()) {
        if (node.children === undefined || !(node.fk.key in links)) continue;
        if (this.#descend(links[node.fk.key], node.children, force, deps)) return true;
      }
    }
    return false;
  }

  #needs(record: StoreRecord, tree: FieldTree, force: boolean): boolean {
    if (force || record.state === RecordState.Deleted) return true;
    for (const node of tree.values()) {
      if (node.fk.key === 'id' && record.snap.id === undefined) return true;
      if (node.fk.key === 'id' || !record.type.fields.has(node.fk.name)) continue;
      if (this.#fresh.isFieldStale(record, node.fk.key, this.#now)) return true;
      if (node.children === undefined || !record.type.fields.get(node.fk.name)!.link) continue;
      // Records below one fetched through its parent come with it (detached ones have no other way).
      const value = (record.snap as unknown as { [LINKS]: Links })[LINKS][node.fk.key];
      const below = Array.isArray(value) ? value : [value];
      for (const child of below as (StoreRecord | null | undefined)[]) {
        if (child !== null && child !== undefined && this.#needs(child, node.children, force)) return true;
      }
    }
    return false;
  }

  #missing(type: TypeInfo, id: string, node: FieldNode, deps: Set<string>): void {
    if (!type.fetchable) {
      throw new StashValidationError(
        `StashEntityStore: ${type.name} cannot be fetched on its own; populate it through the entity that links to it`,
      );
    }
    const key = recordKey(type.name, id);
    let target = this.targets.get(key);
    if (target === undefined) this.targets.set(key, (target = { type, id, tree: new Map() }));
    mergeTree(target.tree, new Map([[node.fk.key, node]]));
    deps.add(key);
  }

  /** Marks a record key as needed even with no fields (an uncached `get` with an empty tree). */
  require(type: TypeInfo, id: string, deps: Set<string>): void {
    const key = recordKey(type.name, id);
    if (!this.targets.has(key)) {
      if (!type.fetchable) {
        throw new StashValidationError(`StashEntityStore: ${type.name} cannot be fetched on its own`);
      }
      this.targets.set(key, { type, id, tree: new Map() });
    }
    deps.add(key);
  }
}
