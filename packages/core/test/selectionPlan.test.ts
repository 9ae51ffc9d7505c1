// The compiled plans behind readSelection: a tree is resolved once per type, and the plan follows
// the tree when it is read on another type, grows in place, or names a field the type lacks.
// Pure store tests: data enters through ingest, no request is sent (the url is never contacted).
import { describe, expect, it } from 'vitest';
import { createStashStore } from '../src/index';
import { mergeTree } from '../src/query/fieldTree';
import { readSelection } from '../src/read/readSelection';
import { planOf } from '../src/read/selectionPlan';
import { MapRecordSource } from '../src/records/recordSource';
import { fieldKey } from '../src/shared/keys';

function setup() {
  const source = new MapRecordSource();
  const store = createStashStore({ url: 'http://127.0.0.1:9/graphql', source });
  store.ingest('Scene', {
    __typename: 'Scene',
    id: '1',
    title: 'S',
    interactive: true,
    studio: { __typename: 'Studio', id: '10', name: 'St' },
  });
  store.ingest('Gallery', { __typename: 'Gallery', id: '2', title: 'G', code: 'c' });
  return { store, source };
}

describe('selection plans', () => {
  it('one tree read on two types gets a plan per type, and a field the type lacks is left out', () => {
    const { store, source } = setup();
    const tree = store.selectionTree('Scene', ['title', 'interactive']);
    const scene = source.get('Scene', '1')!;
    const gallery = source.get('Gallery', '2')!;
    expect(readSelection(scene, tree, { data: true }).data).toEqual({
      __typename: 'Scene',
      id: '1',
      title: 'S',
      interactive: true,
    });
    // Gallery has no `interactive`: skipped (not missing), as the schema cannot hold it.
    const read = readSelection(gallery, tree, { data: true, deps: new Map() });
    expect(read.data).toEqual({ __typename: 'Gallery', id: '2', title: 'G' });
    expect(read.complete).toBe(true);
    // …yet followed, like every key of the tree.
    expect([...read.deps!.get('Gallery:2' as never)!.fields!].sort()).toEqual(['interactive', 'title']);
    expect(planOf(tree, scene.type)).not.toBe(planOf(tree, gallery.type));
    expect(planOf(tree, scene.type)).toBe(planOf(tree, scene.type));
    expect(readSelection(scene, tree, { data: true }).data).toMatchObject({ interactive: true });
  });

  it('a tree grown in place after a read (a merge) is planned again, down to its sub-selections', () => {
    const { store, source } = setup();
    const tree = store.selectionTree('Scene', ['title', 'studio.id']);
    const merged = new Map(tree);
    const scene = source.get('Scene', '1')!;
    const first = readSelection(scene, merged, { data: true });
    expect(first.data).toEqual({
      __typename: 'Scene',
      id: '1',
      title: 'S',
      studio: { __typename: 'Studio', id: '10' },
    });
    const plan = planOf(merged, scene.type);
    mergeTree(merged, store.selectionTree('Scene', ['interactive', 'studio.name']));
    expect(planOf(merged, scene.type)).not.toBe(plan);
    expect(readSelection(scene, merged, { data: true }).data).toEqual({
      __typename: 'Scene',
      id: '1',
      title: 'S',
      interactive: true,
      studio: { __typename: 'Studio', id: '10', name: 'St' },
    });
  });

  it('two keys of one field (arguments) write one property, the last read winning, and recycle', () => {
    const { store, source } = setup();
    // A response names a field with arguments by its alias.
    const deep = fieldKey('scene_count', { depth: -1 });
    store.ingest('Studio', { __typename: 'Studio', id: '10', scene_count: 3, [deep.alias]: 5 } as never);
    const tree = store.selectionTree('Studio', ['scene_count', 'scene_count(depth: -1)']);
    const studio = source.get('Studio', '10')!;
    expect(planOf(tree, studio.type).distinct).toBe(false);
    const keys = [...tree.keys()];
    expect(keys).toEqual(['scene_count', deep.key]);
    const first = readSelection(studio, tree, { data: true });
    const again = readSelection(studio, tree, { data: true, previous: first.data });
    expect(again.data).toBe(first.data);
    expect(first.complete).toBe(true);
    expect(first.data).toEqual({ __typename: 'Studio', id: '10', scene_count: 5 });
  });
});
