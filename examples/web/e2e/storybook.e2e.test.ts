/**
 * The built Storybook (storybook-static) served statically: stories render in Chromium with data
 * from the in-browser mock Stash (MSW service worker) or from `store.ingest` fixtures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createMockStashHandler } from '@stashkit/mock';
import { launchBrowser, type Browser } from './support/chromium';
import { screenshotPath, STORYBOOK_DIST } from './support/paths';
import { startStaticServer, type StaticServer } from './support/staticServer';

let server: StaticServer;
let browser: Browser;
let page: Page;

// The same seed and size as .storybook/storyMock.ts: the browser's mock holds exactly this data.
const nodeMock = createMockStashHandler({ seed: 1, size: 200 });

async function expectedScenes(sceneFilter: Record<string, unknown>, perPage: number) {
  const response = await nodeMock(
    new Request('http://mock.local/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query:
          'query ($f: FindFilterType, $s: SceneFilterType) { findScenes(filter: $f, scene_filter: $s) { count scenes { id title } } }',
        variables: { f: { per_page: perPage, sort: 'date', direction: 'DESC' }, s: sceneFilter },
      }),
    }),
  );
  const body = (await response.json()) as {
    data: { findScenes: { count: number; scenes: { id: string; title: string }[] } };
  };
  return body.data.findScenes;
}

const story = (id: string) => new URL(`iframe.html?id=${id}&viewMode=story`, server.url).href;

beforeAll(async () => {
  server = await startStaticServer({ dir: STORYBOOK_DIST });
  browser = await launchBrowser();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('Storybook (static build)', () => {
  it('renders the grid story with MSW data from the in-browser mock', async () => {
    await page.goto(story('scenes-scenegrid--rated-four-stars-or-more'));
    const expected = await expectedScenes({ rating100: { value: 79, modifier: 'GREATER_THAN' } }, 12);
    expect(expected.count).toBeGreaterThan(0);
    const cards = page.locator('[data-testid=scene-card]');
    await expect
      .poll(() => cards.evaluateAll((els) => els.map((el) => el.getAttribute('data-scene-id'))))
      .toEqual(expected.scenes.map((s) => s.id));
    await expect(page.getByTestId('scene-count').textContent()).resolves.toBe(
      `${expected.scenes.length} of ${expected.count} scenes`,
    );
    await page.screenshot({ path: screenshotPath('storybook-scene-grid') });
  });

  it('renders a story hydrated with store.ingest (the mock has no such scene)', async () => {
    await page.goto(story('scenes-scenedetail--hydrated-fixture'));
    await expect.poll(() => page.getByTestId('detail-title').textContent()).toBe('Fixture: Harbour at Dawn');
    await expect(page.getByTestId('detail-performers').textContent()).resolves.toBe(
      'Ada Fixture, Brook Sample',
    );
    await expect(page.getByTestId('detail-file').count()).resolves.toBe(1);
    expect(browser.problems).toEqual([]);
  });

  it('shows the server error story as an error, not as an empty list', async () => {
    await page.goto(story('scenes-scenegrid--server-error'));
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/Could not load scenes.*502/);
    await expect(page.locator('[data-testid=scene-card]').count()).resolves.toBe(0);
    expect(browser.problems.filter((p) => !/\b502\b/.test(p))).toEqual([]);
  });
});
