/**
 * GraphQL `errors` of one root field as a trie over response paths, so the normalizer can tell a
 * value that arrived in full from one that errored or was nulled by an error below it.
 */
import type { GraphQLErrorEntry } from '../errors';

export interface ErrorNode {
  /** An error was reported exactly at this path. */
  error: boolean;
  children: Map<string | number, ErrorNode> | undefined;
}

/** Trie of the errors whose path starts with `rootKey`, or `undefined` when there are none. */
export function errorTrie(
  errors: readonly GraphQLErrorEntry[] | undefined,
  rootKey: string,
): ErrorNode | undefined {
  let root: ErrorNode | undefined;
  if (errors === undefined) return undefined;
  for (const e of errors) {
    const path = e.path;
    if (path === undefined || path[0] !== rootKey) continue;
    root ??= { error: false, children: undefined };
    let node = root;
    for (let i = 1; i < path.length; i++) {
      node.children ??= new Map();
      let next = node.children.get(path[i]);
      if (next === undefined) node.children.set(path[i], (next = { error: false, children: undefined }));
      node = next;
    }
    node.error = true;
  }
  return root;
}
