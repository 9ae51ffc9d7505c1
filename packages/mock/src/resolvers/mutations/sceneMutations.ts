import { blankScene } from '../../db/blankRows';
import type { MockDb } from '../../db/MockDb';
import { nowTime } from '../../db/MockDb';
import type { SceneRow } from '../../db/rows';
import { MockStashError } from '../../errors';
import type { ResolverContext } from '../context';
import { toId } from '../ids';
import {
  bulkTargets,
  bulkUpdate,
  has,
  legacyUrl,
  mustGet,
  relatedId,
  relatedIds,
  scalars,
  stashIds,
  stringLists,
  type Input,
} from './changes';
import { addTimes, deleteTimes, historyResult } from './history';

type Resolver = (source: unknown, args: any, ctx: ResolverContext) => unknown;

const SCALARS = ['title', 'code', 'details', 'director', 'date', 'rating100', 'organized'] as const;

function groupsInput(db: MockDb, input: Input): SceneRow['groups'] | undefined {
  // `groups` takes precedence over the deprecated `movies`.
  if (has(input, 'groups')) {
    return (input.groups ?? []).map((g: Input) => ({
      group_id: relatedId(db, 'Group', g.group_id)!,
      scene_index: g.scene_index ?? null,
    }));
  }
  if (has(input, 'movies')) {
    return (input.movies ?? []).map((m: Input) => ({
      group_id: relatedId(db, 'Group', m.movie_id)!,
      scene_index: m.scene_index ?? null,
    }));
  }
  return undefined;
}

export function scenePatch(db: MockDb, input: Input, current: SceneRow | null): Partial<SceneRow> {
  const patch: Input = {};
  scalars(input, [...SCALARS, ...(current ? ['resume_time', 'play_duration'] : [])], patch);
  if (has(input, 'organized')) patch.organized = input.organized ?? false;
  stringLists(input, { urls: 'urls' }, patch);
  legacyUrl(input, patch);
  if (has(input, 'studio_id')) patch.studio_id = relatedId(db, 'Studio', input.studio_id);
  if (has(input, 'tag_ids')) patch.tag_ids = relatedIds(db, 'Tag', input.tag_ids, 'tag ids');
  if (has(input, 'performer_ids'))
    patch.performer_ids = relatedIds(db, 'Performer', input.performer_ids, 'performer ids');
  if (has(input, 'gallery_ids'))
    patch.gallery_ids = relatedIds(db, 'Gallery', input.gallery_ids, 'gallery ids');
  const groups = groupsInput(db, input);
  if (groups) patch.groups = groups;
  if (has(input, 'stash_ids')) patch.stash_ids = stashIds(input.stash_ids);
  if (current && has(input, 'primary_file_id') && input.primary_file_id !== null) {
    const fileId = toId(input.primary_file_id);
    if (!current.file_ids.includes(fileId))
      throw new MockStashError(`file with id ${fileId} not associated with scene`);
    patch.file_ids = [fileId, ...current.file_ids.filter((f) => f !== fileId)];
  }
  return patch as Partial<SceneRow>;
}

export function updateScene(db: MockDb, input: Input): SceneRow {
  const current = mustGet(db, 'Scene', input.id);
  return db.touch('Scene', current.id, scenePatch(db, input, current));
}

function touchHistory(
  db: MockDb,
  rawId: unknown,
  field: 'o_history' | 'play_history',
  change: (h: readonly string[]) => string[],
) {
  const scene = mustGet(db, 'Scene', rawId);
  return db.touch('Scene', scene.id, { [field]: change(scene[field]) })[field];
}

export const sceneMutations: Record<string, Resolver> = {
  sceneCreate: (_, { input }: { input: Input }, { db }) => {
    const now = nowTime();
    const fileIds = relatedIds(db, 'File', input.file_ids, 'file ids');
    const row = db.insert('Scene', {
      ...blankScene(now),
      file_ids: fileIds,
      ...scenePatch(db, input, null),
    });
    return db.get('Scene', row.id);
  },
  sceneUpdate: (_, { input }, { db }) => updateScene(db, input),
  scenesUpdate: (_, { input }: { input: Input[] }, { db }) => input.map((i) => updateScene(db, i)),
  bulkSceneUpdate: (_, { input }: { input: Input }, { db }) =>
    // `group_ids` takes precedence over the deprecated `movie_ids`.
    bulkUpdate(
      db,
      'Scene',
      { ...input, group_ids: input.group_ids ?? input.movie_ids },
      {
        scalars: SCALARS,
        legacyUrl: true,
        idFields: { studio_id: 'Studio' },
        stringLists: ['urls'],
        idLists: {
          tag_ids: ['Tag', 'tag ids'],
          performer_ids: ['Performer', 'performer ids'],
          gallery_ids: ['Gallery', 'gallery ids'],
          group_ids: ['Group', 'group ids', (scene) => scene.groups.map((g) => g.group_id)],
        },
        prepare: (scene, patch, { group_ids }) => {
          if (group_ids)
            patch.groups = group_ids.map(
              (gid) => scene.groups.find((g) => g.group_id === gid) ?? { group_id: gid, scene_index: null },
            );
        },
      },
    ),
  sceneDestroy: (_, { input }, { db }) => db.delete('Scene', mustGet(db, 'Scene', input.id).id),
  scenesDestroy: (_, { input }, { db }) => {
    const ids = bulkTargets(db, 'Scene', input.ids);
    for (const id of ids) db.delete('Scene', id);
    return true;
  },
  sceneAddO: (_, a, { db }) =>
    historyResult(touchHistory(db, a.id, 'o_history', (h) => addTimes(h, a.times))),
  sceneDeleteO: (_, a, { db }) =>
    historyResult(touchHistory(db, a.id, 'o_history', (h) => deleteTimes(h, a.times))),
  sceneResetO: (_, a, { db }) => touchHistory(db, a.id, 'o_history', () => []).length,
  sceneIncrementO: (_, a, { db }) => touchHistory(db, a.id, 'o_history', (h) => addTimes(h, null)).length,
  sceneDecrementO: (_, a, { db }) => touchHistory(db, a.id, 'o_history', (h) => deleteTimes(h, null)).length,
  sceneAddPlay: (_, a, { db }) =>
    historyResult(touchHistory(db, a.id, 'play_history', (h) => addTimes(h, a.times))),
  sceneDeletePlay: (_, a, { db }) =>
    historyResult(touchHistory(db, a.id, 'play_history', (h) => deleteTimes(h, a.times))),
  sceneResetPlayCount: (_, a, { db }) => touchHistory(db, a.id, 'play_history', () => []).length,
  sceneIncrementPlayCount: (_, a, { db }) =>
    touchHistory(db, a.id, 'play_history', (h) => addTimes(h, null)).length,
  sceneSaveActivity: (
    _,
    a: { id: string; resume_time?: number | null; playDuration?: number | null },
    { db },
  ) => {
    const scene = mustGet(db, 'Scene', a.id);
    const patch: Partial<SceneRow> = {};
    if (a.resume_time !== undefined && a.resume_time !== null) patch.resume_time = a.resume_time;
    if (a.playDuration !== undefined && a.playDuration !== null && a.playDuration > 0) {
      patch.play_duration = (scene.play_duration ?? 0) + a.playDuration;
    }
    if (Object.keys(patch).length > 0) db.touch('Scene', scene.id, patch);
    return true;
  },
  sceneResetActivity: (
    _,
    a: { id: string; reset_resume?: boolean | null; reset_duration?: boolean | null },
    { db },
  ) => {
    const scene = mustGet(db, 'Scene', a.id);
    const patch: Partial<SceneRow> = {};
    if (a.reset_resume) patch.resume_time = null;
    if (a.reset_duration) patch.play_duration = null;
    db.touch('Scene', scene.id, patch);
    return true;
  },
  sceneAssignFile: (_, { input }, { db }) => {
    const scene = mustGet(db, 'Scene', input.scene_id);
    const file = mustGet(db, 'File', input.file_id);
    for (const other of db.table('Scene').values()) {
      if (other.id !== scene.id && other.file_ids.includes(file.id)) {
        db.touch('Scene', other.id, { file_ids: other.file_ids.filter((f) => f !== file.id) });
      }
    }
    if (!scene.file_ids.includes(file.id))
      db.touch('Scene', scene.id, { file_ids: [...scene.file_ids, file.id] });
    return true;
  },
};
