import type { MockDb } from '../../db/MockDb';
import { nowTime } from '../../db/MockDb';
import type { StudioRow, TagRow } from '../../db/rows';
import { MockStashError } from '../../errors';
import type { ResolverContext } from '../context';
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

type Resolver = (source: unknown, args: any, ctx: ResolverContext) => unknown;

function requireName(input: Input): string | undefined {
  if (!has(input, 'name')) return undefined;
  if (!input.name || !String(input.name).trim()) throw new MockStashError('name must not be blank');
  return String(input.name).trim();
}

function checkUniqueName(db: MockDb, table: 'Studio' | 'Tag', name: string, selfId: string | null): void {
  const word = table === 'Studio' ? 'studio' : 'tag';
  for (const row of db.table(table).values()) {
    if (row.id !== selfId && row.name.toLowerCase() === name.toLowerCase()) {
      throw new MockStashError(`${word} with name '${name}' already exists`);
    }
  }
}

// --- studios -----------------------------------------------------------------------------------

function studioPatch(db: MockDb, input: Input, current: StudioRow | null): Input {
  const patch: Input = {};
  const name = requireName(input);
  if (name !== undefined) {
    checkUniqueName(db, 'Studio', name, current?.id ?? null);
    patch.name = name;
  }
  scalars(input, ['details', 'rating100'], patch);
  for (const flag of ['favorite', 'ignore_auto_tag'])
    if (has(input, flag)) patch[flag] = input[flag] ?? false;
  stringLists(input, { urls: 'urls', aliases: 'aliases' }, patch);
  legacyUrl(input, patch);
  if (has(input, 'parent_id')) {
    const parent = relatedId(db, 'Studio', input.parent_id);
    if (
      parent &&
      current &&
      (parent === current.id || db.descendants('Studio', current.id, -1).includes(parent))
    ) {
      throw new MockStashError('a studio cannot be its own ancestor');
    }
    patch.parent_id = parent;
  }
  if (has(input, 'tag_ids')) patch.tag_ids = relatedIds(db, 'Tag', input.tag_ids, 'tag ids');
  if (has(input, 'stash_ids')) patch.stash_ids = stashIds(input.stash_ids);
  if (has(input, 'image')) patch.has_image = Boolean(input.image);
  return patch;
}

// --- tags --------------------------------------------------------------------------------------

function checkNoCycle(db: MockDb, tagId: string, parents: string[], children: string[]): void {
  const below = new Set(db.descendants('Tag', tagId, -1));
  for (const c of children) for (const d of db.descendants('Tag', c, -1)) below.add(d);
  for (const c of children) below.add(c);
  for (const p of parents) {
    if (p === tagId || below.has(p))
      throw new MockStashError(`cycle detected: tag ${p} would be its own ancestor`);
  }
}

function tagPatch(db: MockDb, input: Input, current: TagRow | null): Input {
  const patch: Input = {};
  const name = requireName(input);
  if (name !== undefined) {
    checkUniqueName(db, 'Tag', name, current?.id ?? null);
    patch.name = name;
  }
  scalars(input, ['sort_name', 'description'], patch);
  for (const flag of ['favorite', 'ignore_auto_tag'])
    if (has(input, flag)) patch[flag] = input[flag] ?? false;
  stringLists(input, { aliases: 'aliases' }, patch);
  if (has(input, 'stash_ids')) patch.stash_ids = stashIds(input.stash_ids);
  if (has(input, 'image')) patch.has_image = Boolean(input.image);
  if (has(input, 'parent_ids')) patch.parent_ids = relatedIds(db, 'Tag', input.parent_ids, 'parent ids');
  return patch;
}

/** Child ids are stored on the children (`parent_ids`), so setting them rewrites other tags. */
function setChildren(db: MockDb, tagId: string, childIds: string[], now: string): void {
  for (const t of db.table('Tag').values()) {
    const isChild = t.parent_ids.includes(tagId);
    const shouldBe = childIds.includes(t.id);
    if (isChild && !shouldBe)
      db.touch('Tag', t.id, { parent_ids: t.parent_ids.filter((p) => p !== tagId) }, now);
    if (!isChild && shouldBe) db.touch('Tag', t.id, { parent_ids: [...t.parent_ids, tagId] }, now);
  }
}

function saveTag(db: MockDb, input: Input, current: TagRow | null): TagRow {
  const now = nowTime();
  const patch = tagPatch(db, input, current);
  const childIds = has(input, 'child_ids') ? relatedIds(db, 'Tag', input.child_ids, 'child ids') : null;
  if (current) checkNoCycle(db, current.id, patch.parent_ids ?? current.parent_ids, childIds ?? []);
  const row = current
    ? db.touch('Tag', current.id, patch, now)
    : db.insert('Tag', {
        name: '',
        sort_name: null,
        description: null,
        aliases: [],
        favorite: false,
        ignore_auto_tag: false,
        parent_ids: [],
        stash_ids: [],
        has_image: false,
        created_at: now,
        updated_at: now,
        ...patch,
      });
  if (childIds) setChildren(db, row.id, childIds, now);
  return db.get('Tag', row.id)!;
}

export const studioTagMutations: Record<string, Resolver> = {
  studioCreate: (_, { input }, { db }) => {
    const now = nowTime();
    const row = db.insert('Studio', {
      name: '',
      urls: [],
      aliases: [],
      details: null,
      rating100: null,
      favorite: false,
      ignore_auto_tag: false,
      parent_id: null,
      tag_ids: [],
      stash_ids: [],
      has_image: false,
      created_at: now,
      updated_at: now,
      ...studioPatch(db, input, null),
    });
    return db.get('Studio', row.id);
  },
  studioUpdate: (_, { input }, { db }) => {
    const current = mustGet(db, 'Studio', input.id);
    return db.touch('Studio', current.id, studioPatch(db, input, current));
  },
  bulkStudioUpdate: (_, { input }, { db }) =>
    bulkUpdate(db, 'Studio', input, {
      scalars: ['details', 'rating100'],
      flags: ['favorite', 'ignore_auto_tag'],
      legacyUrl: true,
      idFields: { parent_id: 'Studio' },
      stringLists: ['urls'],
      idLists: { tag_ids: ['Tag', 'tag ids'] },
    }),
  studioDestroy: (_, { input }, { db }) => db.delete('Studio', mustGet(db, 'Studio', input.id).id),
  studiosDestroy: (_, { ids }, { db }) => {
    for (const id of bulkTargets(db, 'Studio', ids)) db.delete('Studio', id);
    return true;
  },

  tagCreate: (_, { input }, { db }) => saveTag(db, input, null),
  tagUpdate: (_, { input }, { db }) => saveTag(db, input, mustGet(db, 'Tag', input.id)),
  bulkTagUpdate: (_, { input }, { db }) =>
    bulkUpdate(db, 'Tag', input, {
      scalars: ['description'],
      flags: ['favorite', 'ignore_auto_tag'],
      stringLists: ['aliases'],
      idLists: {
        parent_ids: ['Tag', 'parent ids'],
        child_ids: ['Tag', 'child ids', (t) => db.tagChildren(t.id)],
      },
      prepare: (t, patch, { child_ids }) =>
        checkNoCycle(db, t.id, patch.parent_ids ?? t.parent_ids, child_ids ?? []),
      after: (id, { child_ids }, now) => {
        if (child_ids) setChildren(db, id, child_ids, now);
      },
    }),
  tagDestroy: (_, { input }, { db }) => db.delete('Tag', mustGet(db, 'Tag', input.id).id),
  tagsDestroy: (_, { ids }, { db }) => {
    for (const id of bulkTargets(db, 'Tag', ids)) db.delete('Tag', id);
    return true;
  },
  tagsMerge: (_, { input }, { db }) => {
    const destination = mustGet(db, 'Tag', input.destination);
    const sources = bulkTargets(db, 'Tag', input.source).filter((id) => id !== destination.id);
    const now = nowTime();
    const replace = (ids: string[]) => [
      ...new Set(ids.map((t) => (sources.includes(t) ? destination.id : t))),
    ];
    for (const table of [
      'Scene',
      'Performer',
      'Studio',
      'Gallery',
      'Image',
      'Group',
      'SceneMarker',
    ] as const) {
      for (const row of db.table(table).values()) {
        if (row.tag_ids.some((t) => sources.includes(t)))
          db.touch(table, row.id, { tag_ids: replace(row.tag_ids) } as never, now);
      }
    }
    for (const m of db.table('SceneMarker').values()) {
      if (sources.includes(m.primary_tag_id))
        db.touch('SceneMarker', m.id, { primary_tag_id: destination.id }, now);
    }
    for (const t of db.table('Tag').values()) {
      if (t.id !== destination.id && t.parent_ids.some((p) => sources.includes(p))) {
        db.touch('Tag', t.id, { parent_ids: replace(t.parent_ids).filter((p) => p !== t.id) }, now);
      }
    }
    // Source names become aliases of the destination, as in Stash.
    const names = sources.map((id) => db.get('Tag', id)!.name);
    for (const id of sources) db.delete('Tag', id);
    const dest = db.get('Tag', destination.id)!;
    return db.touch('Tag', dest.id, { aliases: [...new Set([...dest.aliases, ...names])] }, now);
  },
};
