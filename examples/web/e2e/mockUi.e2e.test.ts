/**
 * The mock as a fake Stash for a UI: `startMockStash({ ui, plugins })` serves a UI folder (the mock's fixture,
 * standing in for a Stash UI build) and a plugins folder. In Chromium the page reads `plugins` from
 * `<base href>graphql`, loads the `hello` plugin's CSS and script from the URLs Stash gives them, and shows a
 * placeholder image from a media route; with `apiKey`, the same after signing in on the mock's login page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startTestStash, type TestStash } from '@stashkit/testkit';
import { launchBrowser, type Browser } from './support/chromium';
import { WEB_DIR } from './support/paths';

const FIXTURES = `${WEB_DIR}../../packages/mock/test/fixtures`;
const options = { size: 20, ui: `${FIXTURES}/ui`, plugins: `${FIXTURES}/plugins` };

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** What the page shows once the fixture UI has loaded the plugins (or failed). */
async function pageState(page: Page) {
  await expect
    .poll(() => page.evaluate(() => document.body.dataset.ready ?? document.body.dataset.error ?? null))
    .toBe('true');
  return page.evaluate(() => {
    const image = document.getElementById('performer-image') as HTMLImageElement | null;
    const mark = document.getElementById('hello-plugin');
    return {
      pluginRan: (window as unknown as { helloPluginRan?: number }).helloPluginRan ?? 0,
      markColor: mark ? getComputedStyle(mark).color : null,
      image: image && {
        src: new URL(image.src).pathname,
        complete: image.complete,
        width: image.naturalWidth,
      },
      loaded: performance
        .getEntriesByType('resource')
        .map((entry) => new URL(entry.name).pathname)
        .filter((path) => path.startsWith('/plugin/')),
    };
  });
}

const EXPECTED = {
  pluginRan: 1,
  markColor: 'rgb(255, 0, 128)',
  image: { src: '/performer/1/image', complete: true, width: expect.any(Number) },
  loaded: expect.arrayContaining([
    '/plugin/hello/css',
    '/plugin/hello/javascript',
    '/plugin/base/javascript',
  ]),
};

describe('the mock serving a UI and plugins (--ui, --plugins)', () => {
  let stash: TestStash;
  beforeAll(async () => {
    stash = await startTestStash(options);
  });
  afterAll(async () => {
    await stash?.close();
  });

  it("runs the plugin's script and CSS from its asset URLs and shows a media route's placeholder image", async () => {
    const page = await browser.newPage();
    const problems = browser.problems.length;
    // an SPA route: the mock answers index.html
    await page.goto(new URL('/performers/1', stash.url).href);
    const state = await pageState(page);
    expect(state).toEqual(EXPECTED);
    expect(state.image!.width).toBeGreaterThan(0);
    expect(browser.problems.slice(problems)).toEqual([]);
    await page.close();
  });
});

describe('the same with authentication on (apiKey)', () => {
  let stash: TestStash;
  beforeAll(async () => {
    stash = await startTestStash({ ...options, apiKey: 'e2e-key' });
  });
  afterAll(async () => {
    await stash?.close();
  });

  it("redirects to the mock's login page; the API key as password signs in and the UI works on its session", async () => {
    const page = await browser.newPage();
    await page.goto(new URL('/performers/1', stash.url).href);
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.fill('input[name="password"]', 'e2e-key');
    await Promise.all([page.waitForURL((url) => url.pathname === '/performers/1'), page.click('button')]);
    const state = await pageState(page);
    expect(state).toEqual(EXPECTED);
    expect(state.image!.width).toBeGreaterThan(0);
    await page.close();
  });
});
