// Hooks without `fields`: `useEntity` selects the type's default set (fetching what is missing, even
// when a list already cached the entity with fewer fields) and its data holds exactly that set with
// links as `{ __typename, id, name }` stubs; the type says so (`AsReceived`), so reading a linked
// entity's other fields does not compile. The type checks run under `tsc -b`.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { AsReceived, LinkStub, Scene, Studio } from '@stashkit/core';
import { useEntity, useFind, useFindIter, useFindPage, useCached, useSuspenseEntity } from '../src/index';
import { React, act, newStore, renderWith, setupTestStash, waitFor } from './helpers';

const stash = setupTestStash(30);

function useTypeChecks() {
  const data = useEntity('Scene', '1').data;
  expectTypeOf(data).toEqualTypeOf<AsReceived<Scene> | null>();
  expectTypeOf(data?.title).toEqualTypeOf<string | null | undefined>();
  expectTypeOf(data?.studio).toEqualTypeOf<LinkStub<Studio> | null | undefined>();
  expectTypeOf(data?.studio?.name).toEqualTypeOf<string | undefined>();
  expectTypeOf(data?.performers?.[0].id).toEqualTypeOf<string | undefined>();
  // @ts-expect-error: a link without `fields` is a stub, not the studio
  void data?.studio?.url;
  // @ts-expect-error: nor are the performers in full
  void data?.performers?.[0].gender;
  // @ts-expect-error: entities inside embedded objects are their identity
  void data?.groups?.[0].group.name;
  expectTypeOf(data?.groups?.[0].scene_index).toEqualTypeOf<number | null | undefined>();
  expectTypeOf(data?.paths?.stream).toEqualTypeOf<string | null | undefined>();
  expectTypeOf(useSuspenseEntity('Scene', '1').data).toEqualTypeOf<AsReceived<Scene> | null>();
  // Lists and the cache without `fields` hold entities as received: the same type.
  expectTypeOf(useFind('Scene').data).toEqualTypeOf<readonly AsReceived<Scene>[] | null>();
  expectTypeOf(useFindIter('Scene').items).toEqualTypeOf<readonly AsReceived<Scene>[]>();
  expectTypeOf(useFindPage('Scene').data?.items).toEqualTypeOf<readonly AsReceived<Scene>[] | undefined>();
  expectTypeOf(useCached('Scene')).toEqualTypeOf<readonly AsReceived<Scene>[]>();
  // With a field list the data is narrowed to it, links included.
  const picked = useEntity('Scene', '1', { fields: ['studio.url'] }).data;
  expectTypeOf(picked?.studio?.url).toEqualTypeOf<string | null | undefined>();
}

/** A seeded scene with a studio and a group. */
function sceneWithStudioAndGroup(): string {
  for (const row of stash().db.table('Scene').values()) {
    if (row.studio_id && row.groups.length > 0) return row.id;
  }
  throw new Error('test: the seed has no scene with a studio and a group');
}

describe('useEntity without fields', () => {
  it('compiles with honest types (tsc -b)', () => {
    expect(typeof useTypeChecks).toBe('function');
  });

  it('selects the default set: fetches what a list left out, links as stubs, then stays put', async () => {
    const store = newStore(stash());
    const id = sceneWithStudioAndGroup();
    // A grid cached the scene with its title only.
    await store.find('Scene', { id__lte: 30 }, { fields: ['title'] });
    const seen: unknown[] = [];
    function Detail() {
      const { data } = useEntity('Scene', id);
      if (data !== null && seen.at(-1) !== data) seen.push(data);
      return <p>{data === null ? '…' : String(data.details)}</p>;
    }
    renderWith(store, <Detail />);
    await waitFor(() => expect(seen).toHaveLength(1));
    expect(stash().requests).toHaveLength(2);
    const data = seen[0] as AsReceived<Scene>;
    const defaults = [...store.selectionTree('Scene', undefined).keys()];
    expect(Object.keys(data).sort()).toEqual(
      ['__typename', ...defaults.filter((k) => k !== '__typename')].sort(),
    );
    expect(data.details).not.toBeUndefined();
    expect(Object.keys(data.studio!).sort()).toEqual(['__typename', 'id', 'name']);
    for (const p of data.performers!) expect(Object.keys(p).sort()).toEqual(['__typename', 'id', 'name']);
    expect(Object.keys(data.groups![0].group).sort()).toEqual(['__typename', 'id']);

    // Another read fetches more of the studio: the default selection did not change, nor the data.
    await act(async () => {
      await store.get('Studio', data.studio!.id, { fields: ['url', 'details'] });
    });
    expect(seen).toHaveLength(1);
    void React;
  });
});
