import type { MockDb } from '../../db/MockDb';
import { nowTime } from '../../db/MockDb';
import type { PerformerRow, SceneRow } from '../../db/rows';
import { MockStashError } from '../../errors';
import type { ResolverContext } from '../context';
import { nilPointerPanic } from '../goPanic';
import { toId, toIds } from '../ids';
import { has, type Input } from './changes';
import { performerPatch } from './performerMutations';
import { scenePatch } from './sceneMutations';

type Resolver = (source: unknown, args: any, ctx: ResolverContext) => unknown;

/** Stash's `FindMany`: every id must exist (`scene with id 7 not found`). */
function findSources<T extends 'Scene' | 'Performer'>(db: MockDb, table: T, ids: string[], word: string) {
  return ids.map((id) => {
    const row = db.get(table, id);
    if (!row) throw new MockStashError(`finding source ${word}s: ${word} with id ${id} not found`);
    return row;
  });
}

/** Source ids converted and made unique, then the destination, as Stash's merge resolvers do. */
function mergeIds(input: Input, word: string): { sources: string[]; destination: string } {
  const sources = [...new Set(toIds(input.source, 'source ids'))];
  let destination: string;
  try {
    destination = toId(input.destination);
  } catch (error) {
    throw new MockStashError(`converting destination id: ${(error as Error).message}`);
  }
  if (sources.includes(destination)) throw new MockStashError(`destination ${word} cannot be in source list`);
  return { sources, destination };
}

/** The scene's timestamps merged into the destination's, kept in ascending order. */
const joinHistory = (dest: readonly string[], sources: SceneRow[], field: 'o_history' | 'play_history') =>
  [...dest, ...sources.flatMap((s) => s[field])].sort();

/**
 * `sceneMerge` (scene.Service.Merge): the sources' files and markers move to the destination, `values`
 * update it, play/O history are added when asked, and the sources are deleted (their files are kept).
 */
function sceneMerge(db: MockDb, input: Input): SceneRow {
  const values: Input = input.values ? { ...input.values } : {};
  const { sources: sourceIds, destination } = mergeIds(input, 'scene');
  const dest = db.get('Scene', destination);
  const sources = findSources(db, 'Scene', sourceIds, 'scene');
  // Stash reads the destination's hash while moving the first source's markers: a nil scene panics.
  if (!dest && sources.length > 0) throw new MockStashError(nilPointerPanic);
  if (!dest) throw new MockStashError('updating scene: sql: no rows in result set');
  const movedFiles = sources.flatMap((s) => s.file_ids);
  // Once files move, the primary file is the destination's (or the first moved one), never the input's.
  if (movedFiles.length > 0) delete values.primary_file_id;
  const patch = scenePatch(db, values, dest);
  const now = nowTime();
  for (const m of db.table('SceneMarker').values()) {
    if (sourceIds.includes(m.scene_id)) db.touch('SceneMarker', m.id, { scene_id: dest.id }, now);
  }
  if (movedFiles.length > 0) patch.file_ids = [...(patch.file_ids ?? dest.file_ids), ...movedFiles];
  if (input.play_history === true)
    patch.play_history = joinHistory(dest.play_history, sources, 'play_history');
  if (input.o_history === true) patch.o_history = joinHistory(dest.o_history, sources, 'o_history');
  for (const s of sources) db.update('Scene', s.id, { file_ids: [] });
  db.touch('Scene', dest.id, patch, now);
  for (const s of sources) db.delete('Scene', s.id);
  return db.get('Scene', dest.id)!;
}

const LEGACY_PERFORMER_URLS = ['url', 'twitter', 'instagram'];

/** Replaces source ids by the destination in a list, once. */
function relink(list: readonly string[], sources: string[], destination: string): string[] {
  return [...new Set(list.map((id) => (sources.includes(id) ? destination : id)))];
}

/**
 * `performerMerge`: `values` update the destination, then the sources' scenes, galleries, images and
 * tags become the destination's and the sources are deleted. As Stash, the answer is the destination
 * as read before the update: its own columns are the old ones, its lists (tags, urls, aliases) are current.
 */
function performerMerge(db: MockDb, input: Input): PerformerRow {
  const { sources: sourceIds, destination } = mergeIds(input, 'performer');
  const dest = db.get('Performer', destination);
  let patch: Input = {};
  if (input.values) {
    patch = performerPatch(db, input.values, dest ?? null);
    if (LEGACY_PERFORMER_URLS.some((key) => has(input.values, key) && input.values[key] != null))
      throw new MockStashError('Merging legacy performer URLs is not supported');
  }
  const sources = findSources(db, 'Performer', sourceIds, 'performer');
  if (!dest) throw new MockStashError('updating performer: sql: no rows in result set');
  const now = nowTime();
  const before = db.get('Performer', dest.id)!;
  db.touch('Performer', dest.id, patch, now);
  for (const table of ['Scene', 'Gallery', 'Image'] as const) {
    for (const row of db.table(table).values()) {
      if (row.performer_ids.some((id) => sourceIds.includes(id)))
        db.update(table, row.id, { performer_ids: relink(row.performer_ids, sourceIds, dest.id) });
    }
  }
  const merged = db.get('Performer', dest.id)!;
  const tagIds = [...new Set([...merged.tag_ids, ...sources.flatMap((s) => s.tag_ids)])];
  db.update('Performer', dest.id, { tag_ids: tagIds });
  for (const s of sources) db.delete('Performer', s.id);
  const after = db.get('Performer', dest.id)!;
  const { tag_ids, urls, alias_list, stash_ids, custom_fields } = after;
  return { ...before, tag_ids, urls, alias_list, stash_ids, custom_fields };
}

export const mergeMutations: Record<string, Resolver> = {
  sceneMerge: (_, { input }, { db }) => sceneMerge(db, input),
  performerMerge: (_, { input }, { db }) => performerMerge(db, input),
};
