/**
 * Whether a record has received a field tree: `hasFields`, `missingFields` and
 * `missingFieldsNested`. A path is present when every step was received; a `null` link or embedded
 * value makes the rest of the path present, and a list is present when every item is (an empty
 * list is). Embedded objects are stored in full, so their own fields are present with them.
 */
import type { FieldTree } from '../query/fieldTree';
import { LINKS, type LinkValue, type Links, type StoreRecord } from '../records/storeRecord';

/** Whether a field counts: received by default, or a stricter test such as "received and fresh". */
export type FieldTest = (record: StoreRecord, key: string) => boolean;

const received: FieldTest = (record, key) => record.shape.has(key);

export function treePresent(record: StoreRecord, tree: FieldTree, test: FieldTest = received): boolean {
  for (const node of tree.values()) {
    // A detached record (an entity object sent without its id) lacks the id.
    if (node.fk.key === 'id') {
      if (record.snap.id === undefined) return false;
      continue;
    }
    const field = record.type.fields.get(node.fk.name);
    if (field === undefined) continue;
    if (!test(record, node.fk.key)) return false;
    if (node.children === undefined) continue;
    if (field.link) {
      const links = (record.snap as unknown as { [LINKS]: Links })[LINKS];
      if (!linkPresent(links[node.fk.key], node.children, test)) return false;
    } else if (field.kind === 'embedded') {
      if (!embeddedPresent((record.snap as never)[node.fk.key], node.children, test)) return false;
    }
  }
  return true;
}

function linkPresent(value: LinkValue | undefined, tree: FieldTree, test: FieldTest): boolean {
  if (value === undefined || value === null) return true;
  if (Array.isArray(value)) {
    for (const r of value) if (r !== null && !treePresent(r, tree, test)) return false;
    return true;
  }
  return treePresent(value as StoreRecord, tree, test);
}

function embeddedPresent(value: unknown, tree: FieldTree, test: FieldTest): boolean {
  if (value === null || value === undefined) return true;
  if (Array.isArray(value)) {
    for (const v of value) if (!embeddedPresent(v, tree, test)) return false;
    return true;
  }
  const links = (value as { [LINKS]?: Links })[LINKS];
  for (const node of tree.values()) {
    if (node.children === undefined) continue;
    if (links !== undefined && node.fk.key in links) {
      if (!linkPresent(links[node.fk.key], node.children, test)) return false;
    } else if (!embeddedPresent((value as Record<string, unknown>)[node.fk.key], node.children, test))
      return false;
  }
  return true;
}
