import type { MockDb } from '../../db/MockDb';
import { subGroupKeys } from '../../db/subGroupOrder';
import { MockStashError } from '../../errors';

/**
 * Stash's groupRelationshipStore.ReorderSubGroups over the order keys, one sub-group at a time: the
 * insertion point is the key of `insertAt` (or, after it, the next larger key or that key + 1), every key
 * from there up moves up by one and the moved sub-group takes it. Ids that are not sub-groups of the group
 * change nothing but the shift, as Stash's UPDATE matches no row.
 */
export function reorderSubGroups(
  db: MockDb,
  groupId: string,
  subIds: readonly string[],
  insertAt: string,
  insertAfter: boolean,
): void {
  for (const subId of subIds) {
    const keys = subGroupKeys(db, groupId);
    let index = keys.get(insertAt);
    if (index === undefined)
      throw new MockStashError(`sub-group ${insertAt} not found in containing group ${groupId}`);
    if (insertAfter) {
      const larger = [...keys.values()].filter((k) => k > index!);
      index = larger.length > 0 ? Math.min(...larger) : index + 1;
    }
    for (const [id, key] of keys) if (key >= index) keys.set(id, key + 1);
    if (keys.has(subId)) keys.set(subId, index);
    for (const [id, key] of keys) {
      const sub = db.get('Group', id)!;
      const links = sub.containing_groups.map((c) =>
        c.group_id === groupId ? { ...c, order_index: key } : c,
      );
      db.update('Group', id, { containing_groups: links });
    }
  }
}
