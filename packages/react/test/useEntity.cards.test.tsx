import { describe, expect, it } from 'vitest';
import { useEntity } from '../src/index';
import { React, newStore, renderWith, setupTestStash, waitFor, write } from './helpers';

// 500 cards, each reading a different performer: the load takes at most 2 requests (reads of one
// tick coalesce) and an update re-renders only the card that reads the changed performer.
const stash = setupTestStash(2000);
const IDS = Array.from({ length: 500 }, (_, i) => String(i + 1));

function makeCards() {
  const renders = new Map<string, number>();
  function Card({ id }: { id: string }) {
    const { data, status } = useEntity('Performer', id, { fields: ['name', 'gender'] });
    renders.set(id, (renders.get(id) ?? 0) + 1);
    return <li data-id={id}>{status === 'success' ? data!.name : '…'}</li>;
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
  return { Cards, renders };
}

describe.each([false, true])('500 useEntity cards (StrictMode: %s)', (strict) => {
  it('loads in at most 2 requests and re-renders only the updated card', async () => {
    const store = newStore(stash());
    const { Cards, renders } = makeCards();
    const { container } = renderWith(store, <Cards />, strict);
    await waitFor(() => expect(container.textContent).not.toContain('…'), { timeout: 10_000 });
    const requests = stash().requests.length;
    expect(requests).toBeLessThanOrEqual(2);
    expect(container.querySelectorAll('li')).toHaveLength(500);
    const card = container.querySelector('li[data-id="42"]')!;
    expect(card.textContent).toBe(store.peek('Performer', '42')!.name);

    renders.clear();
    await write(() => store.ingest('Performer', { id: '42', name: 'Renamed Performer' }));
    await waitFor(() => expect(card.textContent).toBe('Renamed Performer'));
    expect([...renders.keys()]).toEqual(['42']);
    // StrictMode renders twice in development; without it exactly once.
    expect(renders.get('42')).toBe(strict ? 2 : 1);

    // A field no card selected: nobody re-renders.
    renders.clear();
    await write(() => store.ingest('Performer', { id: '43', details: 'not selected by any card' }));
    expect(renders.size).toBe(0);
    expect(stash().requests.length).toBe(requests);
    console.info(
      `[react ${React.version}${strict ? ', StrictMode' : ''}] 500 cards: ${requests} request(s); update re-rendered 1 card`,
    );
  }, 30_000);
});
