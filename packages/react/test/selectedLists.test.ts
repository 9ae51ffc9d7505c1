// Typed results for several specs through one field: checked by `tsc -b` (every expectTypeOf and
// expected error below fails to compile if the types regress); the runtime test only loads it.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { GenderEnum, Scene, Studio, VideoFile } from '@stashkit/core';
import type { Selected } from '../src/index';

type Files = Selected<Scene, readonly ['files.path', 'files.size']>;
type Mixed = Selected<Scene, readonly ['title', 'files__path', 'files.size', 'performers__gender']>;
type Nested = Selected<Scene, readonly ['studio.parent_studio.name', 'studio.name']>;
type Linked = Selected<Scene, readonly ['studio', 'studio.url']>;

function typeChecks(
  scalar: Selected<Scene, readonly ['title']>,
  single: Selected<Scene, readonly ['studio.name']>,
  one: Selected<Scene, readonly ['performers.name']>,
  files: Files,
  mixed: Mixed,
  nested: Nested,
  linked: Linked,
  counted: Selected<Studio, readonly ['scene_count(depth: -1)']>,
) {
  // Scalar.
  expectTypeOf(scalar.title).toEqualTypeOf<string | null>();
  expectTypeOf(scalar.id).toEqualTypeOf<string>();
  // @ts-expect-error: not selected
  void scalar.details;

  // Single link.
  expectTypeOf(single.studio?.name).toEqualTypeOf<string | undefined>();
  // @ts-expect-error: studio.url was not selected
  void single.studio?.url;

  // List link with one sub-field.
  expectTypeOf(one.performers.map((p) => p.name)).toEqualTypeOf<string[]>();

  // List link with two sub-fields: one array whose items carry both (not an intersection of arrays).
  expectTypeOf<Files['files']>().toEqualTypeOf<Files['files'][number][]>();
  const rows = files.files.map((f) => [f.id, f.path, f.size] as const);
  expectTypeOf(rows).toEqualTypeOf<(readonly [string, string, number])[]>();
  expectTypeOf<Files['files'][number]>().toMatchTypeOf<Pick<VideoFile, 'path' | 'size'>>();
  // @ts-expect-error: files.duration was not selected
  void files.files[0].duration;

  // `__` and `.` specs merge; other fields keep their own narrowing.
  expectTypeOf(mixed.title).toEqualTypeOf<string | null>();
  expectTypeOf(mixed.files.map((f) => f.size + f.path.length)).toEqualTypeOf<number[]>();
  expectTypeOf(mixed.performers.map((p) => p.gender)).toEqualTypeOf<(GenderEnum | null)[]>();
  // @ts-expect-error: performers.name was not selected
  void mixed.performers[0].name;

  // Nested links.
  expectTypeOf(nested.studio?.parent_studio?.name).toEqualTypeOf<string | undefined>();
  expectTypeOf(nested.studio?.name).toEqualTypeOf<string | undefined>();
  // @ts-expect-error: studio.parent_studio.url was not selected
  void nested.studio?.parent_studio?.url;

  // A link named alone is its identity plus whatever is cached; a sub-field spec makes that one sure.
  expectTypeOf(linked.studio?.url).toEqualTypeOf<string | null | undefined>();
  if (linked.studio !== null) {
    expectTypeOf(linked.studio.url).toEqualTypeOf<string | null>();
    expectTypeOf(linked.studio.name).toEqualTypeOf<string | undefined>();
  }

  // Fields with arguments are named by their field.
  expectTypeOf(counted.scene_count).toEqualTypeOf<number>();
  return rows;
}

describe('Selected with several specs through one field', () => {
  it('types list items with every selected sub-field (compile-time)', () => {
    expect(typeof typeChecks).toBe('function');
  });
});
