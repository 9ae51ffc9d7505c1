import type { ResolverContext } from './context';
import { configMutations } from './configResolvers';
import { jobMutations } from './jobResolvers';
import { pluginMutations } from '../plugins/pluginResolvers';
import { systemMutations } from './systemResolvers';
import { galleryImageMutations } from './mutations/galleryImageMutations';
import { groupMarkerMutations } from './mutations/groupMarkerMutations';
import { mergeMutations } from './mutations/mergeMutations';
import { movieMutations } from './mutations/movieMutations';
import { performerMutations } from './mutations/performerMutations';
import { sceneMutations } from './mutations/sceneMutations';
import { studioTagMutations } from './mutations/studioTagMutations';

/** Root mutation resolvers. Mutation fields not listed here answer `MockStash: <field> is not implemented`. */
export const mutationResolvers: Record<
  string,
  (source: unknown, args: any, ctx: ResolverContext) => unknown
> = {
  ...sceneMutations,
  ...performerMutations,
  ...studioTagMutations,
  ...galleryImageMutations,
  ...groupMarkerMutations,
  ...mergeMutations,
  ...movieMutations,
  ...jobMutations,
  ...pluginMutations,
  ...configMutations,
  ...systemMutations,
};
