import { describe, expect, it } from 'vitest';
import { fillMissing } from '../src/observers/heldData';

describe('fillMissing', () => {
  const previous = {
    __typename: 'Scene',
    id: '1',
    title: 'A',
    rating100: 40,
    studio: { __typename: 'Studio', id: '2', name: 'S' },
    tags: [{ __typename: 'Tag', id: '3', name: 'T' }],
  };

  it('takes the previous values of fields a partial read misses, through links and lists', () => {
    const partial = {
      __typename: 'Scene',
      id: '1',
      title: 'B',
      studio: { __typename: 'Studio', id: '2' },
      tags: [{ __typename: 'Tag', id: '3' }],
    };
    const filled = fillMissing(partial, previous) as typeof previous;
    expect(filled).toEqual({ ...previous, title: 'B' });
    // Unchanged parts keep their identity.
    expect(filled.studio).toBe(previous.studio);
    expect(filled.tags).toBe(previous.tags);
  });

  it('returns the previous data when the partial read only lacks fields', () => {
    const { rating100: _, ...partial } = previous;
    expect(fillMissing(partial, previous)).toBe(previous);
  });

  it('takes nothing from another entity or a list of another length', () => {
    const studio = { __typename: 'Studio', id: '9' };
    const tags = [previous.tags[0], { __typename: 'Tag', id: '4', name: 'U' }];
    const filled = fillMissing({ ...previous, studio, tags }, previous) as typeof previous;
    expect(filled.studio).toBe(studio);
    expect(filled.tags).toBe(tags);
  });
});
