import { describe, expect, it } from 'vitest';
import { compileFindFilter, SORT_KEYS } from '../src/filter';
import { StashValidationError } from '../src/errors';

describe('compileFindFilter', () => {
  it('converts options to FindFilterType', () => {
    expect(compileFindFilter()).toEqual({});
    expect(
      compileFindFilter(
        { q: 'sun "sea side" -rain', sort: 'title', direction: 'DESC', page: 2, perPage: 40 },
        'Scene',
      ),
    ).toEqual({
      q: 'sun "sea side" -rain',
      sort: 'title',
      direction: 'DESC',
      page: 2,
      per_page: 40,
    });
    expect(compileFindFilter({ direction: 'asc', perPage: -1 })).toEqual({ direction: 'ASC', per_page: -1 });
  });

  it("checks sort against the entity's allow-list, accepting random_<seed>", () => {
    expect(compileFindFilter({ sort: 'random_12345' }, 'Performer')).toEqual({ sort: 'random_12345' });
    expect(compileFindFilter({ sort: 'scenes_count' }, 'Tag')).toEqual({ sort: 'scenes_count' });
    const bad = () => compileFindFilter({ sort: 'rating100' }, 'Scene');
    expect(bad).toThrow(StashValidationError);
    expect(bad).toThrow('StashFilter: invalid sort "rating100" for Scene (did you mean "rating"?)');
    expect(() => compileFindFilter({ sort: 'title' }, 'Performer')).toThrow(
      'invalid sort "title" for Performer',
    );
    expect(() => compileFindFilter({ sort: 'random_x' }, 'Scene')).toThrow('invalid sort "random_x"');
    expect(() => compileFindFilter({ sort: '' })).toThrow('invalid sort ""');
    // Without a type only the value's type is checked.
    expect(compileFindFilter({ sort: 'anything' })).toEqual({ sort: 'anything' });
  });

  it('has an allow-list for every entity type with a list query', () => {
    for (const type of ['Scene', 'Performer', 'Studio', 'Tag', 'Gallery', 'Image', 'Group', 'SceneMarker']) {
      expect(SORT_KEYS[type]).toContain('id');
      expect(SORT_KEYS[type]).toContain('random');
    }
  });

  it('rejects unknown options and bad values before any request', () => {
    expect(() => compileFindFilter({ per_page: 10 } as never)).toThrow(
      'unknown find option "per_page" (accepted: q, sort, direction, page, perPage) (did you mean "perPage"?)',
    );
    expect(() => compileFindFilter({ direction: 'UP' } as never)).toThrow(
      'direction expects "ASC" or "DESC", got "UP"',
    );
    expect(() => compileFindFilter({ page: 0 })).toThrow('page expects an integer >= 1, got 0');
    expect(() => compileFindFilter({ perPage: 0 })).toThrow(
      'perPage expects an integer >= 1, or -1 for everything, got 0',
    );
    expect(() => compileFindFilter({ perPage: 2.5 })).toThrow('perPage expects an integer, got 2.5');
    expect(() => compileFindFilter({ q: 5 } as never)).toThrow('q expects a string, got 5');
  });
});
