import { describe, expect, it } from 'vitest';
import { compileFilter } from '@stashkit/core';
import { EMPTY_SCENE_FILTER, toSceneFilters } from './sceneFilterState';

describe('toSceneFilters', () => {
  it('sends no criteria for the empty form (q goes to FindFilterType, not here)', () => {
    expect(toSceneFilters({ ...EMPTY_SCENE_FILTER, q: 'night' })).toEqual({});
  });

  it('compiles every control to the Stash criterion it stands for', () => {
    const filters = toSceneFilters({
      q: '',
      minRating: 80,
      organized: false,
      tags: [
        { id: '3', name: 'Outdoor' },
        { id: '12', name: 'Beach' },
      ],
    });
    expect(compileFilter('Scene', filters)).toEqual({
      rating100: { value: 79, modifier: 'GREATER_THAN' },
      organized: false,
      tags: { value: ['3', '12'], modifier: 'INCLUDES_ALL' },
    });
  });
});
