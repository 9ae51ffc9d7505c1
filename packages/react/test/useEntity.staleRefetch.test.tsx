import { describe, expect, it } from 'vitest';
import { useEntity } from '../src/index';
import { React, act, newStore, renderWith, setupTestStash, waitFor } from './helpers';

// A mutation's invalidation rule makes a field stale (a scene save: every tag's scene_count). A
// mounted card keeps showing its number while the refetch runs, then the server's new count, with
// one request for the refetch.
const stash = setupTestStash(20);
const tagReads = () => stash().requests.filter((r) => /findTags?\(/.test(r.query)).length;

describe.each([false, true])('a mounted useEntity card after a save (StrictMode: %s)', (strict) => {
  it('keeps its number during the refetch and shows the new count after, in one request', async () => {
    const store = newStore(stash());
    const scene = (await store.get('Scene', '1', { fields: ['tags'] }))!;
    const onScene = new Set(scene.tags.map((t) => t.id));
    const tagId = Array.from({ length: 20 }, (_, i) => String(i + 1)).find((id) => !onScene.has(id))!;
    const shown: string[] = [];
    function TagCount() {
      const { data, status, isFetching } = useEntity('Tag', tagId, { fields: ['name', 'scene_count'] });
      const text = status === 'success' ? `${data!.name}: ${data!.scene_count}` : '…';
      shown.push(text);
      return <p data-fetching={String(isFetching)}>{text}</p>;
    }
    const { container } = renderWith(store, <TagCount />, strict);
    const card = container.querySelector('p')!;
    await waitFor(() => expect(card.dataset.fetching).toBe('false'));
    await waitFor(() => expect(card.textContent).not.toBe('…'));
    const before = card.textContent!;
    const count = store.peek('Tag', tagId)!.scene_count!;
    const reads = tagReads();
    shown.length = 0;

    const held = stash().faults.hold((r) => /findTags?\(/.test(r.query));
    await act(async () => {
      const draft = store.edit(scene);
      draft.tags = [...scene.tags.map((t) => ({ id: t.id })), { id: tagId }] as never;
      await store.save(draft);
      await held.executed;
    });
    // The refetch is in flight: the card keeps its number and says it is fetching.
    expect(card.textContent).toBe(before);
    expect(card.dataset.fetching).toBe('true');
    expect(tagReads()).toBe(reads + 1);

    await act(async () => {
      held.release();
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    await waitFor(() => expect(card.dataset.fetching).toBe('false'));
    expect(card.textContent).toBe(before.replace(`: ${count}`, `: ${count + 1}`));
    expect(shown).not.toContain('…');
    expect(tagReads()).toBe(reads + 1);
  });
});
