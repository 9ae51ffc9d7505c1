import { describe, expect, it } from 'vitest';
import { MockStashError } from '../src/errors';
import type { FilterEntity } from '../src/filter/types';
import { applyFindFilter, type FindFilter } from '../src/sort/applyFindFilter';
import { naturalCompare } from '../src/sort/naturalCompare';
import { allowedSorts } from '../src/sort/sortKeys';
import { FixtureDb, library, scene } from './filterFixture';

const db = library();

function order(entity: FilterEntity, findFilter: FindFilter | null, source = db): string[] {
  return applyFindFilter(entity, [...source.table(entity).values()], findFilter, source).items.map(
    (r) => r.id,
  );
}

// the allow-lists of stash-api.md §2.1
const STASH_SORTS: Partial<Record<FilterEntity, string>> = {
  Scene:
    'bitrate created_at code date file_count filesize duration file_mod_time framerate group_scene_number id interactive interactive_speed last_o_at last_played_at movie_scene_number o_counter organized performer_count play_count play_duration resume_time path perceptual_similarity random rating resolution studio tag_count title updated_at performer_age',
  Performer:
    'birthdate career_length created_at galleries_count height id images_count last_o_at last_played_at measurements name o_counter penis_length play_count random rating scenes_count scenes_duration tag_count updated_at weight',
  Studio:
    'child_count created_at galleries_count id images_count name scenes_count scenes_duration random rating tag_count updated_at',
  Tag: 'created_at galleries_count groups_count id images_count movies_count studios_count name performers_count random scene_markers_count scenes_count scenes_duration updated_at',
  Gallery:
    'created_at date file_count file_mod_time id images_count path performer_count random rating tag_count title updated_at',
  Image:
    'created_at date file_count file_mod_time filesize id o_counter path performer_count random rating resolution tag_count title updated_at',
  Group:
    'created_at date duration id name random rating scenes_count o_counter sub_group_order tag_count updated_at',
  SceneMarker: 'created_at id title random scene_id scenes_updated_at seconds updated_at duration',
  File: 'created_at id path random updated_at',
  Folder: 'created_at id path random updated_at',
};

describe('sort allow-lists', () => {
  it.each(Object.entries(STASH_SORTS))(
    '%s accepts exactly Stash’s list, and every key sorts',
    (entity, list) => {
      const keys = list!.split(' ').sort();
      expect(allowedSorts(entity as FilterEntity)).toEqual(keys);
      for (const sort of keys) {
        for (const direction of ['ASC', 'DESC']) {
          const ids = order(entity as FilterEntity, { sort, direction, per_page: -1 });
          expect(ids.slice().sort()).toEqual([...db.table(entity as FilterEntity).keys()].sort());
        }
      }
    },
  );

  it('rejects other sorts with Stash’s message', () => {
    expect(() => order('Scene', { sort: 'rating100' })).toThrow(MockStashError);
    expect(() => order('Scene', { sort: 'rating100' })).toThrow('invalid sort: rating100');
    expect(() => order('Performer', { sort: 'title' })).toThrow('invalid sort: title');
    expect(() => order('Performer', { sort: '' })).toThrow('invalid sort: ');
    expect(() => order('Scene', { sort: 'random_abc' })).toThrow('invalid random seed: abc');
  });
});

describe('sort order', () => {
  it('keeps id order without a sort for scenes, galleries, images; name/title otherwise', () => {
    expect(order('Scene', null)).toEqual(['1', '2', '3', '4']);
    expect(order('Scene', { sort: '' })).toEqual(['1', '2', '3', '4']);
    expect(order('Gallery', {})).toEqual(['1', '2']);
    expect(order('Performer', null)).toEqual(['1', '2', '3']);
    // tags sort by COALESCE(sort_name, name): 'A beach', Indoor, Kitchen, Outdoor, Sunset
    expect(order('Tag', null)).toEqual(['2', '4', '5', '1', '3']);
    // markers by COALESCE(NULLIF(title, ''), primary tag name): Chop, Kiss, Outdoor
    expect(order('SceneMarker', null)).toEqual(['3', '1', '2']);
  });

  it('puts NULLs first ascending and last descending, with the title/id tie-breaker ascending', () => {
    // ratings: s1 80, s2 null, s3 null, s4 20; tie-breaker COALESCE(title, id): '3' < 'kitchen talk'
    expect(order('Scene', { sort: 'rating' })).toEqual(['3', '2', '4', '1']);
    expect(order('Scene', { sort: 'rating', direction: 'DESC' })).toEqual(['1', '4', '3', '2']);
    expect(order('Scene', { sort: 'rating', direction: 'SIDEWAYS' })).toEqual(['3', '2', '4', '1']);
  });

  it('sorts titles naturally, case-insensitively, falling back to the file name', () => {
    // Sunset Beach, kitchen talk, (portrait.mp4), Square one
    expect(order('Scene', { sort: 'title' })).toEqual(['2', '3', '4', '1']);
    expect(order('Scene', { sort: 'title', direction: 'DESC' })).toEqual(['1', '4', '3', '2']);
    expect(['a10', 'a9', 'A2', 'a09', 'b1', 'B'].sort(naturalCompare)).toEqual([
      'A2',
      'a9',
      'a09',
      'a10',
      'B',
      'b1',
    ]);
  });

  it.each<[FilterEntity, FindFilter, string[]]>([
    ['Scene', { sort: 'duration' }, ['3', '4', '1', '2']],
    ['Scene', { sort: 'studio' }, ['3', '1', '2', '4']],
    ['Scene', { sort: 'o_counter', direction: 'DESC' }, ['1', '2', '3', '4']],
    ['Scene', { sort: 'resolution', direction: 'DESC' }, ['1', '4', '3', '2']],
    ['Scene', { sort: 'date' }, ['3', '4', '1', '2']],
    ['Scene', { sort: 'performer_age' }, ['1', '2', '3', '4']],
    ['Scene', { sort: 'performer_age', direction: 'DESC' }, ['2', '1', '3', '4']],
    ['Scene', { sort: 'last_played_at', direction: 'DESC' }, ['1', '3', '2', '4']],
    ['Scene', { sort: 'perceptual_similarity' }, ['4', '1', '3', '2']],
    ['Scene', { sort: 'group_scene_number' }, ['3', '4', '1', '2']],
    ['Performer', { sort: 'scenes_count', direction: 'DESC' }, ['2', '1', '3']],
    ['Performer', { sort: 'o_counter', direction: 'DESC' }, ['1', '2', '3']],
    ['Performer', { sort: 'birthdate' }, ['3', '2', '1']],
    ['Studio', { sort: 'child_count', direction: 'DESC' }, ['1', '2', '4', '3']],
    ['Tag', { sort: 'scene_markers_count', direction: 'DESC' }, ['4', '5', '1', '3', '2']],
    ['Tag', { sort: 'scenes_count', direction: 'DESC' }, ['2', '4', '5', '3', '1']],
    ['Gallery', { sort: 'images_count', direction: 'DESC' }, ['1', '2']],
    // '/media/images' (folder) before '/media/images' + 'set.zip' (zip file)
    ['Gallery', { sort: 'path' }, ['2', '1']],
    ['Image', { sort: 'resolution' }, ['2', '1']],
    ['Group', { sort: 'sub_group_order' }, ['1', '2', '3']],
    ['SceneMarker', { sort: 'seconds' }, ['3', '1', '2']],
    ['SceneMarker', { sort: 'duration' }, ['2', '1', '3']],
    // folder path, then basename (binary collation: 'S' < 'k')
    ['File', { sort: 'path', direction: 'DESC' }, ['4', '3', '2', '1', '7', '6', '5']],
  ])('%s %j', (entity, findFilter, expected) => {
    expect(order(entity, { ...findFilter, per_page: -1 })).toEqual(expected);
  });
});

describe('random sort', () => {
  const many = new FixtureDb({ Scene: Array.from({ length: 60 }, (_, i) => scene(String(i + 1))) });
  const all = [...many.table('Scene').keys()];

  it('is a stable permutation for a seed, and differs between seeds', () => {
    const a = order('Scene', { sort: 'random_42', per_page: -1 }, many);
    expect(order('Scene', { sort: 'random_42', per_page: -1 }, many)).toEqual(a);
    expect(a.slice().sort()).toEqual(all.slice().sort());
    expect(a).not.toEqual(all);
    expect(order('Scene', { sort: 'random_43', per_page: -1 }, many)).not.toEqual(a);
    expect(order('Scene', { sort: 'random_42', direction: 'DESC', per_page: -1 }, many)).toEqual(
      a.slice().reverse(),
    );
  });

  it('pages consistently with a seed', () => {
    const full = order('Scene', { sort: 'random_7', per_page: -1 }, many);
    const pages = [1, 2, 3].flatMap((page) => order('Scene', { sort: 'random_7', page, per_page: 20 }, many));
    expect(pages).toEqual(full);
  });

  it('caps the seed at 10^8 like Stash', () => {
    expect(order('Scene', { sort: 'random_100000005', per_page: -1 }, many)).toEqual(
      order('Scene', { sort: 'random_5', per_page: -1 }, many),
    );
  });

  it('gives some permutation for plain random', () => {
    expect(order('Scene', { sort: 'random', per_page: -1 }, many).sort()).toEqual(all.slice().sort());
  });
});

describe('pagination', () => {
  const many = new FixtureDb({ Scene: Array.from({ length: 60 }, (_, i) => scene(String(i + 1))) });
  const run = (f: FindFilter | null) => applyFindFilter('Scene', [...many.table('Scene').values()], f, many);

  it('defaults to page 1 of 25 and reports the total', () => {
    const r = run(null);
    expect(r.items.map((s) => s.id)).toEqual(Array.from({ length: 25 }, (_, i) => String(i + 1)));
    expect(r.count).toBe(60);
  });

  it('pages, clamps page below 1, returns all for a negative per_page and none for 0', () => {
    expect(run({ page: 3, per_page: 25 }).items.map((s) => s.id)).toEqual(
      Array.from({ length: 10 }, (_, i) => String(i + 51)),
    );
    expect(run({ page: 0, per_page: 2 }).items.map((s) => s.id)).toEqual(['1', '2']);
    expect(run({ page: -4, per_page: 2 }).items.map((s) => s.id)).toEqual(['1', '2']);
    expect(run({ per_page: -1 }).items).toHaveLength(60);
    expect(run({ per_page: 0 }).items).toEqual([]);
    expect(run({ page: 9, per_page: 25 })).toEqual({ items: [], count: 60 });
  });
});
