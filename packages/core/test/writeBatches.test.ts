import { describe, expect, it } from 'vitest';
import {
  createStashStore,
  MapRecordSource,
  type ChangeBatch,
  type RecordSource,
  type StoreRecord,
} from '../src/index';

// Change batches are only built when someone can see them; these pin down that nothing is lost.
function makeStore(source?: RecordSource, now = () => 1_000) {
  return createStashStore({ url: 'http://127.0.0.1:9/graphql', now, source });
}
const tag = (id: string, name = 'T' + id) => ({ __typename: 'Tag', id, name });

describe('write batches', () => {
  it('gives a listener that subscribes during a batch the whole batch', () => {
    const store = makeStore();
    const batches: ChangeBatch[] = [];
    store.batch(() => {
      store.ingest('Tag', tag('1'));
      store.subscribe((b) => batches.push(b));
      store.ingest('Tag', tag('2'));
    });
    expect(batches).toHaveLength(1);
    expect([...batches[0].changes.keys()]).toEqual(['Tag:1', 'Tag:2']);
  });

  it('commits every batch to a source with commit, even without subscribers', () => {
    const commits: ChangeBatch[] = [];
    let sets = 0;
    class CountingSource extends MapRecordSource {
      override set(typename: string, id: string, record: StoreRecord): void {
        sets++;
        super.set(typename, id, record);
      }
      commit(batch: ChangeBatch): void {
        commits.push(batch);
      }
    }
    const store = makeStore(new CountingSource());
    store.ingest('Scene', {
      __typename: 'Scene',
      id: '1',
      title: 'A',
      studio: { __typename: 'Studio', id: '2', name: 'S' },
      tags: [tag('3'), tag('4')],
    });
    // A subclass may override set: the store must call it for every new record.
    expect(sets).toBe(4);
    expect(commits).toHaveLength(1);
    expect([...commits[0].changes.keys()].sort()).toEqual(['Scene:1', 'Studio:2', 'Tag:3', 'Tag:4']);
    expect([...commits[0].changes.values()].every((c) => c.kind === 'added')).toBe(true);
  });

  it('leaves nothing behind from batches nobody listened to', () => {
    const store = makeStore();
    store.ingest('Tag', tag('1'));
    store.ingest('Tag', tag('1', 'renamed'));
    const batches: ChangeBatch[] = [];
    store.subscribe((b) => batches.push(b));
    store.ingest('Tag', tag('1', 'again'));
    expect(batches).toHaveLength(1);
    const change = batches[0].changes.get('Tag:1')!;
    expect(change.kind).toBe('updated');
    expect(change.fields).toEqual(new Set(['name']));
  });

  it('keeps the strongest kind and every changed field when a batch touches a record twice', () => {
    const store = makeStore();
    const batches: ChangeBatch[] = [];
    store.subscribe((b) => batches.push(b));
    store.batch(() => {
      store.ingest('Tag', tag('1'));
      store.ingest('Tag', { ...tag('1', 'B'), description: 'd' });
      store.invalidate('Tag', '1');
    });
    expect(batches).toHaveLength(1);
    const change = batches[0].changes.get('Tag:1')!;
    expect(change.kind).toBe('added');
    expect(change.fields).toEqual(new Set(['name', 'description']));
    expect(change.previousId).toBeUndefined();
    expect(Object.keys(change)).not.toContain('previousId');
  });

  it('reports a rekey with the first previous id', () => {
    const store = makeStore();
    store.ingest('Tag', tag('1'));
    const batches: ChangeBatch[] = [];
    store.subscribe((b) => batches.push(b));
    store.batch(() => {
      store.rekey('Tag', '1', '2');
      store.rekey('Tag', '2', '3');
    });
    const change = batches[0].changes.get('Tag:3')!;
    expect(change).toMatchObject({ kind: 'rekeyed', id: '3', previousId: '1' });
  });
});

describe('stores on one schema model', () => {
  it('keep their own records and TTLs', () => {
    let t = 1_000;
    const now = () => t;
    const a = makeStore(undefined, now);
    const b = makeStore(undefined, now);
    const inA = a.ingest('Tag', tag('1'));
    expect(b.getCached('Tag', '1')).toBeNull();
    const inB = b.ingest('Tag', tag('1'));
    expect(inB).not.toBe(inA);
    a.setTtl('Tag', 1);
    t += 2_000;
    expect(a.getCached('Tag', '1')).toBeNull();
    expect(b.getCached('Tag', '1')).toBe(inB);
    expect(a.peek('Tag', '1')).toBe(inA);
  });

  it('share received-field shapes without sharing what was received', () => {
    const a = makeStore();
    const b = makeStore();
    const inA = a.ingest('Studio', { __typename: 'Studio', id: '1', name: 'S', details: null });
    const inB = b.ingest('Studio', { __typename: 'Studio', id: '1', name: 'S' });
    expect(a.hasFields(inA, 'details')).toBe(true);
    expect(b.hasFields(inB, 'details')).toBe(false);
    expect([...b.receivedFields(inB)]).toEqual(['name']);
  });

  it('empties and refills after clear', () => {
    const store = makeStore();
    store.ingest('Tag', tag('1'));
    store.clear();
    expect(store.getCached('Tag', '1')).toBeNull();
    expect(store.cacheStats()).toEqual({ totalEntries: 0, byType: {}, expired: 0 });
    const again = store.ingest('Tag', tag('1'));
    expect(store.getCached('Tag', '1')).toBe(again);
    expect(store.cacheStats().byType).toEqual({ Tag: 1 });
  });
});
