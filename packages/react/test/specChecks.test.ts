// Call-site spec checks for the hooks: checked by `tsc -b` (each expected error fails to compile if
// the check regresses); the runtime test only loads the file. The hooks are never called.
import { describe, expect, it } from 'vitest';
import type { Scene } from '@stashkit/core';
import { useEntity, useFind, useFindIter, usePopulate } from '../src/index';

function useHookCalls(scene: Pick<Scene, '__typename' | 'id'>) {
  // @ts-expect-error: misspelt field
  useEntity('Scene', '1', { fields: ['titel'] });
  // @ts-expect-error: misspelt sub-field (dot form)
  useFind('Scene', undefined, { fields: ['studio.nmae'] });
  // @ts-expect-error: misspelt sub-field (__ form)
  useFindIter('Scene', undefined, { fields: ['studio__nmae'] });
  // @ts-expect-error: misspelt field in usePopulate
  usePopulate(scene, ['detials']);
  // Specs with arguments keep working.
  useEntity('Studio', '1', { fields: ['scene_count(depth: -1)', 'parent_studio.name'] });
  return usePopulate(scene, ['details', 'studio__name']).data?.studio?.name;
}

describe('hook spec checks', () => {
  it('rejects misspelt literal specs where they are written (compile-time)', () => {
    expect(typeof useHookCalls).toBe('function');
  });
});
