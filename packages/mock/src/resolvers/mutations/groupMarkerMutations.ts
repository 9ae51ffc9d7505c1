import type { MockDb } from '../../db/MockDb';
import { nowTime } from '../../db/MockDb';
import type { GroupRow } from '../../db/rows';
import { MockStashError } from '../../errors';
import type { ResolverContext } from '../context';
import { toId, toIds } from '../ids';
import { nextSubGroupKey, subGroupKeys } from '../../db/subGroupOrder';
import { reorderSubGroups } from './reorderSubGroups';
import {
  bulkTargets,
  bulkUpdate,
  has,
  mustGet,
  relatedId,
  relatedIds,
  scalars,
  stringLists,
  type Input,
} from './changes';

type Resolver = (source: unknown, args: any, ctx: ResolverContext) => unknown;
type Description = GroupRow['containing_groups'][number];

function convertId(value: unknown, field: string): string {
  try {
    return toId(value);
  } catch (error) {
    throw new MockStashError(`converting ${field}: ${(error as Error).message}`);
  }
}

const GROUP_SCALARS = ['aliases', 'duration', 'date', 'rating100', 'director', 'synopsis'] as const;

function descriptions(db: MockDb, values: Input[] | null): Description[] {
  return (values ?? []).map((d) => ({
    group_id: relatedId(db, 'Group', d.group_id)!,
    description: d.description ?? null,
  }));
}

/**
 * Sub-groups are stored on the sub-group (`containing_groups`), so setting them rewrites others. As
 * Stash's replaceJoins, the given ones are numbered 1, 2, ... in the order given.
 */
function setSubGroups(db: MockDb, groupId: string, subs: Description[], now: string): void {
  for (const g of db.table('Group').values()) {
    const index = subs.findIndex((s) => s.group_id === g.id);
    const linked = g.containing_groups.some((c) => c.group_id === groupId);
    if (!linked && index < 0) continue;
    const rest = g.containing_groups.filter((c) => c.group_id !== groupId);
    const link =
      index < 0 ? [] : [{ group_id: groupId, description: subs[index]!.description, order_index: index + 1 }];
    db.touch('Group', g.id, { containing_groups: [...rest, ...link] }, now);
  }
}

/** Links of a sub-group to containing groups, each new one after its group's other sub-groups. */
function appendLinks(db: MockDb, subId: string | null, links: Description[], keep: Description[] = []) {
  return links.map((link) => {
    const kept = keep.find((k) => k.group_id === link.group_id && k.order_index !== undefined);
    if (kept) return { ...link, order_index: kept.order_index };
    let max = 0;
    for (const [id, key] of subGroupKeys(db, link.group_id)) if (id !== subId) max = Math.max(max, key);
    return { ...link, order_index: max + 1 };
  });
}

/** The group service's lookup: an unknown group is models.ErrNotFound (`not found`). */
function existingGroup(db: MockDb, rawId: unknown): GroupRow {
  const group = db.get('Group', convertId(rawId, 'group id'));
  if (!group) throw new MockStashError('not found');
  return group;
}

function checkNoCycle(db: MockDb, groupId: string, containing: Description[]): void {
  const below = new Set(db.descendants('Group', groupId, -1));
  for (const c of containing) {
    if (c.group_id === groupId || below.has(c.group_id))
      throw new MockStashError('a group cannot be contained by one of its subgroups');
  }
}

/** Group create/update; `validate: false` for the deprecated movie mutations, which skip the group service. */
export function saveGroup(db: MockDb, input: Input, current: GroupRow | null, validate = true): GroupRow {
  const now = nowTime();
  const patch: Input = {};
  if (has(input, 'name')) {
    const name = String(input.name ?? '').trim();
    if (validate && !name) throw new MockStashError('name cannot be empty');
    patch.name = name;
  }
  scalars(input, GROUP_SCALARS, patch);
  stringLists(input, { urls: 'urls' }, patch);
  if (has(input, 'studio_id')) patch.studio_id = relatedId(db, 'Studio', input.studio_id);
  if (has(input, 'tag_ids')) patch.tag_ids = relatedIds(db, 'Tag', input.tag_ids, 'tag ids');
  if (has(input, 'containing_groups'))
    patch.containing_groups = appendLinks(db, current?.id ?? null, descriptions(db, input.containing_groups));
  if (has(input, 'front_image')) patch.has_front_image = Boolean(input.front_image);
  if (has(input, 'back_image')) patch.has_back_image = Boolean(input.back_image);
  const subs = has(input, 'sub_groups') ? descriptions(db, input.sub_groups) : null;
  if (current && patch.containing_groups) checkNoCycle(db, current.id, patch.containing_groups);
  const row = current
    ? db.touch('Group', current.id, patch, now)
    : db.insert('Group', {
        name: '',
        aliases: null,
        duration: null,
        date: null,
        rating100: null,
        director: null,
        synopsis: null,
        urls: [],
        studio_id: null,
        tag_ids: [],
        containing_groups: [],
        has_front_image: false,
        has_back_image: false,
        created_at: now,
        updated_at: now,
        ...patch,
      });
  if (subs) setSubGroups(db, row.id, subs, now);
  return db.get('Group', row.id)!;
}

function applyBulkDescriptions(
  current: Description[],
  input: { groups: Input[]; mode: string },
  db: MockDb,
  subId: string | null = null,
): Description[] {
  const given = descriptions(db, input.groups);
  const rest = current.filter((c) => !given.some((g) => g.group_id === c.group_id));
  if (input.mode === 'REMOVE') return rest;
  // Containing links (subId given) are numbered in their containing group; sub-group lists are renumbered.
  const added = subId ? appendLinks(db, subId, given, input.mode === 'ADD' ? current : []) : given;
  return input.mode === 'SET' ? added : [...rest, ...added];
}

export const groupMarkerMutations: Record<string, Resolver> = {
  groupCreate: (_, { input }, { db }) => saveGroup(db, input, null),
  groupUpdate: (_, { input }, { db }) => saveGroup(db, input, existingGroup(db, input.id)),
  bulkGroupUpdate: (_, { input }, { db }) =>
    bulkUpdate(db, 'Group', input, {
      scalars: ['rating100', 'director'],
      idFields: { studio_id: 'Studio' },
      stringLists: ['urls'],
      idLists: { tag_ids: ['Tag', 'tag ids'] },
      prepare: (g, patch) => {
        if (input.containing_groups)
          patch.containing_groups = applyBulkDescriptions(
            g.containing_groups,
            input.containing_groups,
            db,
            g.id,
          );
      },
      after: (id, _lists, now) => {
        if (!input.sub_groups) return;
        const current = db.subGroups(id).map((sid) => ({
          group_id: sid,
          description:
            db.get('Group', sid)!.containing_groups.find((c) => c.group_id === id)?.description ?? null,
        }));
        setSubGroups(db, id, applyBulkDescriptions(current, input.sub_groups, db), now);
      },
    }),
  groupDestroy: (_, { input }, { db }) => db.delete('Group', mustGet(db, 'Group', input.id).id),
  groupsDestroy: (_, { ids }, { db }) => {
    for (const id of bulkTargets(db, 'Group', ids)) db.delete('Group', id);
    return true;
  },
  addGroupSubGroups: (_, { input }, { db }) => {
    const group = existingGroup(db, input.containing_group_id);
    const now = nowTime();
    const added = descriptions(db, input.sub_groups);
    const already = added.filter((d) => db.subGroups(group.id).includes(d.group_id)).map((d) => d.group_id);
    if (already.length > 0)
      throw new MockStashError(`subgroups with IDs [${already.join(' ')}] already in group`);
    for (const d of added) checkNoCycle(db, d.group_id, [{ group_id: group.id, description: null }]);
    if (input.insert_index != null && input.insert_index < 0)
      throw new MockStashError('invalid insert index');
    for (const d of added) {
      const sub = db.get('Group', d.group_id)!;
      const link = { ...d, group_id: group.id, order_index: nextSubGroupKey(db, group.id) };
      db.touch('Group', sub.id, { containing_groups: [...sub.containing_groups, link] }, now);
    }
    // `insert_index` is an order key: the added ones move before the sub-group holding it, if any.
    if (input.insert_index != null) {
      const keys = subGroupKeys(db, group.id);
      const at = [...keys].find(([, key]) => key === input.insert_index)?.[0];
      if (at)
        reorderSubGroups(
          db,
          group.id,
          added.map((d) => d.group_id),
          at,
          false,
        );
    }
    return true;
  },
  removeGroupSubGroups: (_, { input }, { db }) => {
    const group = existingGroup(db, input.containing_group_id);
    const now = nowTime();
    for (const id of relatedIds(db, 'Group', input.sub_group_ids, 'sub group ids')) {
      const sub = db.get('Group', id)!;
      db.touch(
        'Group',
        id,
        { containing_groups: sub.containing_groups.filter((c) => c.group_id !== group.id) },
        now,
      );
    }
    return true;
  },

  reorderSubGroups: (_, { input }, { db }) => {
    const groupId = convertId(input.group_id, 'group id');
    const subIds = toIds(input.sub_group_ids, 'sub group ids');
    const insertAt = convertId(input.insert_at_id, 'insert at id');
    if (!db.get('Group', groupId)) throw new MockStashError('not found');
    if (Number(insertAt) < 0) throw new MockStashError('invalid insert index');
    reorderSubGroups(db, groupId, subIds, insertAt, input.insert_after === true);
    return true;
  },

  sceneMarkerCreate: (_, { input }, { db }) => {
    const now = nowTime();
    const row = db.insert('SceneMarker', {
      title: String(input.title).trim(),
      seconds: input.seconds,
      end_seconds: input.end_seconds ?? null,
      scene_id: relatedId(db, 'Scene', input.scene_id)!,
      primary_tag_id: relatedId(db, 'Tag', input.primary_tag_id)!,
      tag_ids: relatedIds(db, 'Tag', input.tag_ids, 'tag ids'),
      created_at: now,
      updated_at: now,
    });
    return db.get('SceneMarker', row.id);
  },
  sceneMarkerUpdate: (_, { input }, { db }) => {
    const marker = mustGet(db, 'SceneMarker', input.id);
    const patch: Input = {};
    scalars(input, ['title', 'end_seconds'], patch);
    if (has(input, 'seconds') && input.seconds !== null) patch.seconds = input.seconds;
    if (has(input, 'scene_id') && input.scene_id !== null)
      patch.scene_id = relatedId(db, 'Scene', input.scene_id);
    if (has(input, 'primary_tag_id') && input.primary_tag_id !== null)
      patch.primary_tag_id = relatedId(db, 'Tag', input.primary_tag_id);
    if (has(input, 'tag_ids')) patch.tag_ids = relatedIds(db, 'Tag', input.tag_ids, 'tag ids');
    const end = has(patch, 'end_seconds') ? patch.end_seconds : marker.end_seconds;
    if (end !== null && end !== undefined && end < (patch.seconds ?? marker.seconds)) {
      throw new MockStashError('end_seconds must be greater than or equal to seconds');
    }
    return db.touch('SceneMarker', marker.id, patch);
  },
  bulkSceneMarkerUpdate: (_, { input }, { db }) =>
    bulkUpdate(db, 'SceneMarker', input, {
      scalars: ['title'],
      shared: (shared) => {
        if (has(input, 'primary_tag_id') && input.primary_tag_id !== null)
          shared.primary_tag_id = relatedId(db, 'Tag', input.primary_tag_id);
      },
      idLists: { tag_ids: ['Tag', 'tag ids'] },
    }),
  sceneMarkerDestroy: (_, { id }, { db }) => db.delete('SceneMarker', mustGet(db, 'SceneMarker', id).id),
  sceneMarkersDestroy: (_, { ids }, { db }) => {
    for (const id of bulkTargets(db, 'SceneMarker', ids)) db.delete('SceneMarker', id);
    return true;
  },

  saveFilter: (_, { input }, { db }) => {
    const value = {
      mode: input.mode,
      name: String(input.name).trim(),
      find_filter: input.find_filter
        ? {
            q: input.find_filter.q ?? null,
            page: input.find_filter.page ?? null,
            per_page: input.find_filter.per_page ?? null,
            sort: input.find_filter.sort ?? null,
            direction: input.find_filter.direction ?? null,
          }
        : null,
      object_filter: input.object_filter ?? null,
      ui_options: input.ui_options ?? null,
    };
    if (input.id !== undefined && input.id !== null) {
      const id = toId(input.id);
      if (!db.get('SavedFilter', id)) throw new MockStashError(`saved filter with id ${id} not found`);
      return db.update('SavedFilter', id, value);
    }
    return db.insert('SavedFilter', value);
  },
  destroySavedFilter: (_, { input }, { db }) =>
    db.delete('SavedFilter', mustGet(db, 'SavedFilter', input.id).id),
  fileSetFingerprints: (_, { input }, { db }) => {
    const file = mustGet(db, 'File', input.id);
    let fingerprints = [...file.fingerprints];
    for (const fp of input.fingerprints as { type: string; value?: string | null }[]) {
      fingerprints = fingerprints.filter((f) => f.type !== fp.type);
      if (fp.value !== null && fp.value !== undefined) fingerprints.push({ type: fp.type, value: fp.value });
    }
    db.touch('File', file.id, { fingerprints });
    return true;
  },
};
