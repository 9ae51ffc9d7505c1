import type { MockDb } from '../../db/MockDb';
import { MockStashError } from '../../errors';
import type { ResolverContext } from '../context';
import { toId, toIds } from '../ids';
import { has, type Input } from './changes';
import { groupMarkerMutations, saveGroup } from './groupMarkerMutations';

type Resolver = (source: unknown, args: any, ctx: ResolverContext) => unknown;

/** The deprecated `url` becomes `urls` when `urls` is not given, as Stash's movie resolvers read it. */
function withUrls(input: Input): Input {
  if (!has(input, 'url') || has(input, 'urls')) return input;
  const { url, ...rest } = input;
  return url == null ? rest : { ...rest, urls: [String(url)] };
}

/** Stash's movie resolvers write the group store directly: an unknown id fails reading the row back. */
function existing(db: MockDb, rawId: unknown) {
  const id = toId(rawId);
  const row = db.get('Group', id);
  if (!row) throw new MockStashError('sql: no rows in result set');
  return row;
}

function destroyable(db: MockDb, ids: string[]): void {
  for (const id of ids)
    if (!db.get('Group', id)) throw new MockStashError(`id ${id} does not exist in groups`);
}

/**
 * The deprecated movie mutations, which Stash still answers (resolver_mutation_movie.go) on group rows:
 * no name or hierarchy checks (they skip the group service), and a back image alone gives a default front.
 */
export const movieMutations: Record<string, Resolver> = {
  movieCreate: (_, { input }, { db }) => {
    const group = withUrls({ ...input, name: input.name ?? '' });
    if (group.back_image && !group.front_image) group.front_image = 'default';
    return saveGroup(db, group, null, false);
  },
  movieUpdate: (_, { input }, { db }) => saveGroup(db, withUrls(input), existing(db, input.id), false),
  bulkMovieUpdate: (source, { input }, ctx) => {
    for (const id of toIds(input.ids, 'ids')) existing(ctx.db, id);
    return groupMarkerMutations.bulkGroupUpdate!(source, { input }, ctx);
  },
  movieDestroy: (_, { input }, { db }) => {
    const id = toId(input.id);
    destroyable(db, [id]);
    return db.delete('Group', id);
  },
  moviesDestroy: (_, { ids }, { db }) => {
    const groupIds = toIds(ids, 'ids');
    destroyable(db, groupIds);
    for (const id of groupIds) db.delete('Group', id);
    return true;
  },
};
