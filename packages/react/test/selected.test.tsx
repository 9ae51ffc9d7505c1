// Typed results: checked by `tsc` (the assignments below fail to compile if the types regress).
import { describe, expect, it } from 'vitest';
import type { Scene } from '@stashkit/core';
import type { Selected } from '../src/index';

type Picked = Selected<Scene, readonly ['title', 'studio.name', 'performers__gender']>;

function typeChecks(p: Picked, full: Selected<Scene, undefined>, loose: Selected<Scene, string[]>) {
  const title: string | null = p.title;
  const studioName: string | undefined = p.studio?.name;
  const gender = p.performers[0]?.gender;
  const id: string = p.id;
  // @ts-expect-error: not selected
  void p.details;
  // @ts-expect-error: studio.url was not selected
  void p.studio?.url;
  // Without a literal selection the whole entity type is kept.
  const details: string | null = full.details;
  const code: string | null = loose.code;
  return [title, studioName, gender, id, details, code];
}

describe('Selected', () => {
  it('narrows entity types to the selected fields (compile-time)', () => {
    expect(typeof typeChecks).toBe('function');
  });
});
