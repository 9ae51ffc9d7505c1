import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createStashStore, StashGraphQLError, type Scene } from '../src/index';
import { startTestStash, type TestStash } from '@stashkit/testkit';

let stash: TestStash;
beforeAll(async () => {
  stash = await startTestStash({ size: 200 });
});
afterAll(async () => {
  await stash.close();
});
beforeEach(() => stash.reset());

const newStore = () => createStashStore({ url: stash.url });

describe('coalescing loader', () => {
  it('gets an entity with the default field set in one request, then serves it from cache', async () => {
    const store = newStore();
    const scene = await store.get('Scene', '1');
    expect(scene?.id).toBe('1');
    expect(store.hasFields(scene!, 'title', 'paths', 'studio', 'performers')).toBe(true);
    expect(stash.requests).toHaveLength(1);
    expect(await store.get('Scene', '1')).toBe(scene);
    expect(stash.requests).toHaveLength(1);
  });

  it('coalesces same-tick gets of different types into one request', async () => {
    const store = newStore();
    const [scene, performer, tag] = await Promise.all([
      store.get('Scene', '2', { fields: ['title'] }),
      store.get('Performer', '3', { fields: ['name'] }),
      store.get('Tag', '4', { fields: ['name'] }),
    ]);
    expect(scene?.id).toBe('2');
    expect(performer?.name).toEqual(expect.any(String));
    expect(tag?.name).toEqual(expect.any(String));
    expect(stash.requests).toHaveLength(1);
  });

  it('shares one promise between identical in-flight reads', async () => {
    const store = newStore();
    const a = store.get('Scene', '5', { fields: ['title'] });
    const b = store.get('Scene', '5', { fields: ['title'] });
    expect(b).toBe(a);
    await a;
    expect(stash.requests).toHaveLength(1);
  });

  it('populates 40 scenes with studio, performer and tag names in one request', async () => {
    const store = newStore();
    const scenes = await store.find(
      'Scene',
      { id__lte: 40 },
      { fields: ['title', 'studio', 'performers', 'tags'], sort: 'id' },
    );
    expect(scenes).toHaveLength(40);
    stash.reset();
    // Links are known but the linked records only have id + name: ask for more than that.
    const populated = await Promise.all(
      scenes.map((s) =>
        store.populate(s, [
          'studio.name',
          'studio.details',
          'performers.name',
          'performers.gender',
          'tags.name',
          'tags.description',
        ]),
      ),
    );
    expect(stash.requests).toHaveLength(1);
    for (const s of populated as Scene[]) {
      expect(
        store.missingFieldsNested(s, 'studio.details', 'performers.gender', 'tags.description').size,
      ).toBe(0);
    }
    await Promise.all(populated.map((s) => store.populate(s, ['studio.details', 'tags.description'])));
    expect(stash.requests).toHaveLength(1);
  });

  it('resolves a missing id to null without failing the other reads of the tick', async () => {
    const store = newStore();
    const [a, missing, b] = await Promise.all([
      store.get('Scene', '6', { fields: ['title'] }),
      store.get('Scene', '999999', { fields: ['title'] }),
      store.get('Performer', '7', { fields: ['name'] }),
    ]);
    expect(a?.id).toBe('6');
    expect(missing).toBeNull();
    expect(b?.id).toBe('7');
    expect(stash.requests).toHaveLength(1);
  });

  it('fetches scene markers by ids and isolates a missing one', async () => {
    const store = newStore();
    const markers = await store.find('SceneMarker', undefined, { fields: ['title'], sort: 'id' });
    expect(markers.length).toBeGreaterThan(2);
    const fresh = newStore();
    stash.reset();
    const [m1, gone, m2] = await Promise.all([
      fresh.get('SceneMarker', markers[0].id, { fields: ['title', 'seconds'] }),
      fresh.get('SceneMarker', '987654', { fields: ['title'] }),
      fresh.get('SceneMarker', markers[1].id, { fields: ['title'] }),
    ]);
    expect(m1?.title).toBe(markers[0].title);
    expect(gone).toBeNull();
    expect(m2?.id).toBe(markers[1].id);
  });

  it('rejects only the read whose alias errored', async () => {
    const store = newStore();
    stash.faults.next({ partial: [{ path: ['r1'], message: 'boom' }] });
    const results = await Promise.allSettled([
      store.get('Scene', '8', { fields: ['title'] }),
      store.get('Scene', '9', { fields: ['title'] }),
      store.get('Scene', '10', { fields: ['title'] }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const reason = (results[1] as PromiseRejectedResult).reason;
    expect(reason).toBeInstanceOf(StashGraphQLError);
    expect(reason.errors[0].message).toBe('boom');
    expect(stash.requests).toHaveLength(1);
  });

  it('selects argument fields under aliases and tracks them by name plus arguments', async () => {
    const store = newStore();
    const studio = await store.get('Studio', '1', {
      fields: ['name', 'scene_count', 'scene_count(depth: -1)'],
    });
    expect(stash.requests).toHaveLength(1);
    // The argument travels as a variable, like root arguments.
    const { query, variables } = stash.requests[0];
    const variable = /(_k\d+): scene_count\(depth: \$(\1_depth)\)/.exec(query)?.[2];
    expect(variable).toBeDefined();
    expect(query).toContain(`$${variable}: Int`);
    expect(variables).toMatchObject({ [variable!]: -1 });
    expect(query).not.toContain('-1');
    expect(store.field(studio!, 'scene_count', { depth: -1 })).toEqual(expect.any(Number));
    expect(store.field(studio!, 'scene_count', { depth: -1 })).toBeGreaterThanOrEqual(studio!.scene_count);
    expect(store.hasFields(studio!, 'scene_count(depth:-1)', 'scene_count')).toBe(true);
    expect(store.hasFields(studio!, 'scene_count(depth: 2)')).toBe(false);
  });

  it('keeps snapshot identity when a forced refetch changes nothing', async () => {
    const store = newStore();
    const scene = await store.get('Scene', '14', { fields: ['title', 'studio.name', 'paths'] });
    const again = await store.populate(scene!, ['title', 'studio.name', 'paths'], { forceRefetch: true });
    expect(stash.requests).toHaveLength(2);
    expect(again).toBe(scene);
  });
});
