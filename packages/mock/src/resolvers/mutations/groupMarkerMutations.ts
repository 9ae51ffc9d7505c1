import type { MockDb } from '../../db/MockDb';
import { nowTime } from '../../db/MockDb';
import type { GroupRow } from '../../db/rows';
import { MockStashError } from '../../errors';
import type { ResolverContext } from '../context';
import { toId } from '../ids';
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

const GROUP_SCALARS = ['aliases', 'duration', 'date', 'rating100', 'director', 'synopsis'] as const;

function descriptions(db: MockDb, values: Input[] | null): Description[] {
  return (values ?? []).map((d) => ({
    group_id: relatedId(db, 'Group', d.group_id)!,
    description: d.description ?? null,
  }));
}

/** Sub-groups are stored on the sub-group (`containing_groups`), so setting them rewrites others. */
function setSubGroups(db: MockDb, groupId: string, subs: Description[], now: string): void {
  for (const g of db.table('Group').values()) {
    const entry = subs.find((s) => s.group_id === g.id);
    const linked = g.containing_groups.some((c) => c.group_id === groupId);
    if (linked && !entry)
      db.touch(
        'Group',
        g.id,
        { containing_groups: g.containing_groups.filter((c) => c.group_id !== groupId) },
        now,
      );
    if (entry) {
      const rest = g.containing_groups.filter((c) => c.group_id !== groupId);
      db.touch(
        'Group',
        g.id,
        { containing_groups: [...rest, { group_id: groupId, description: entry.description }] },
        now,
      );
    }
  }
}

function checkNoCycle(db: MockDb, groupId: string, containing: Description[]): void {
  const below = new Set(db.descendants('Group', groupId, -1));
  for (const c of containing) {
    if (c.group_id === groupId || below.has(c.group_id))
      throw new MockStashError(`cycle detected: group ${c.group_id} would contain itself`);
  }
}

function saveGroup(db: MockDb, input: Input, current: GroupRow | null): GroupRow {
  const now = nowTime();
  const patch: Input = {};
  if (has(input, 'name')) {
    if (!input.name || !String(input.name).trim()) throw new MockStashError('name must not be blank');
    patch.name = String(input.name).trim();
  }
  scalars(input, GROUP_SCALARS, patch);
  stringLists(input, { urls: 'urls' }, patch);
  if (has(input, 'studio_id')) patch.studio_id = relatedId(db, 'Studio', input.studio_id);
  if (has(input, 'tag_ids')) patch.tag_ids = relatedIds(db, 'Tag', input.tag_ids, 'tag ids');
  if (has(input, 'containing_groups')) patch.containing_groups = descriptions(db, input.containing_groups);
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
): Description[] {
  const given = descriptions(db, input.groups);
  if (input.mode === 'SET') return given;
  if (input.mode === 'ADD')
    return [...current.filter((c) => !given.some((g) => g.group_id === c.group_id)), ...given];
  return current.filter((c) => !given.some((g) => g.group_id === c.group_id));
}

export const groupMarkerMutations: Record<string, Resolver> = {
  groupCreate: (_, { input }, { db }) => saveGroup(db, input, null),
  groupUpdate: (_, { input }, { db }) => saveGroup(db, input, mustGet(db, 'Group', input.id)),
  bulkGroupUpdate: (_, { input }, { db }) =>
    bulkUpdate(db, 'Group', input, {
      scalars: ['rating100', 'director'],
      idFields: { studio_id: 'Studio' },
      stringLists: ['urls'],
      idLists: { tag_ids: ['Tag', 'tag ids'] },
      prepare: (g, patch) => {
        if (input.containing_groups)
          patch.containing_groups = applyBulkDescriptions(g.containing_groups, input.containing_groups, db);
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
    const group = mustGet(db, 'Group', input.containing_group_id);
    const now = nowTime();
    for (const d of descriptions(db, input.sub_groups)) {
      const sub = db.get('Group', d.group_id)!;
      checkNoCycle(db, sub.id, [{ group_id: group.id, description: null }]);
      const rest = sub.containing_groups.filter((c) => c.group_id !== group.id);
      db.touch(
        'Group',
        sub.id,
        { containing_groups: [...rest, { group_id: group.id, description: d.description }] },
        now,
      );
    }
    return true;
  },
  removeGroupSubGroups: (_, { input }, { db }) => {
    const group = mustGet(db, 'Group', input.containing_group_id);
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
