import { describe, expect, it } from 'vitest';
import { isStashDate, isStashTimestamp, scalarProblem } from '../src/validate/scalarValue';

describe('the one value checker', () => {
  it('takes the date forms Stash parses, and only real days', () => {
    for (const ok of [
      '2020',
      '2020-05',
      '2020-02-29',
      '2000-02-29',
      '2020-01-31 23:59:59',
      '2020-01-31T12:00:00Z',
      '2020-01-31T12:00:00.5+01:00',
    ])
      expect(isStashDate(ok), ok).toBe(true);
    for (const bad of [
      '',
      '2020-13',
      '1900-02-29',
      '2020-04-31',
      '20-01-01',
      '2020-01-01T12:00Z',
      '2020-01-01 12:00',
    ])
      expect(isStashDate(bad), bad).toBe(false);
  });

  it('takes Stash timestamps, relative ones as Go durations', () => {
    for (const ok of ['<4h', '>5m', '<1h30m', '<1.5s', '2020-01-31', '2020-01-31T12:00:00Z'])
      expect(isStashTimestamp(ok), ok).toBe(true);
    for (const bad of ['<', '<4', '<4d', '2020', 'now']) expect(isStashTimestamp(bad), bad).toBe(false);
  });

  it('checks Int, Int64, Float, ID and enums', () => {
    const ctx = { enums: { E: ['A'] } };
    expect(scalarProblem('Int', 2147483647, ctx)).toBeUndefined();
    expect(scalarProblem('Int', 2147483648, ctx)).toMatch(/32-bit/);
    expect(scalarProblem('Int64', 2 ** 40, ctx)).toBeUndefined();
    expect(scalarProblem('Float', -Infinity, ctx)).toMatch(/finite/);
    expect(scalarProblem('ID', '01', ctx)).toMatch(/id/);
    expect(scalarProblem('E', 'A', ctx)).toBeUndefined();
    expect(scalarProblem('E', 'constructor', ctx)).toMatch(/E \(A\)/);
    expect(scalarProblem('constructor', 1, ctx)).toBeUndefined();
  });
});
