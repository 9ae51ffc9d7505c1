import type { GroupRow, MockDbReader } from './rows';

/** One link of a sub-group to a containing group, stored on the sub-group (`containing_groups`). */
export type GroupLink = GroupRow['containing_groups'][number];

/**
 * The order keys of a containing group's sub-groups (Stash's `groups_relations.order_index`). Links
 * written by mutations carry `order_index`; the seeded ones have none and count as 1, 2, ... in id order,
 * before any written one (those are numbered after the largest key of their group).
 */
export function subGroupKeys(db: MockDbReader, containingId: string): Map<string, number> {
  const keys = new Map<string, number>();
  let unnumbered = 0;
  for (const subId of db.subGroups(containingId)) {
    const link = db.get('Group', subId)?.containing_groups.find((c) => c.group_id === containingId);
    keys.set(subId, link?.order_index ?? ++unnumbered);
  }
  return keys;
}

/** Sorts each containing group's sub-group ids (in id order) by their order key, as MockDb indexes them. */
export function sortSubGroupLists(lists: Map<string, string[]>, groups: ReadonlyMap<string, GroupRow>): void {
  for (const [containingId, subs] of lists) {
    let unnumbered = 0;
    const key = new Map<string, number>();
    for (const subId of subs) {
      const link = groups.get(subId)!.containing_groups.find((c) => c.group_id === containingId);
      key.set(subId, link?.order_index ?? ++unnumbered);
    }
    subs.sort((a, b) => key.get(a)! - key.get(b)!);
  }
}

/** The key after every sub-group of a containing group (Stash's max(order_index) + 1). */
export function nextSubGroupKey(db: MockDbReader, containingId: string): number {
  let max = 0;
  for (const key of subGroupKeys(db, containingId).values()) max = Math.max(max, key);
  return max + 1;
}
