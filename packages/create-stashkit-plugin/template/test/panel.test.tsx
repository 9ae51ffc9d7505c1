// @vitest-environment happy-dom
/** The panel on React 17 (Stash's) against a mock Stash over real HTTP. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import { version } from 'react';
import { createStashStore } from '@stashkit/core';
import { startMockStash, type RunningMockStash } from '@stashkit/mock';
import { StashProvider } from '@stashkit/react';
import { Panel } from '../src/Panel';

let stash: RunningMockStash;

beforeAll(async () => {
  stash = await startMockStash({ port: 0, seed: 1, size: 50 });
});

afterAll(() => stash.close());

it('shows the newest scenes, as the server has them, on React 17', async () => {
  expect(version).toBe('17.0.2');
  const response = await fetch(stash.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query:
        '{ findScenes(filter: { per_page: 10, sort: "date", direction: DESC }) { scenes { id title } } }',
    }),
  });
  const { data } = await response.json();
  const store = createStashStore({ url: stash.url });
  render(
    <StashProvider store={store}>
      <Panel />
    </StashProvider>,
  );
  await waitFor(() => expect(screen.getAllByTestId('scene-title')).toHaveLength(10));
  const shown = screen.getAllByTestId('scene-title').map((li) => li.firstChild?.textContent);
  expect(shown).toEqual(
    data.findScenes.scenes.map((s: { id: string; title: string }) => s.title || `Scene ${s.id}`),
  );
});
