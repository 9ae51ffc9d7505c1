// The memoized selection read behind `readEntity`: an unchanged selection is returned as it was, and
// every kind of change to a record it read (value, link, freshness, TTL, tombstone) is seen.
// Pure store tests: data enters through ingest, no request is sent (the url is never contacted).
import { describe, expect, it } from 'vitest';
import { createStashStore } from '../src/index';
import type { DepMap } from '../src/read/readSelection';
import { MapRecordSource } from '../src/records/recordSource';

const SPECS = ['title', 'studio.name', 'performers.name'];

function setup() {
  let t = 1_000_000;
  const source = new MapRecordSource();
  const store = createStashStore({ url: 'http://127.0.0.1:9/graphql', source, now: () => t, defaultTtl: 60 });
  store.ingest('Scene', {
    __typename: 'Scene',
    id: '1',
    title: 'A',
    details: 'd',
    studio: { __typename: 'Studio', id: '10', name: 'S' },
    performers: [
      { __typename: 'Performer', id: '20', name: 'P1' },
      { __typename: 'Performer', id: '21', name: 'P2' },
    ],
  });
  const read = (specs: readonly string[] = SPECS, previous?: unknown, deps?: DepMap) =>
    store.readEntity('Scene', '1', specs, { previous, deps })!;
  return { store, source, read, advance: (seconds: number) => void (t += seconds * 1000) };
}

const depsOf = (deps: DepMap) =>
  Object.fromEntries([...deps].map(([k, d]) => [k, d.fields === null ? null : [...d.fields].sort()]));

describe('memoized selection reads', () => {
  it('an unchanged selection is the same result, with or without previous, even from a new spec array', () => {
    const { read } = setup();
    const first = read();
    expect(first).toMatchObject({ complete: true, stale: false });
    expect(read()).toBe(first);
    expect(read(SPECS, first.data)).toBe(first);
    expect(read([...SPECS]).data).toBe(first.data);
    expect(read(Object.freeze([...SPECS]))).toBe(first);
  });

  it('a spec array edited in place is read again', () => {
    const { read } = setup();
    const specs = ['title'];
    expect(read(specs).data).toEqual({ __typename: 'Scene', id: '1', title: 'A' });
    specs.push('details');
    expect(read(specs).data).toEqual({ __typename: 'Scene', id: '1', title: 'A', details: 'd' });
  });

  it('a write to a linked record gives a new path and keeps the rest; an unselected one changes nothing', () => {
    const { store, read } = setup();
    const first = read().data as { studio: object; performers: object[] };
    store.ingest('Performer', { __typename: 'Performer', id: '20', birthdate: '2000-01-01' });
    expect(read().data).toBe(first);
    store.ingest('Studio', { __typename: 'Studio', id: '10', name: 'S2' });
    const second = read().data as typeof first;
    expect(second).not.toBe(first);
    expect(second.studio).toEqual({ __typename: 'Studio', id: '10', name: 'S2' });
    expect(second.performers).toBe(first.performers);
    expect(read().data).toBe(second);
  });

  it('a previous result that is not the memoized one is recycled as before', () => {
    const { store, read } = setup();
    const first = read().data;
    store.ingest('Scene', { __typename: 'Scene', id: '1', title: 'B' });
    const second = read().data;
    expect(second).not.toBe(first);
    // A binding still holding `first` gets its own recycling: `first`'s unchanged parts are kept.
    const again = read(SPECS, first).data as Record<string, unknown>;
    expect(again).toEqual(second);
    expect(again.studio).toBe((first as Record<string, unknown>).studio);
  });

  it('sees a field aging past its TTL, a TTL change, an invalidation and a floor raised as of an older sequence', () => {
    const { read, advance } = setup();
    const first = read();
    advance(60);
    expect(read()).toBe(first);
    advance(1);
    expect(read()).toMatchObject({ data: first.data, stale: true });

    const s = setup();
    const fresh = s.read();
    s.store.setTtl('Studio', 10);
    expect(s.read()).toBe(fresh);
    s.advance(11);
    expect(s.read()).toMatchObject({ data: fresh.data, stale: true });

    const i = setup();
    i.read();
    i.store.invalidate('Performer', '21');
    expect(i.read().stale).toBe(true);

    const d = setup();
    const before = d.read().data as { studio: unknown };
    d.store.ingest('Studio', { __typename: 'Studio', id: '10', name: 'S' });
    expect(d.read().data).toBe(before);
    d.source.get('Studio', '10')!.lower(d.source.get('Studio', '10')!.maxSeq);
    expect(d.read().stale).toBe(true);
  });

  it('a read collecting deps (an observer) reads in full and keeps its previous data', () => {
    const { read } = setup();
    const first = read();
    const deps: DepMap = new Map();
    expect(read(SPECS, first.data, deps).data).toBe(first.data);
    expect(depsOf(deps)).toEqual({
      'Scene:1': ['performers', 'studio', 'title'],
      'Studio:10': ['name'],
      'Performer:20': ['name'],
      'Performer:21': ['name'],
    });
  });

  it('an evicted linked record is missing for its holders, and the record made for its key later is read', () => {
    const { store, read } = setup();
    expect(read()).toBe(read());
    store.evict('Studio', '10');
    expect(read()).toMatchObject({ complete: false });
    store.ingest('Studio', { __typename: 'Studio', id: '10', name: 'S3' });
    // The holder's link is what was forgotten: it stays missing until the scene's studio is read again.
    expect(read()).toMatchObject({ complete: false });
    store.ingest('Scene', { __typename: 'Scene', id: '1', studio: { __typename: 'Studio', id: '10' } });
    expect(read()).toMatchObject({ complete: true, data: { studio: { name: 'S3' } } });
    store.clear();
    expect(store.readEntity('Scene', '1', SPECS, {})).toBeNull();
  });
});
