/**
 * Works out what a set of reads must fetch: per record key, the union of requested fields that are
 * not fresh (not received, invalidated or past their TTL; all of them when forced or uncached). What is missing comes
 * from `readSelection`: needs of linked records go to the linked record itself when the link is
 * known and the type can be fetched alone, and into the parent's selection otherwise (link not
 * received yet, or a type like GalleryChapter).
 */
import { StashValidationError } from '../errors';
import type { TypeInfo } from '../model/typeTable';
import { mergeTree, type FieldNode, type FieldTree } from '../query/fieldTree';
import { readSelection, type FieldFreshness } from '../read/readSelection';
import { RecordState, type StoreRecord } from '../records/storeRecord';
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

export type { FieldFreshness };

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
    if (force || record === undefined || record.state === RecordState.Deleted) {
      // Forced or uncached: the whole selection, at every level, from this record.
      for (const node of tree.values()) {
        if (node.fk.key !== 'id' && type.fields.has(node.fk.name)) this.#missing(type, id, node, deps);
      }
      return;
    }
    const { missing } = readSelection(record, tree, { fresh: this.#fresh, now: this.#now });
    for (const { record: owner, node } of missing) this.#missing(owner.type, owner.id, node, deps);
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
