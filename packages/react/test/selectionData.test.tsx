import { describe, expect, it } from 'vitest';
import { useCached, useEntity, useFind, useFindIter, useFindPage, usePopulate } from '../src/index';
import { React, act, newStore, renderWith, setupTestStash, waitFor } from './helpers';

// Hook data is plain, selection-shaped and structurally shared: a changed path gets new objects up
// to the root, everything else keeps its identity, so React.memo children and useMemo keyed on
// `data` see exactly what changed. Every write here is a mutation over HTTP against the mock.
const stash = setupTestStash(200);

type Performer = { readonly __typename: string; readonly id: string; readonly name: string };
type SceneData = {
  readonly title: string | null;
  readonly studio: { readonly id: string; readonly name: string } | null;
  readonly performers: readonly Performer[];
};

/** A seeded scene with a studio and at least two performers. */
function sceneWithStudioAndPerformers(): { id: string; studioId: string; performerIds: string[] } {
  for (const row of stash().db.table('Scene').values()) {
    if (row.studio_id && row.performer_ids.length >= 2)
      return { id: row.id, studioId: row.studio_id, performerIds: [...row.performer_ids] };
  }
  throw new Error('test: the seed has no scene with a studio and two performers');
}

function setup() {
  const store = newStore(stash());
  const scene = sceneWithStudioAndPerformers();
  const results: SceneData[] = [];
  const renders = { hook: 0, card: 0, studio: 0, performers: new Map<string, number>() };
  const StudioLine = React.memo(function StudioLine({ studio }: { studio: SceneData['studio'] }) {
    renders.studio++;
    return <p data-testid="studio">{studio?.name}</p>;
  });
  const PerformerChip = React.memo(function PerformerChip({ performer }: { performer: Performer }) {
    renders.performers.set(performer.id, (renders.performers.get(performer.id) ?? 0) + 1);
    return <li>{performer.name}</li>;
  });
  const Card = React.memo(function Card({ data }: { data: SceneData }) {
    renders.card++;
    return (
      <article>
        <h1>{data.title}</h1>
        <StudioLine studio={data.studio} />
        <ul>
          {data.performers.map((p) => (
            <PerformerChip key={p.id} performer={p} />
          ))}
        </ul>
      </article>
    );
  });
  function Scene() {
    const { data } = useEntity('Scene', scene.id, { fields: ['title', 'studio.name', 'performers.name'] });
    renders.hook++;
    if (data === null) return <p>loading</p>;
    if (results.at(-1) !== data) results.push(data);
    return <Card data={data} />;
  }
  const view = renderWith(store, <Scene />);
  const reset = () => {
    renders.hook = 0;
    renders.card = 0;
    renders.studio = 0;
    renders.performers.clear();
  };
  return { store, scene, results, renders, reset, view };
}

/** Saves a draft of `typename:id` with `edits` over HTTP. */
async function save(
  store: ReturnType<typeof newStore>,
  typename: 'Studio' | 'Performer' | 'Scene',
  id: string,
  edits: Record<string, unknown>,
) {
  await act(async () => {
    const draft = store.edit(store.peek(typename, id)!) as unknown as Record<string, unknown>;
    Object.assign(draft, edits);
    await store.save(draft as never);
  });
}

describe('useEntity data: plain, selection-shaped, structurally shared', () => {
  it('holds exactly the selected fields as plain objects', async () => {
    const { results } = setup();
    await waitFor(() => expect(results).toHaveLength(1));
    const data = results[0]!;
    expect(Object.keys(data).sort()).toEqual(['__typename', 'id', 'performers', 'studio', 'title']);
    expect(Object.keys(data.studio!).sort()).toEqual(['__typename', 'id', 'name']);
    // Spread and JSON show the links (a live snapshot hides them behind getters).
    expect({ ...data }.studio).toBe(data.studio);
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
  });

  it('a studio rename: new data and studio, same performers; the memo card shows it', async () => {
    const { store, scene, results, renders, reset, view } = setup();
    await waitFor(() => expect(results).toHaveLength(1));
    const before = results[0]!;
    reset();
    const requests = stash().requests.length;
    await save(store, 'Studio', scene.studioId, { name: 'Renamed Studio' });
    await waitFor(() => expect(view.getByTestId('studio').textContent).toBe('Renamed Studio'));
    expect(stash().requests.length).toBe(requests + 1);
    const after = results.at(-1)!;
    expect(after).not.toBe(before);
    expect(after.studio).not.toBe(before.studio);
    expect(after.studio!.name).toBe('Renamed Studio');
    expect(before.studio!.name).not.toBe('Renamed Studio');
    expect(after.performers).toBe(before.performers);
    after.performers.forEach((p, i) => expect(p).toBe(before.performers[i]));
    expect(renders.card).toBe(1);
    expect(renders.studio).toBe(1);
    expect(renders.performers.size).toBe(0);
  });

  it('a performer rename: a new performers array and that performer, nothing else', async () => {
    const { store, scene, results, renders, reset } = setup();
    await waitFor(() => expect(results).toHaveLength(1));
    const before = results[0]!;
    const renamed = scene.performerIds[1]!;
    reset();
    await save(store, 'Performer', renamed, { name: 'Renamed Performer' });
    await waitFor(() => expect(results).toHaveLength(2));
    const after = results[1]!;
    expect(after).not.toBe(before);
    expect(after.studio).toBe(before.studio);
    expect(after.performers).not.toBe(before.performers);
    expect(after.performers).toHaveLength(before.performers.length);
    after.performers.forEach((p, i) => {
      if (p.id === renamed) {
        expect(p).not.toBe(before.performers[i]);
        expect(p.name).toBe('Renamed Performer');
      } else expect(p).toBe(before.performers[i]);
    });
    expect(renders.card).toBe(1);
    expect(renders.studio).toBe(0);
    expect([...renders.performers]).toEqual([[renamed, 1]]);
  });

  it('an update to an unselected field keeps the same data and renders nothing', async () => {
    const { store, scene, results, renders, reset } = setup();
    await waitFor(() => expect(results).toHaveLength(1));
    reset();
    let sceneRenders = 0;
    const off = store.subscribe('Scene', scene.id, () => sceneRenders++);
    await save(store, 'Scene', scene.id, { details: 'not selected by the card' });
    await save(store, 'Studio', scene.studioId, { details: 'not selected either' });
    off();
    // The writes reached the store (the scene record changed), yet the hook kept its data.
    expect(sceneRenders).toBeGreaterThan(0);
    expect(results).toHaveLength(1);
    expect(renders.hook + renders.card + renders.studio + renders.performers.size).toBe(0);
  });
});

describe('usePopulate data: plain, selection-shaped, structurally shared', () => {
  it('a studio rename gives new data and studio, same performers; an unselected field keeps the data', async () => {
    const store = newStore(stash());
    const scene = sceneWithStudioAndPerformers();
    // The component holds a snapshot from elsewhere (a list) and populates what it shows.
    const held = (await store.get('Scene', scene.id, { fields: ['title'] }))!;
    const results: SceneData[] = [];
    function Populated() {
      const { data } = usePopulate(held, ['title', 'studio.name', 'performers.name']);
      if (data !== null && results.at(-1) !== data) results.push(data);
      return <p>{data?.studio?.name ?? '…'}</p>;
    }
    const view = renderWith(store, <Populated />);
    await waitFor(() => expect(results).toHaveLength(1));
    const before = results[0]!;
    expect(Object.keys(before).sort()).toEqual(['__typename', 'id', 'performers', 'studio', 'title']);
    await save(store, 'Studio', scene.studioId, { name: 'Populated Studio' });
    await waitFor(() => expect(view.container.textContent).toBe('Populated Studio'));
    const after = results.at(-1)!;
    expect(results).toHaveLength(2);
    expect(after).not.toBe(before);
    expect(after.studio).not.toBe(before.studio);
    expect(after.performers).toBe(before.performers);
    await save(store, 'Scene', scene.id, { details: 'not populated' });
    expect(results).toHaveLength(2);
  });
});

type Titled = { readonly id: string; readonly title: string | null };
const byId = (p: { id: string }) => Number(p.id) <= 3;

// The list hooks: one item changed gives a new array and a new object for that item only.
describe.each([
  ['useFind', () => useFind('Scene', { id__lte: 3 }, { fields: ['title'], sort: 'id' }).data],
  [
    'useFindIter',
    () => useFindIter('Scene', { id__lte: 3 }, { fields: ['title'], sort: 'id', batch: 2 }).items,
  ],
  [
    'useFindPage',
    () => useFindPage('Scene', { id__lte: 3 }, { fields: ['title'], sort: 'id', perPage: 3 }).data?.items,
  ],
  ['useCached', () => useCached('Scene', byId, { fields: ['title'] })],
] as const)('%s items: plain, structurally shared', (_name, useItems) => {
  it('a rename gives a new array and that item; an unselected field keeps the array', async () => {
    const store = newStore(stash());
    // useCached reads the cache only: fill it first (useFindIter loads a page of two, enough here).
    await store.find('Scene', { id__lte: 3 }, { fields: ['title'], sort: 'id' });
    const lists: (readonly Titled[])[] = [];
    function List() {
      const items = (useItems() ?? []) as readonly Titled[];
      if (items.length > 0 && lists.at(-1) !== items) lists.push(items);
      return <p>{items.map((p) => p.title).join('|')}</p>;
    }
    renderWith(store, <List />);
    await waitFor(() => expect(lists.at(-1)?.length).toBeGreaterThanOrEqual(2));
    const before = lists.at(-1)!;
    const count = lists.length;
    expect(Object.keys(before[0]!).sort()).toEqual(['__typename', 'id', 'title']);
    await save(store, 'Scene', before[1]!.id, { title: 'Renamed Scene' });
    await waitFor(() => expect(lists).toHaveLength(count + 1));
    const after = lists.at(-1)!;
    expect(after).toHaveLength(before.length);
    after.forEach((p, i) => {
      if (i === 1) expect(p).not.toBe(before[i]);
      else expect(p).toBe(before[i]);
    });
    await save(store, 'Scene', before[0]!.id, { details: 'not selected' });
    expect(lists).toHaveLength(count + 1);
  });
});
