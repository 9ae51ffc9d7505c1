/**
 * The built app (`vite build`, served by `vite preview`) in headless Chromium against the mock
 * Stash over HTTP: list, filters, detail, and an edit whose result is read back from the server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preview, type PreviewServer } from 'vite';
import type { Page } from 'playwright-core';
import { startTestStash, type TestStash } from '@stashkit/testkit';
import { launchBrowser, type Browser } from './support/chromium';
import { screenshotPath, WEB_DIR } from './support/paths';
import { rawQuery } from './support/rawQuery';

let stash: TestStash & { expectInvalid(query: string): void };
let server: PreviewServer;
let browser: Browser;
let page: Page;

const FIRST_PAGE = `query ($filter: FindFilterType, $scene_filter: SceneFilterType) {
  findScenes(filter: $filter, scene_filter: $scene_filter) { count scenes { id title } }
}`;

function firstPage(sceneFilter: Record<string, unknown> = {}, perPage = 24) {
  return rawQuery<{ findScenes: { count: number; scenes: { id: string; title: string }[] } }>(
    stash.url,
    FIRST_PAGE,
    {
      filter: { per_page: perPage, sort: 'date', direction: 'DESC' },
      scene_filter: sceneFilter,
    },
  ).then((data) => data.findScenes);
}

const cardIds = (p: Page) =>
  p
    .locator('[data-testid=scene-card]')
    .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-scene-id')));

beforeAll(async () => {
  stash = await startTestStash({ seed: 1, size: 2000 });
  // vite.config.ts forwards /graphql to this origin (read when the config loads).
  process.env.STASHKIT_MOCK_URL = new URL(stash.url).origin;
  server = await preview({
    root: WEB_DIR,
    configFile: `${WEB_DIR}vite.config.ts`,
    logLevel: 'warn',
    preview: { port: 0, strictPort: false, open: false },
  });
  browser = await launchBrowser();
  page = await browser.newPage();
  await page.goto(server.resolvedUrls!.local[0]);
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve, reject) => server?.httpServer.close((e) => (e ? reject(e) : resolve())));
  await stash?.close(); // throws if the app sent a document the real Stash schema rejects
});

describe('example app in Chromium', () => {
  it('shows the newest scenes in the server order, and pages on "Load more"', async () => {
    const expected = await firstPage();
    await expect.poll(() => cardIds(page)).toEqual(expected.scenes.map((s) => s.id));
    await expect
      .poll(() => page.getByTestId('scene-count').textContent())
      .toBe(`24 of ${expected.count} scenes`);
    await expect(page.locator('[data-testid=scene-card]').first().textContent()).resolves.toContain(
      expected.scenes[0].title,
    );
    await page.getByRole('button', { name: 'Load more' }).click();
    const twoPages = await firstPage({}, 48);
    await expect.poll(() => cardIds(page)).toEqual(twoPages.scenes.map((s) => s.id));
  });

  it('filters by rating, organized flag and tag through the DSL, matching the server', async () => {
    await page.locator('select[name=minRating]').selectOption('80');
    await page.getByRole('radio', { name: 'yes' }).check();
    const rated = await firstPage({ rating100: { value: 79, modifier: 'GREATER_THAN' }, organized: true });
    await expect
      .poll(() => page.getByTestId('scene-count').textContent())
      .toBe(`${Math.min(24, rated.count)} of ${rated.count} scenes`);
    await expect.poll(() => cardIds(page)).toEqual(rated.scenes.map((s) => s.id));

    const filterTags = page.locator('form[role=search] [data-testid=tag-picker]');
    const suggestion = filterTags.locator('.sk-chip:not(.sk-chip--on)').first();
    await suggestion.waitFor();
    const tagName = (await suggestion.textContent())!.replace(/\s*\d+$/, '').trim();
    const { findTags } = await rawQuery<{ findTags: { tags: { id: string; name: string }[] } }>(
      stash.url,
      'query ($q: String) { findTags(filter: { q: $q, per_page: -1 }) { tags { id name } } }',
      { q: tagName },
    );
    const tag = findTags.tags.find((t) => t.name === tagName)!;
    await suggestion.click();
    const tagged = await firstPage({
      rating100: { value: 79, modifier: 'GREATER_THAN' },
      organized: true,
      tags: { value: [tag.id], modifier: 'INCLUDES_ALL' },
    });
    await expect
      .poll(() => page.getByTestId('scene-count').textContent())
      .toBe(`${Math.min(24, tagged.count)} of ${tagged.count} scenes`);
    await expect.poll(() => cardIds(page)).toEqual(tagged.scenes.map((s) => s.id));

    // Back to everything for the next tests.
    await filterTags.locator('.sk-chip--on').click();
    await page.locator('select[name=minRating]').selectOption('');
    await page.getByRole('radio', { name: 'any' }).check();
    await expect.poll(() => page.getByTestId('scene-count').textContent()).toBe(`24 of 2000 scenes`);
  });

  it('opens a card: the detail panel shows what the server holds', async () => {
    const card = page.locator('[data-testid=scene-card]').nth(2);
    const id = (await card.getAttribute('data-scene-id'))!;
    await card.click();
    const { findScene } = await rawQuery(
      stash.url,
      'query ($id: ID!) { findScene(id: $id) { title studio { name } performers { name } tags { name } files { path } } }',
      { id },
    );
    await expect.poll(() => page.getByTestId('detail-title').textContent()).toBe(findScene.title);
    await expect(page.getByTestId('detail-studio').textContent()).resolves.toBe(
      findScene.studio?.name ?? '–',
    );
    await expect(page.getByTestId('detail-performers').textContent()).resolves.toBe(
      findScene.performers.map((p: { name: string }) => p.name).join(', ') || '–',
    );
    await expect(page.getByTestId('detail-tags').textContent()).resolves.toBe(
      findScene.tags.map((t: { name: string }) => t.name).join(', ') || '–',
    );
    await expect(page.locator('[data-testid=detail-file] .sk-path').allTextContents()).resolves.toEqual(
      findScene.files.map((f: { path: string }) => f.path),
    );
  });

  it('edits the title and saves: only the title is sent, the server and the grid have it', async () => {
    const id = (await page.locator('.sk-card--selected').getAttribute('data-scene-id'))!;
    const title = `Edited in Chromium ${Date.now()}`;
    const editor = page.getByTestId('scene-editor');
    await editor.locator('input[name=title]').fill(title);
    await expect(editor.getByTestId('save-status').textContent()).resolves.toBe('Changed: title');
    await editor.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => editor.getByTestId('save-status').textContent()).toBe('Saved');

    const { findScene } = await rawQuery(stash.url, 'query ($id: ID!) { findScene(id: $id) { title } }', {
      id,
    });
    expect(findScene.title).toBe(title);
    const updates = stash.requests.filter((r) => /sceneUpdate/.test(r.query));
    expect(updates).toHaveLength(1);
    const inputs = Object.values(updates[0].variables ?? {}) as Record<string, unknown>[];
    expect(inputs).toEqual([{ id, title }]);
    // One normalized record: the card and the detail show the new title without a refetch.
    await expect
      .poll(() => page.locator(`[data-scene-id="${id}"] .sk-card__title`).textContent())
      .toBe(title);
    await expect(page.getByTestId('detail-title').textContent()).resolves.toBe(title);

    await page.screenshot({ path: screenshotPath('app-after-save') });
    expect(browser.problems).toEqual([]);
  });

  it('pages performers by number (useFindPage): the count and each page match the server', async () => {
    const performersPage = (n: number) =>
      rawQuery<{ findPerformers: { count: number; performers: { name: string }[] } }>(
        stash.url,
        'query ($f: FindFilterType) { findPerformers(filter: $f) { count performers { name } } }',
        { f: { page: n, per_page: 25, sort: 'scenes_count', direction: 'DESC' } },
      ).then((data) => data.findPerformers);
    const names = () =>
      page
        .locator('[data-testid=performer-row] td:first-child')
        .evaluateAll((cells) => cells.map((c) => c.textContent!.replace(/^♥ /, '').replace(/ \(.*\)$/, '')));
    const [one, two] = await Promise.all([performersPage(1), performersPage(2)]);
    await page.getByRole('button', { name: 'Performers' }).click();
    await expect
      .poll(() => page.getByTestId('performer-count').textContent())
      .toBe(`1–25 of ${one.count} performers`);
    await expect.poll(names).toEqual(one.performers.map((p) => p.name));
    await page.getByRole('button', { name: 'Next' }).click();
    await expect
      .poll(() => page.getByTestId('performer-count').textContent())
      .toBe(`26–${25 + two.performers.length} of ${two.count} performers`);
    await expect.poll(names).toEqual(two.performers.map((p) => p.name));
    await expect(page.getByTestId('performer-page').textContent()).resolves.toBe(
      `page 2 of ${Math.ceil(one.count / 25)}`,
    );
    // Back to page 1: from the store's page cache, no request.
    const sent = stash.requests.length;
    await page.getByRole('button', { name: 'Previous' }).click();
    await expect.poll(names).toEqual(one.performers.map((p) => p.name));
    expect(stash.requests).toHaveLength(sent);
    expect(browser.problems).toEqual([]);
  });
});
