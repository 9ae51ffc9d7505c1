import { describe, expect, it } from 'vitest';
import * as here from '../src/errors';

// A second instance of the module stands for the other build (CJS next to ESM) of the package.
const secondCopy = '../src/errors.ts?second-copy';
const other = (await import(/* @vite-ignore */ secondCopy)) as typeof here;

describe('error identity across copies of the package', () => {
  it('the second copy is really another module (other classes)', () => {
    expect(other.StashError).not.toBe(here.StashError);
  });

  it('instanceof holds for the same class and its base from the other copy, not for siblings', () => {
    const net = new other.StashNetworkError('x', { status: 502 });
    expect(net instanceof here.StashNetworkError).toBe(true);
    expect(net instanceof here.StashError).toBe(true);
    expect(net instanceof here.StashGraphQLError).toBe(false);
    expect(new other.FindLimitError(2, 1) instanceof here.FindLimitError).toBe(true);
    expect(new here.StashAbortError('y') instanceof other.StashAbortError).toBe(true);
    expect(new here.StashAbortError('y') instanceof other.StashValidationError).toBe(false);
  });

  it('isStashError is a brand check: stashkit errors of either copy, nothing else', () => {
    expect(here.isStashError(new other.StashValidationError('v'))).toBe(true);
    expect(other.isStashError(new here.MissingFieldsError('Scene', '1', ['title']))).toBe(true);
    const impostor = Object.assign(new Error('n'), { name: 'StashError' });
    expect(here.isStashError(impostor)).toBe(false);
    expect(impostor instanceof here.StashError).toBe(false);
    expect(here.isStashError(null)).toBe(false);
    expect(here.isStashError('StashError')).toBe(false);
  });
});
