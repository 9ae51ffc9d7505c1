import { describe, expect, expectTypeOf, it } from 'vitest';
import { validateDocument } from '@stashkit/testkit';
import {
  createStashStore,
  getSchemaModel,
  INVALIDATION_RULES,
  isDraft,
  isTemporaryId,
  SIDE_OPS,
  StashValidationError,
  WRITABLE_FIELDS,
  writeModel,
  type Draft,
  type EntityRef,
  type Performer,
  type Tag,
} from '../src/index';
import { writableFields } from '../src/drafts/writableInfo';
import { buildMutation, plainSelection } from '../src/mutations/mutationDocument';

// Pure draft tests: data enters through ingest; the url is never contacted (a request would fail
// with a network error, so a StashValidationError proves the check ran before any request).
function makeStore() {
  return createStashStore({ url: 'http://127.0.0.1:9/graphql' });
}

function sceneFixture(store: ReturnType<typeof makeStore>) {
  return store.ingest('Scene', {
    __typename: 'Scene',
    id: '1',
    title: 'A',
    date: '2020-01-01',
    rating100: 50,
    urls: ['u'],
    o_counter: 2,
    studio: { __typename: 'Studio', id: '10', name: 'S' },
    tags: [{ __typename: 'Tag', id: '5', name: 'T5' }],
    performers: [],
    groups: [{ group: { __typename: 'Group', id: '3', name: 'G' }, scene_index: 1 }],
  });
}

describe('drafts', () => {
  it('reads through to the base and tracks three states per field', () => {
    const store = makeStore();
    const scene = sceneFixture(store);
    const draft = store.edit(scene);
    expect(isDraft(draft)).toBe(true);
    expect(draft.__typename).toBe('Scene');
    expect(draft.title).toBe('A');
    expect(draft.studio).toBe(store.getCached('Studio', '10'));
    expect(draft.o_counter).toBe(2);
    expect(draft.isDirty).toBe(false);

    draft.date = null;
    draft.tags = [];
    expect(draft.changes()).toEqual({ date: null, tags: [] });
    draft.date = undefined as never; // undefined = untouched again
    expect(draft.changedFields()).toEqual(['tags']);
    draft.revert();
    expect(draft.isDirty).toBe(false);
    // The snapshot never changed.
    expect(store.getCached('Scene', '1')).toBe(scene);
    expect(scene.date).toBe('2020-01-01');
  });

  it('compares by input value: same ids, same join objects are not a change', () => {
    const store = makeStore();
    const scene = sceneFixture(store);
    const draft = store.edit(scene);
    draft.tags = [{ id: '5' }] as never;
    draft.studio = { __typename: 'Studio', id: '10' } as never;
    draft.groups = [{ group: { id: '3' }, scene_index: 1 }] as never;
    expect(draft.isDirty).toBe(false);
    draft.groups = [{ group: { id: '3' }, scene_index: 2 }] as never;
    expect(draft.changedFields()).toEqual(['groups']);
  });

  it('validates values against the input types before any request', () => {
    const store = makeStore();
    const draft = store.edit(sceneFixture(store));
    expect(() => (draft.title = 5 as never)).toThrow(/Scene.title must be a string, got 5/);
    expect(() => (draft.rating100 = 1.5)).toThrow(/must be an integer, got 1.5/);
    expect(() => (draft.urls = ['a', null] as never)).toThrow(/must not be null/);
    expect(() => (draft.tags = null as never)).toThrow(/set \[\] to clear it/);
    expect(() => (draft.studio = { __typename: 'Tag', id: '1' } as never)).toThrow(
      /must be a Studio, got a Tag/,
    );
    expect(() => (draft.groups = [{ group: { id: '3' }, nope: 1 }] as never)).toThrow(
      /no input field "nope"/,
    );
    expect(() => (draft.groups = [{ scene_index: 1 }] as never)).toThrow(/needs group_id/);
    expect(() => ((draft as unknown as { created_at: string }).created_at = 'x')).toThrow(/not writable/);
    const performer = store.edit(store.ingest('Performer', { __typename: 'Performer', id: '1', name: 'P' }));
    expect(() => (performer.gender = 'ROBOT' as never)).toThrow(/must be a GenderEnum \(MALE.*got "ROBOT"/);
    expect(draft.isDirty || performer.isDirty).toBe(false);
  });

  it('freezes list values so edits go through assignment', () => {
    const store = makeStore();
    const draft = store.edit(sceneFixture(store));
    const list = [{ id: '7' }];
    draft.tags = list as never;
    list.push({ id: '8' });
    expect(draft.tags).toHaveLength(1);
    expect(() => (draft.tags as unknown as object[]).push({ id: '9' })).toThrow(TypeError);
  });

  it('one tracked draft per entity; new drafts get temporary ids', () => {
    const store = makeStore();
    const scene = sceneFixture(store);
    const a = store.edit(scene);
    a.title = 'edited';
    expect(store.edit(scene)).toBe(a);
    const other = store.edit(store.getCached('Scene', '1')!);
    expect(other).toBe(a);
    const tag = store.create('Tag', { name: 'N' });
    expect(isTemporaryId(tag.id)).toBe(true);
    expect(tag.isNew && tag.isDirty).toBe(true);
    expect(store.drafts()).toEqual([a, tag]);
    store.discard(tag);
    expect(store.drafts()).toEqual([a]);
  });

  it('add() caches a new draft as a pending record that follows later edits', () => {
    const store = makeStore();
    const tag = store.add(store.create('Tag', { name: 'Pending' }));
    expect(store.getCached('Tag', tag.id)?.name).toBe('Pending');
    tag.description = 'later';
    expect(store.getCached('Tag', tag.id)?.description).toBe('later');
    store.discard(tag);
    expect(store.getCached('Tag', tag.id)).toBeNull();
  });

  it('rejects what cannot be created or saved before any request', async () => {
    const store = makeStore();
    expect(() => store.create('Image' as never)).toThrow(/Image cannot be created/);
    expect(() => store.create('Tag', { nope: 1 } as never)).toThrow(/not a writable field/);
    expect(() => store.edit(store.ingest('Folder', { __typename: 'Folder', id: '1' }) as never)).toThrow(
      /cannot be edited/,
    );
    await expect(store.save(store.create('Tag', { description: 'no name' }))).rejects.toThrow(
      /a new Tag needs name/,
    );
    const marker = store.create('SceneMarker', { title: 'm', seconds: 1 });
    await expect(store.save(marker)).rejects.toThrow(/needs scene_id, primary_tag_id/);
    await expect(store.delete(store.create('Tag', { name: 'x' }))).rejects.toBeInstanceOf(
      StashValidationError,
    );
    expect(store.requestCount).toBe(0);
  });

  it('is typed per entity: writable fields, read-only fields and operations', () => {
    const store = makeStore();
    const draft = store.edit(sceneFixture(store));
    expectTypeOf(draft).toMatchTypeOf<Draft<'Scene'>>();
    expectTypeOf(draft.title).toEqualTypeOf<string | null>();
    expectTypeOf(draft.tags).toEqualTypeOf<ReadonlyArray<Tag | Draft<'Tag'> | EntityRef<'Tag'>>>();
    expectTypeOf(draft.addO).toBeFunction();
    const tag = store.create('Tag', { name: 'x' });
    expectTypeOf(tag.parents).toEqualTypeOf<ReadonlyArray<Tag | Draft<'Tag'> | EntityRef<'Tag'>>>();
    expect(() => {
      // @ts-expect-error o_counter changes through addO()/deleteO(), not assignment
      draft.o_counter = 1;
    }).toThrow(/not writable/);
    // @ts-expect-error tags have no O counter
    void tag.addO;
    expect(() =>
      // @ts-expect-error not a Performer field
      store.create('Performer', { title: 'x' }),
    ).toThrow(/not a writable field/);
    const performer: Draft<'Performer'> = store.create('Performer', { name: 'P', gender: 'FEMALE' });
    expectTypeOf(performer.gender).toEqualTypeOf<Performer['gender']>();
  });
});

describe('schema-derived tables', () => {
  it('WRITABLE_FIELDS (the draft types) equals what the model allows', () => {
    const model = writeModel(getSchemaModel());
    for (const type of model.entityTypes) {
      const fields = [...writableFields(model, type).keys()];
      expect(fields, type).toEqual([...((WRITABLE_FIELDS as Record<string, readonly string[]>)[type] ?? [])]);
    }
  });

  it('invalidation rules name real fields and list types', () => {
    const model = getSchemaModel();
    const rules = [...Object.values(INVALIDATION_RULES), ...SIDE_OPS.map((s) => s.invalidates ?? {})];
    for (const rule of rules) {
      for (const [type, fields] of Object.entries(rule.fields ?? {})) {
        for (const f of fields) expect(model.objects[type]?.fields[f], `${type}.${f}`).toBeDefined();
      }
      for (const t of rule.lists ?? []) expect(model.entities[t]?.list, t).toBeDefined();
    }
  });

  it('every side operation document is valid against the real schema', () => {
    const samples: Record<string, unknown[]> = {
      addO: [['2024-01-01T00:00:00Z']],
      saveActivity: [{ resumeTime: 1, playDuration: 2 }],
      setResumeTime: [3],
      setCover: [{ id: '1' }],
      addImages: [[{ id: '1' }]],
      removeImages: [[{ id: '1' }]],
    };
    for (const spec of SIDE_OPS) {
      const params = spec.params(samples[spec.method] ?? []);
      const vars = spec.variables('1', params, (ref) => (ref as { id: string }).id);
      const built = buildMutation('Check', [
        {
          field: spec.mutation,
          args: spec.args.map((a) => ({ name: a.name, type: a.type, value: vars[a.name] ?? null })),
          selection: spec.select === undefined ? undefined : plainSelection(spec.select),
        },
      ]);
      expect(validateDocument(built.query), spec.method).toEqual([]);
    }
  });
});
