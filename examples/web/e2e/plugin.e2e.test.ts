/**
 * The plugin bundle (dist/plugins/stashkit/stashkit.js) on a fake Stash page that provides React 17.0.2 through
 * `window.PluginApi`, behind a path prefix: it registers its route, renders with the host's React
 * and reads the mock Stash same-origin at `<base href>graphql`.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parsePluginManifest } from '@stashkit/mock';
import { startTestStash, type TestStash } from '@stashkit/testkit';
import { launchBrowser, type Browser } from './support/chromium';
import { fakeStashHostRoutes } from './support/fakeStashHost';
import { PLUGIN_DIST, screenshotPath } from './support/paths';
import { rawQuery } from './support/rawQuery';
import { startStaticServer, type StaticServer } from './support/staticServer';

const PREFIX = '/stash/';
const ROUTE = '/plugin/stashkit';
const PLUGIN_JS = `${PLUGIN_DIST}/stashkit.js`;

let stash: TestStash;
let host: StaticServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  stash = await startTestStash({ seed: 1, size: 2000 });
  host = await startStaticServer({
    routes: {
      ...fakeStashHostRoutes(PREFIX, { js: PLUGIN_JS, css: `${PLUGIN_DIST}/stashkit.css` }, ROUTE),
      // A page without Stash: the script must say what is missing.
      '/bare/': {
        type: 'text/html; charset=utf-8',
        body: () =>
          `<!doctype html><link rel="icon" href="data:,"><script src="${PREFIX}plugin/stashkit/javascript"></script>`,
      },
    },
    graphqlTarget: new URL(stash.url).origin,
  });
  browser = await launchBrowser();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await stash?.close();
});

describe('plugin bundle', () => {
  it('is one classic script on the host React: no React inside, no module syntax, no require', () => {
    const code = readFileSync(PLUGIN_JS, 'utf8');
    expect(code.startsWith('if(typeof PluginApi>`u`)throw Error(`stashkit plugin:')).toBe(true);
    expect(code).toContain(';var StashPlugin_stashkit=(function(');
    expect(code.trimEnd().endsWith('})({},PluginApi.React,PluginApi.ReactDOM);')).toBe(true);
    // Markers of React's and ReactDOM's own source.
    for (const marker of [
      '__SECRET_INTERNALS_DO_NOT_USE_OR_YOU_WILL_BE_FIRED',
      'react.element',
      'ReactCurrentDispatcher',
      'react-dom.production',
    ]) {
      expect(code, marker).not.toContain(marker);
    }
    expect(code).not.toMatch(/\brequire\(["'`]/);
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    expect(parsePluginManifest(readFileSync(`${PLUGIN_DIST}/stashkit.yml`, 'utf8')).ui).toEqual({
      javascript: ['stashkit.js'],
      css: ['stashkit.css'],
    });
  });
});

describe('plugin script outside Stash', () => {
  it('throws a clear error when window.PluginApi is missing', async () => {
    const bare = await browser.newPage();
    const errors: string[] = [];
    bare.on('pageerror', (error) => errors.push(error.message));
    await bare.goto(new URL('/bare/', host.url).href);
    await expect
      .poll(() => errors)
      .toEqual(['stashkit plugin: window.PluginApi is missing; load stashkit.js as a Stash UI plugin']);
    await bare.close();
    // That error was the point; the pages below must have none.
    browser.problems.length = 0;
  });
});

describe('plugin panel on a fake Stash page with React 17.0.2', () => {
  it('registers its route and renders scenes from <base href>graphql', async () => {
    await page.goto(new URL(PREFIX, host.url).href);
    expect(await page.evaluate(() => (window as any).PluginApi.React.version)).toBe('17.0.2');
    expect(await page.evaluate(() => Object.keys((window as any).__routes))).toEqual([ROUTE]);

    const { findScenes } = await rawQuery(
      stash.url,
      '{ findScenes(filter: { per_page: 24, sort: "date", direction: DESC }) { count scenes { id title } } }',
    );
    const cards = page.locator('[data-testid=stashkit-plugin] [data-testid=scene-card]');
    await expect
      .poll(() => cards.evaluateAll((els) => els.map((el) => el.getAttribute('data-scene-id'))))
      .toEqual(findScenes.scenes.map((s: { id: string }) => s.id));
    await expect(cards.first().textContent()).resolves.toContain(findScenes.scenes[0].title);
    expect(host.graphqlPaths.length).toBeGreaterThan(0);
    expect(new Set(host.graphqlPaths)).toEqual(new Set([`${PREFIX}graphql`]));
  });

  it('opens a scene and edits it through hooks running on React 17', async () => {
    const card = page.locator('[data-testid=scene-card]').first();
    const id = (await card.getAttribute('data-scene-id'))!;
    await card.click();
    const { findScene } = await rawQuery(
      stash.url,
      'query ($id: ID!) { findScene(id: $id) { title rating100 performers { name } } }',
      { id },
    );
    await expect.poll(() => page.getByTestId('detail-title').textContent()).toBe(findScene.title);
    await expect(page.getByTestId('detail-performers').textContent()).resolves.toBe(
      findScene.performers.map((p: { name: string }) => p.name).join(', ') || '–',
    );

    // A value equal to the server's would leave the draft clean (nothing to save).
    const rating = findScene.rating100 === 60 ? 40 : 60;
    await page.locator('[data-testid=scene-editor] input[name=rating100]').fill(String(rating));
    await page.getByTestId('scene-editor').getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByTestId('save-status').textContent()).toBe('Saved');
    const after = await rawQuery(stash.url, 'query ($id: ID!) { findScene(id: $id) { rating100 } }', { id });
    expect(after.findScene.rating100).toBe(rating);

    await page.getByRole('button', { name: 'Performers' }).click();
    await expect.poll(() => page.getByTestId('performer-row').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Scenes' }).click();
    await page.locator(`[data-scene-id="${id}"]`).click();
    await page.getByTestId('scene-detail').waitFor();

    await page.screenshot({ path: screenshotPath('plugin-react17') });
    expect(browser.problems).toEqual([]);
  });
});
