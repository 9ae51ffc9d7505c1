import { describe, expect, it } from 'vitest';
import type { FilterEntity } from '../src/filter/types';
import { applyFindFilter } from '../src/sort/applyFindFilter';
import { parseSearchString } from '../src/sort/parseSearchString';
import { library } from './filterFixture';

const db = library();

function search(entity: FilterEntity, q: string): string[] {
  return applyFindFilter(
    entity,
    [...db.table(entity).values()],
    { q, per_page: -1, sort: 'id' },
    db,
  ).items.map((r) => r.id);
}

describe('parseSearchString', () => {
  it.each([
    ['a b', { mustHave: ['a', 'b'], anySets: [], mustNot: [] }],
    ['"a b" c', { mustHave: ['a b', 'c'], anySets: [], mustNot: [] }],
    ['a -b -"c d"', { mustHave: ['a'], anySets: [], mustNot: ['b', 'c d'] }],
    ['a OR b c', { mustHave: ['c'], anySets: [['a', 'b']], mustNot: [] }],
    ['a or b OR c', { mustHave: [], anySets: [['a', 'b', 'c']], mustNot: [] }],
    ['a | b', { mustHave: [], anySets: [['a', 'b']], mustNot: [] }],
    ['OR a', { mustHave: ['OR', 'a'], anySets: [], mustNot: [] }],
    ['"unterminated phrase', { mustHave: ['"unterminated', 'phrase'], anySets: [], mustNot: [] }],
    ['  ', { mustHave: [], anySets: [], mustNot: [] }],
    ['- ""', { mustHave: ['-'], anySets: [], mustNot: [] }],
  ])('%j', (q, specs) => {
    expect(parseSearchString(q)).toEqual(specs);
  });
});

describe('q search', () => {
  it.each<[string, string[]]>([
    ['sunset', ['1']],
    ['SUNSET beach', ['1']],
    ['warm', ['1']],
    ['kitchen_2', ['2']],
    ['aaa1', ['1']],
    ['kiss', ['1']],
    ['sunset -beach', []],
    ['-sunset', ['2', '3', '4']],
    ['sunset OR kitchen', ['1', '2']],
    ['square | sunset', ['1', '4']],
    ['"talk kitchen"', []],
    ['"kitchen talk"', ['2']],
    ['media', ['1', '2', '3', '4']],
    ['', ['1', '2', '3', '4']],
  ])('scenes %j', (q, expected) => {
    expect(search('Scene', q)).toEqual(expected);
  });

  it.each<[FilterEntity, string, string[]]>([
    ['Performer', 'ally', ['1']],
    ['Performer', 'bo', ['2']],
    ['Studio', 'as', ['1']],
    ['Tag', 'beach', ['2']],
    ['Tag', 'outside', ['1']],
    ['Gallery', 'opening', ['1']],
    ['Gallery', 'images', ['1', '2']],
    ['Gallery', 'zip7', ['1']],
    ['Image', 'img2', ['2']],
    ['Image', 'one', ['1']],
    ['Group', 'series', ['1']],
    ['SceneMarker', 'kitchen', ['3']],
    ['SceneMarker', 'outdoor', ['2']],
    ['File', 'images/img', ['5', '6']],
    ['Folder', 'videos', ['2']],
  ])('%s %j', (entity, q, expected) => {
    expect(search(entity, q)).toEqual(expected);
  });

  it('counts matches before pagination', () => {
    const r = applyFindFilter(
      'Scene',
      [...db.table('Scene').values()],
      { q: 'media', per_page: 1, page: 2 },
      db,
    );
    expect(r).toMatchObject({ count: 4 });
    expect(r.items.map((s) => s.id)).toEqual(['2']);
  });
});
