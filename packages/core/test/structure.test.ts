// Cycle and depth checks refuse only cycles and runaway nesting: shared objects and deep-but-sane
// filters pass (the catalog covers the refusals).
import { describe, expect, it } from 'vitest';
import { compileFilter, StashValidationError } from '../src/index';
import { checkStructure, MAX_DEPTH } from '../src/validate/structure';

describe('checkStructure', () => {
  it('accepts an object shared by several branches (not a cycle)', () => {
    const tag = { value: ['3'], modifier: 'INCLUDES' };
    expect(() =>
      compileFilter('Scene', { OR: [{ tags: tag }, { AND: { tags: tag } }] } as never),
    ).not.toThrow();
    const shared = { a: 1 };
    expect(() => checkStructure([shared, shared, { x: shared }], 'test')).not.toThrow();
  });

  it(`accepts ${MAX_DEPTH} levels and refuses one more, naming the path`, () => {
    let ok: unknown = 1;
    // The root and MAX_DEPTH object levels below it.
    for (let i = 0; i <= MAX_DEPTH; i++) ok = { k: ok };
    expect(() => checkStructure(ok, 'test')).not.toThrow();
    expect(() => checkStructure({ k: ok }, 'test')).toThrow(StashValidationError);
    expect(() => checkStructure({ k: ok }, 'test')).toThrow(
      /test: nested more than 32 levels deep at "k\.k\.k\.{5}k\.k\.k"/,
    );
  });

  it('names the path of a cycle', () => {
    const a: Record<string, unknown> = {};
    a.b = [{ c: a }];
    expect(() => checkStructure(a, 'test')).toThrow('test: circular reference at "b.0.c"');
  });
});
