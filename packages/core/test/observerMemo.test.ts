// Observers read through the selection memo: re-reading an unchanged selection (a mount after the
// render, a list refreshed for a new page) is a memo check, not a walk, and every change to what
// the selection read (a link, a list item, TTL ageing, an invalidation) is still seen. Walks are
// counted on the memo (a walk that ends fresh and complete memoizes its result).
// Pure store tests: data enters through ingest, no request is sent (`enabled: false`).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStashStore, EntityObserver } from '../src/index';
import { ListItems } from '../src/observers/listItems';
import { addWholeRecord, type DepMap } from '../src/read/readSelection';
import { SelectionMemo } from '../src/read/selectionMemo';
import { MapRecordSource } from '../src/records/recordSource';

const FIELDS = ['title', 'studio.name', 'performers.name'];

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(1_000_000);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

function setup() {
  const source = new MapRecordSource();
  const store = createStashStore({ url: 'http://127.0.0.1:9/graphql', source, defaultTtl: 60 });
  const scene = (id: string, studio: string) => ({
    __typename: 'Scene',
    id,
    title: `T${id}`,
    details: 'd',
    studio: { __typename: 'Studio', id: studio, name: `S${studio}` },
    performers: [
      { __typename: 'Performer', id: '20', name: 'P1' },
      { __typename: 'Performer', id: '21', name: 'P2' },
    ],
  });
  store.ingest('Scene', [scene('1', '10'), scene('2', '11')]);
  const walks = vi.spyOn(SelectionMemo.prototype, 'set');
  const checks = vi.spyOn(SelectionMemo.prototype, 'holds');
  return { store, source, walks, checks };
}

type SceneData = { title: string; studio: { name: string }; performers: { name: string }[] };

function observe(store: ReturnType<typeof setup>['store'], id = '1') {
  const observer = new EntityObserver(store, { type: 'Scene', id, fields: FIELDS, enabled: false });
  const seen = { calls: 0 };
  const off = observer.subscribe(() => void seen.calls++);
  return { observer, seen, off, data: () => observer.getResult().data as SceneData | null };
}

describe('observers on the selection memo', () => {
  it('an observer re-reading an unchanged selection does no walk, and keeps its data and deps', () => {
    const { store, walks, checks } = setup();
    const first = new EntityObserver(store, { type: 'Scene', id: '1', fields: FIELDS, enabled: false });
    expect(walks).toHaveBeenCalledTimes(1);
    const data = first.getResult().data;
    // Subscribing re-reads (the cache may have changed since the render): a memo check.
    const off = first.subscribe(() => {});
    // A second card of the same scene reads it too.
    const second = new EntityObserver(store, { type: 'Scene', id: '1', fields: FIELDS, enabled: false });
    expect(walks).toHaveBeenCalledTimes(1);
    expect(checks.mock.calls.length).toBeGreaterThanOrEqual(2);
    expect(first.getResult().data).toBe(data);
    expect(second.getResult().data).toBe(data);
    // The deps came with the memo: a studio rename still reaches the first observer.
    store.ingest('Studio', { __typename: 'Studio', id: '10', name: 'S10b' });
    expect((first.getResult().data as SceneData).studio.name).toBe('S10b');
    off();
  });

  it('a change through a link or a list item gives new data; an unselected field changes nothing', () => {
    const { store, walks } = setup();
    const card = observe(store);
    const before = card.data()!;
    store.ingest('Scene', { __typename: 'Scene', id: '1', details: 'other' });
    expect(card.data()).toBe(before);
    store.ingest('Performer', { __typename: 'Performer', id: '21', name: 'P2b' });
    const after = card.data()!;
    expect(after).not.toBe(before);
    expect(after.performers[1].name).toBe('P2b');
    expect(after.performers[0]).toBe(before.performers[0]);
    expect(after.studio).toBe(before.studio);
    const walked = walks.mock.calls.length;
    card.off();
    // Mounted again with nothing changed: no walk.
    const again = card.observer.subscribe(() => {});
    expect(walks).toHaveBeenCalledTimes(walked);
    expect(card.data()).toBe(after);
    again();
  });

  it('sees TTL ageing and an invalidation', async () => {
    const { store } = setup();
    const card = observe(store);
    const data = card.data();
    expect(card.observer.getResult().isStale).toBe(false);
    vi.setSystemTime(1_000_000 + 61_000);
    card.off();
    const again = card.observer.subscribe(() => {});
    expect(card.observer.getResult()).toMatchObject({ data, isStale: true });
    again();

    const s = setup();
    const other = observe(s.store);
    s.store.invalidate('Studio', '10');
    expect(other.observer.getResult().isStale).toBe(true);
    // Listeners hear of it in the notify batch (a microtask).
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(other.seen.calls).toBe(1);
    other.off();
  });

  it('list items refreshed for a new page are memo checks; a change to one item is seen', () => {
    const { store, walks } = setup();
    let changes = 0;
    const list = new ListItems(store, () => void changes++);
    list.select(Object.freeze([...FIELDS]));
    list.replace([store.getCached('Scene', '1')!]);
    list.activate();
    const firstItems = list.items;
    expect(walks).toHaveBeenCalledTimes(1);
    list.append([store.getCached('Scene', '2')!]);
    // Only the new item walked; the first one kept its object.
    expect(walks).toHaveBeenCalledTimes(2);
    expect(list.items[0]).toBe(firstItems[0]);
    list.refresh();
    expect(walks).toHaveBeenCalledTimes(2);
    store.ingest('Studio', { __typename: 'Studio', id: '11', name: 'S11b' });
    expect(changes).toBe(1);
    list.refresh();
    expect((list.items[1] as unknown as SceneData).studio.name).toBe('S11b');
    expect(list.items[0]).toBe(firstItems[0]);
    list.deactivate();
  });
});

describe('deps served from the memo', () => {
  it('are shared into the caller map and copied before another read adds to them', () => {
    const { store, walks } = setup();
    const fieldsOf = (deps: DepMap, key: string) => {
      const dep = deps.get(key as never)!;
      return dep.fields === null ? null : [...dep.fields].sort();
    };
    store.readEntity('Scene', '1', ['performers.name'], { deps: new Map() });
    const deps: DepMap = new Map();
    // Served from the memo: its (frozen) deps land in `deps` as they are.
    store.readEntity('Scene', '1', ['performers.name'], { deps });
    expect(walks).toHaveBeenCalledTimes(1);
    expect(Object.isFrozen(deps.get('Performer:20' as never))).toBe(true);
    // A read of another selection into the same map adds to a copy, never to the memo's entry.
    store.readEntity('Scene', '2', ['performers.disambiguation'], { deps });
    expect(fieldsOf(deps, 'Performer:20')).toEqual(['disambiguation', 'name']);
    addWholeRecord(deps, 'Scene', '1');
    expect(fieldsOf(deps, 'Scene:1')).toBeNull();
    const again: DepMap = new Map();
    store.readEntity('Scene', '1', ['performers.name'], { deps: again });
    expect(walks).toHaveBeenCalledTimes(1);
    expect(fieldsOf(again, 'Performer:20')).toEqual(['name']);
    expect(fieldsOf(again, 'Scene:1')).toEqual(['performers']);
  });
});

describe('records written in parts', () => {
  it('a memoized read ages out at the TTL of the older part it read', () => {
    const { store, source, walks } = setup();
    vi.setSystemTime(1_000_000 + 30_000);
    // A second write of only some fields: the scene's fields now have two fetch times.
    store.ingest('Scene', { __typename: 'Scene', id: '1', details: 'd2' });
    expect(source.get('Scene', '1')!.stamps).toBeDefined();
    const both = () => store.readEntity('Scene', '1', ['title', 'details'])!;
    const newer = () => store.readEntity('Scene', '1', ['details'])!;
    const first = both();
    const firstNewer = newer();
    expect(first).toMatchObject({ complete: true, stale: false });
    const walked = walks.mock.calls.length;
    vi.setSystemTime(1_000_000 + 60_000);
    // Served from the memo while every field it read is fresh.
    expect(both()).toBe(first);
    expect(newer()).toBe(firstNewer);
    expect(walks).toHaveBeenCalledTimes(walked);
    vi.setSystemTime(1_000_000 + 61_000);
    // `title` (the older part) is past its TTL; `details` (the newer) is not.
    expect(both()).toMatchObject({ data: first.data, stale: true });
    expect(newer()).toBe(firstNewer);
    vi.setSystemTime(1_000_000 + 91_000);
    expect(newer()).toMatchObject({ data: firstNewer.data, stale: true });
  });
});
