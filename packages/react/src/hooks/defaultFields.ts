/**
 * The type's default field set as a spec list (core's `selectionTree(type, undefined)`: every
 * non-deprecated field without required arguments, links as their small set), so a hook without
 * `fields` selects it like any other list: it fetches what is missing and its data holds exactly
 * that set. One frozen list per store and type (observers compare spec lists by identity).
 */
import type { StashEntityStore } from '@stashkit/core';

const lists = new WeakMap<StashEntityStore, Map<string, readonly string[]>>();

export function defaultFields(store: StashEntityStore, type: string): readonly string[] | undefined {
  // An unknown type is left to the observer, whose error names it.
  if (typeof type !== 'string' || !Object.hasOwn(store.model.entities, type)) return undefined;
  let byType = lists.get(store);
  if (byType === undefined) lists.set(store, (byType = new Map()));
  let specs = byType.get(type);
  if (specs === undefined) {
    specs = Object.freeze([...store.selectionTree(type, undefined).values()].map((node) => node.fk.key));
    byType.set(type, specs);
  }
  return specs;
}
