/**
 * What goes stale after a mutation, declared per mutated type (mirroring the fields and root
 * lists the stock Stash UI evicts after each mutation family, `ui/v2.5/src/core/StashService.ts`).
 * The mutation pipeline applies these rules; no call site invalidates by hand.
 *
 * A stale field is dropped from the "received" set of every cached record of the named type (its
 * last value stays readable, the next read that needs it refetches it) and its subscribers are
 * notified; a stale list bumps that type's list epoch (`store.listEpoch(type)`).
 * The record the mutation returned is never made stale: it was just re-read.
 */
export interface InvalidationRule {
  /** Typename -> field names (every argument variant: `scene_count` and `scene_count(depth:-1)`). */
  readonly fields?: Readonly<Record<string, readonly string[]>>;
  /** Typenames whose list results (`find`, `findIter`, counts) are stale. */
  readonly lists?: readonly string[];
}

/** Create, update and destroy of each type. */
export const INVALIDATION_RULES: Readonly<Record<string, InvalidationRule>> = {
  Scene: {
    fields: {
      Group: ['scenes', 'scene_count'],
      Gallery: ['scenes'],
      Performer: ['scenes', 'scene_count', 'groups', 'group_count', 'performer_count', 'o_counter'],
      Studio: ['scene_count', 'performer_count', 'o_counter'],
      Tag: ['scene_count'],
      SceneMarker: ['scene'],
    },
    lists: ['Scene', 'Group', 'Gallery', 'Performer', 'Studio', 'Tag', 'SceneMarker'],
  },
  Image: {
    fields: {
      Gallery: ['image_count', 'cover', 'paths'],
      Performer: ['image_count', 'performer_count'],
      Studio: ['image_count', 'performer_count'],
      Tag: ['image_count', 'performer_count'],
    },
    lists: ['Image', 'Gallery', 'Performer', 'Studio', 'Tag'],
  },
  Gallery: {
    fields: {
      Scene: ['galleries'],
      Image: ['galleries'],
      Performer: ['gallery_count'],
      Studio: ['gallery_count'],
      Tag: ['gallery_count'],
    },
    lists: ['Gallery', 'Scene', 'Image', 'Performer', 'Studio', 'Tag'],
  },
  Group: {
    fields: {
      Performer: ['group_count'],
      Studio: ['group_count', 'groups'],
      Tag: ['group_count'],
      Scene: ['groups'],
      Group: ['sub_groups', 'containing_groups', 'sub_group_count'],
    },
    lists: ['Group', 'Scene', 'Performer', 'Studio', 'Tag'],
  },
  SceneMarker: {
    fields: { Tag: ['scene_marker_count'], Scene: ['scene_markers'] },
    lists: ['SceneMarker', 'Scene', 'Tag'],
  },
  Performer: {
    fields: { Tag: ['performer_count'], Studio: ['performer_count'], Group: ['performer_count'] },
    lists: ['Performer', 'Scene', 'Image', 'Gallery', 'Tag', 'Studio', 'Group'],
  },
  Studio: {
    fields: { Studio: ['child_studios'], Tag: ['studio_count'] },
    lists: ['Studio', 'Scene', 'Image', 'Gallery', 'Group', 'Tag', 'Performer'],
  },
  Tag: {
    fields: { Tag: ['parents', 'children', 'parent_count', 'child_count'] },
    lists: ['Tag', 'Scene', 'Image', 'Gallery', 'Performer', 'Studio', 'Group', 'SceneMarker'],
  },
  GalleryChapter: { fields: { Gallery: ['chapters'] }, lists: [] },
  SavedFilter: { lists: ['SavedFilter'] },
};

/** Rule for a mutated type (an empty rule for types without one). */
export function invalidationRule(typename: string): InvalidationRule {
  return INVALIDATION_RULES[typename] ?? {};
}
