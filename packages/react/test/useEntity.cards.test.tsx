import { describe, expect, it } from 'vitest';
import { useEntity } from '../src/index';
import { React, act, newStore, renderWith, setupTestStash, waitFor, write } from './helpers';

// 500 cards, each reading a different performer: the load takes 1 request (reads of one tick
// coalesce) and an update (a mutation over HTTP) re-renders only the card that reads the changed
// performer; every other card keeps its data object.
const stash = setupTestStash(2000);
const IDS = Array.from({ length: 500 }, (_, i) => String(i + 1));

function makeCards() {
  const renders = new Map<string, number>();
  const data = new Map<string, unknown>();
  function Card({ id }: { id: string }) {
    const { data: performer, status } = useEntity('Performer', id, { fields: ['name', 'gender'] });
    renders.set(id, (renders.get(id) ?? 0) + 1);
    data.set(id, performer);
    return <li data-id={id}>{status === 'success' ? performer!.name : '…'}</li>;
  }
  function Cards() {
    return (
      <ul>
        {IDS.map((id) => (
          <Card key={id} id={id} />
        ))}
      </ul>
    );
  }
  return { Cards, renders, data };
}

describe.each([false, true])('500 useEntity cards (StrictMode: %s)', (strict) => {
  it('loads in 1 request and an update re-renders only the updated card', async () => {
    const store = newStore(stash());
    const { Cards, renders, data } = makeCards();
    const { container } = renderWith(store, <Cards />, strict);
    await waitFor(() => expect(container.textContent).not.toContain('…'), { timeout: 10_000 });
    const requests = stash().requests.length;
    expect(requests).toBe(1);
    expect(container.querySelectorAll('li')).toHaveLength(500);
    const card = container.querySelector('li[data-id="42"]')!;
    expect(card.textContent).toBe(store.peek('Performer', '42')!.name);

    renders.clear();
    const before = new Map(data);
    await act(async () => {
      const draft = store.edit(store.peek('Performer', '42')!);
      draft.name = 'Renamed Performer';
      await store.save(draft);
    });
    await waitFor(() => expect(card.textContent).toBe('Renamed Performer'));
    expect(stash().requests.length).toBe(requests + 1);
    expect([...renders.keys()]).toEqual(['42']);
    for (const [id, d] of data) if (id !== '42') expect(d).toBe(before.get(id));
    expect(data.get('42')).not.toBe(before.get('42'));
    // StrictMode renders twice in development; without it exactly once.
    expect(renders.get('42')).toBe(strict ? 2 : 1);

    // A field no card selected: nobody re-renders.
    renders.clear();
    await write(() => store.ingest('Performer', { id: '43', details: 'not selected by any card' }));
    expect(renders.size).toBe(0);
    expect(stash().requests.length).toBe(requests + 1);
    console.info(
      `[react ${React.version}${strict ? ', StrictMode' : ''}] 500 cards: ${requests} request(s); update re-rendered 1 card`,
    );
  }, 30_000);
});
