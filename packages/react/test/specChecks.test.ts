// Call-site spec checks for the hooks: checked by `tsc -b` (each expected error fails to compile if
// the check regresses); the runtime test only loads the file. The hooks are never called.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { AsReceived, Scene } from '@stashkit/core';
import { useCached, useEntity, useFind, useFindIter, useFindPage, usePopulate } from '../src/index';

function useHookCalls(scene: Pick<Scene, '__typename' | 'id'>) {
  // @ts-expect-error: misspelt field
  useEntity('Scene', '1', { fields: ['titel'] });
  // @ts-expect-error: misspelt sub-field (dot form)
  useFind('Scene', undefined, { fields: ['studio.nmae'] });
  // @ts-expect-error: misspelt sub-field (__ form)
  useFindIter('Scene', undefined, { fields: ['studio__nmae'] });
  // @ts-expect-error: misspelt field in useFindPage
  useFindPage('Scene', undefined, { page: 2, fields: ['studio.nmae'] });
  // @ts-expect-error: misspelt field in usePopulate
  usePopulate(scene, ['detials']);
  // Specs with arguments keep working.
  useEntity('Studio', '1', { fields: ['scene_count(depth: -1)', 'parent_studio.name'] });
  // useFindPage narrows its items, keeps the aggregates, and stays wide without a literal list.
  const page = useFindPage('Scene', { organized: true }, { fields: ['title', 'studio.name'] }).data;
  expectTypeOf(page?.items[0].studio?.name).toEqualTypeOf<string | undefined>();
  expectTypeOf(page?.duration).toEqualTypeOf<number | undefined>();
  // @ts-expect-error: details was not selected
  void page?.items[0].details;
  expectTypeOf(useFindPage('Scene').data?.items).toEqualTypeOf<readonly AsReceived<Scene>[] | undefined>();
  useFindPage('Studio', undefined, { fields: ['scene_count(depth: -1)'] });
  // useCached narrows its items to `fields` and checks them where they are written.
  expectTypeOf(useCached('Scene', undefined, { fields: ['title'] })[0].title).toEqualTypeOf<string | null>();
  // @ts-expect-error: misspelt field in useCached
  useCached('Scene', undefined, { fields: ['titel'] });
  // @ts-expect-error: details was not selected
  void useCached('Scene', undefined, { fields: ['title'] })[0].details;
  return usePopulate(scene, ['details', 'studio__name']).data?.studio?.name;
}

describe('hook spec checks', () => {
  it('rejects misspelt literal specs where they are written (compile-time)', () => {
    expect(typeof useHookCalls).toBe('function');
  });
});
