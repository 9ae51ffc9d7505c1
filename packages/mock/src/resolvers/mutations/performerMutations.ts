import { blankPerformer } from '../../db/blankRows';
import type { MockDb } from '../../db/MockDb';
import { nowTime } from '../../db/MockDb';
import type { PerformerRow } from '../../db/rows';
import { MockStashError } from '../../errors';
import type { ResolverContext } from '../context';
import {
  bulkTargets,
  bulkUpdate,
  has,
  legacyUrl,
  mustGet,
  relatedIds,
  scalars,
  stashIds,
  stringLists,
  type Input,
} from './changes';

type Resolver = (source: unknown, args: any, ctx: ResolverContext) => unknown;

const SCALARS = [
  'disambiguation',
  'gender',
  'birthdate',
  'ethnicity',
  'country',
  'eye_color',
  'height_cm',
  'measurements',
  'fake_tits',
  'penis_length',
  'circumcised',
  'career_length',
  'tattoos',
  'piercings',
  'rating100',
  'details',
  'death_date',
  'hair_color',
  'weight',
] as const;
const FLAGS = ['favorite', 'ignore_auto_tag'] as const;

/** Name plus disambiguation must be unique among performers. */
function checkUnique(db: MockDb, name: string, disambiguation: string | null, selfId: string | null): void {
  for (const p of db.table('Performer').values()) {
    if (
      p.id !== selfId &&
      p.name.toLowerCase() === name.toLowerCase() &&
      (p.disambiguation ?? '') === (disambiguation ?? '')
    ) {
      throw new MockStashError(
        disambiguation
          ? `performer with name '${name}' and disambiguation '${disambiguation}' already exists`
          : `performer with name '${name}' already exists`,
      );
    }
  }
}

/** `custom_fields`: a Map on create; on update `{ full }` replaces, `partial` merges, `remove` deletes keys. */
function customFields(current: Record<string, unknown>, input: any): Record<string, unknown> {
  if (input === null) return {};
  let out = input.full !== undefined && input.full !== null ? { ...input.full } : { ...current };
  if (input.partial) out = { ...out, ...input.partial };
  for (const key of input.remove ?? []) delete out[key];
  return out;
}

function urlsFrom(input: Input, patch: Input): void {
  stringLists(input, { urls: 'urls' }, patch);
  legacyUrl(input, patch);
  // Deprecated twitter/instagram are folded into urls, as Stash does.
  for (const key of ['twitter', 'instagram']) {
    if (has(input, key) && input[key] && !has(input, 'urls'))
      patch.urls = [...(patch.urls ?? []), String(input[key]).trim()];
  }
}

export function performerPatch(db: MockDb, input: Input, current: PerformerRow | null): Input {
  const patch: Input = {};
  if (has(input, 'name')) {
    if (!input.name || !String(input.name).trim()) throw new MockStashError('name must not be blank');
    patch.name = String(input.name).trim();
  }
  scalars(input, SCALARS, patch);
  for (const flag of FLAGS) if (has(input, flag)) patch[flag] = input[flag] ?? false;
  urlsFrom(input, patch);
  stringLists(input, { alias_list: 'alias_list' }, patch);
  if (has(input, 'tag_ids')) patch.tag_ids = relatedIds(db, 'Tag', input.tag_ids, 'tag ids');
  if (has(input, 'stash_ids')) patch.stash_ids = stashIds(input.stash_ids);
  if (has(input, 'image')) patch.has_image = Boolean(input.image);
  if (has(input, 'custom_fields')) {
    patch.custom_fields = current
      ? customFields(current.custom_fields, input.custom_fields)
      : { ...(input.custom_fields ?? {}) };
  }
  const name = patch.name ?? current?.name;
  const disambiguation = has(patch, 'disambiguation')
    ? patch.disambiguation
    : (current?.disambiguation ?? null);
  if (name !== undefined && (has(patch, 'name') || has(patch, 'disambiguation')))
    checkUnique(db, name, disambiguation, current?.id ?? null);
  return patch;
}

export const performerMutations: Record<string, Resolver> = {
  performerCreate: (_, { input }, { db }) => {
    const now = nowTime();
    const row = db.insert('Performer', {
      ...blankPerformer(now),
      ...performerPatch(db, input, null),
    });
    return db.get('Performer', row.id);
  },
  performerUpdate: (_, { input }, { db }) => {
    const current = mustGet(db, 'Performer', input.id);
    return db.touch('Performer', current.id, performerPatch(db, input, current));
  },
  bulkPerformerUpdate: (_, { input }, { db }) =>
    bulkUpdate(db, 'Performer', input, {
      scalars: SCALARS,
      flags: FLAGS,
      legacyUrl: true,
      stringLists: ['urls', 'alias_list'],
      idLists: { tag_ids: ['Tag', 'tag ids'] },
      prepare: (p, patch) => {
        if (has(input, 'custom_fields'))
          patch.custom_fields = customFields(p.custom_fields, input.custom_fields);
      },
    }),
  performerDestroy: (_, { input }, { db }) => db.delete('Performer', mustGet(db, 'Performer', input.id).id),
  performersDestroy: (_, { ids }, { db }) => {
    for (const id of bulkTargets(db, 'Performer', ids)) db.delete('Performer', id);
    return true;
  },
};
