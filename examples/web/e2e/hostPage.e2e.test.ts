/**
 * A plugin panel next to a Stash page, in Chromium: the mock serves a Stash-like host page (React
 * 17.0.2 UMD, a real Apollo Client 3.14 wired like Stash's createClient, `window.PluginApi`), its
 * `/graphql`, the websocket and the plugins folder on one origin (support/hostPageBuild.ts). The
 * template's panel renders on the host's React; the probe plugin (`definePlugin({ hostCache, live })`)
 * shows that a panel save reaches the host's Apollo query, a host Apollo mutation reaches the panel with
 * one refetch, a scan job reaches a mounted list with one refetch, and the websocket survives a restart.
 * Every wait is on a page condition or the mock's request log; job time is the mock's manual clock.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createManualClock, type ManualClock, type RequestLogEntry } from '@stashkit/mock';
import { startTestStash, type TestStash } from '@stashkit/testkit';
import { launchBrowser, type Browser } from './support/chromium';
import { buildHostPage, PROBE_ID, TEMPLATE_ID, type HostPageBuild } from './support/hostPageBuild';
import { screenshotPath } from './support/paths';
import { rawQuery } from './support/rawQuery';

const SCAN_MS = 2000;
const SCANNED = 3;

let built: HostPageBuild;
let clock: ManualClock;
let stash: TestStash;
let browser: Browser;
let sceneId: string;
let origin: string;

beforeAll(async () => {
  built = await buildHostPage();
  // After the seeded rows' dates: scanned scenes are the newest by created_at.
  clock = createManualClock(Date.UTC(2030, 0, 1));
  stash = await startTestStash({
    seed: 1,
    size: 200,
    ui: built.uiDir,
    plugins: built.pluginsDir,
    jobs: { clock, durationMs: SCAN_MS, steps: 2, scanNewScenes: SCANNED },
  });
  origin = new URL(stash.url).origin;
  const { findScenes } = await rawQuery(
    stash.url,
    '{ findScenes(filter: { per_page: 1 }) { scenes { id } } }',
  );
  sceneId = findScenes.scenes[0].id;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await stash?.close();
});

async function openHost(plugin: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${origin}/?scene=${sceneId}&plugins=${plugin}`);
  await page.waitForFunction(() => (window as any).__host?.ready);
  expect(await page.evaluate(() => (window as any).__host.ready)).toBe(true);
  return page;
}

const waitText = (page: Page, testId: string, value: string) =>
  page.waitForFunction(([id, v]) => document.querySelector(`[data-testid="${id}"]`)?.textContent === v, [
    testId,
    value,
  ] as const);
/** GraphQL requests over HTTP since `mark` (websocket operations are logged with status 101). */
const httpSince = (mark: number): RequestLogEntry[] =>
  stash.requests.slice(mark).filter((r) => r.status !== 101);
const isStashkit = (r: RequestLogEntry) => r.operationName === 'StashkitRead';
const readsSceneById = (r: RequestLogEntry) => /\bfindScene\s*\(/.test(r.query);
const readsNewest = (r: RequestLogEntry) =>
  /\bfindScenes\s*\(/.test(r.query) && JSON.stringify(r.variables).includes('created_at');
async function serverTitle(): Promise<string> {
  const { findScene } = await rawQuery(stash.url, 'query ($id: ID!) { findScene(id: $id) { title } }', {
    id: sceneId,
  });
  return findScene.title;
}

/** Runs a scan on the mock to its end; resolves with the server's newest scenes once `page`'s panel lists them. */
async function scanUntilShown(page: Page): Promise<string[]> {
  await rawQuery(stash.url, 'mutation { metadataScan(input: {}) }');
  clock.advance(SCAN_MS);
  const { findScenes } = await rawQuery(
    stash.url,
    '{ findScenes(filter: { per_page: 5, sort: "created_at", direction: DESC }) { scenes { id } } }',
  );
  const newest = findScenes.scenes.map((s: { id: string }) => s.id);
  await page.waitForFunction(
    (ids) =>
      JSON.stringify(
        [...document.querySelectorAll('[data-testid=probe-newest-scene]')].map((el) =>
          el.getAttribute('data-scene-id'),
        ),
      ) === JSON.stringify(ids),
    newest,
  );
  return newest;
}

describe('the template panel on the host page', () => {
  it('renders the newest scenes on the host React 17.0.2, with no React in its bundle', async () => {
    const code = readFileSync(built.pluginJs(TEMPLATE_ID), 'utf8');
    for (const marker of ['__SECRET_INTERNALS_DO_NOT_USE_OR_YOU_WILL_BE_FIRED', 'ReactCurrentDispatcher']) {
      expect(code, marker).not.toContain(marker);
    }
    expect(code.trimEnd()).toMatch(/\}\)\((\{\},)?PluginApi\.React(,PluginApi\.[\w.]+)*\);$/);

    const page = await openHost(TEMPLATE_ID);
    expect(await page.evaluate(() => (window as any).PluginApi.React.version)).toBe('17.0.2');
    expect(await page.evaluate(() => (window as any).__host.routes())).toEqual([`/plugin/${TEMPLATE_ID}`]);
    expect(await page.evaluate(() => (window as any).__host.patches)).toEqual([
      ['before', 'MainNavBar.UtilityItems'],
    ]);
    const { findScenes } = await rawQuery(
      stash.url,
      '{ findScenes(filter: { per_page: 10, sort: "date", direction: DESC }) { scenes { id title } } }',
    );
    const titles = findScenes.scenes.map((s: { id: string; title: string }) => s.title || `Scene ${s.id}`);
    const items = `[data-testid="${TEMPLATE_ID}-panel"] [data-testid=scene-title]`;
    await page.waitForFunction((selector) => document.querySelectorAll(selector).length === 10, items);
    const shown = await page
      .locator(items)
      .evaluateAll((els) => els.map((el) => el.firstChild?.textContent ?? ''));
    expect(shown).toEqual(titles);
    // The host page's own Apollo query renders beside it.
    await waitText(page, 'host-title', await serverTitle());
    await page.screenshot({ path: screenshotPath('host-page-template') });
    await page.close();
    expect(browser.problems).toEqual([]);
  });
});

describe('the probe panel coherent with the host page', () => {
  let page: Page;
  beforeAll(async () => {
    page = await openHost(PROBE_ID);
    const title = await serverTitle();
    await waitText(page, 'probe-title', title);
    await waitText(page, 'host-title', title);
    await page.waitForFunction(() => (window as any).__probe.liveHistory.includes('connected'));
  });
  afterAll(() => page?.close());

  it('a stashkit save in the panel updates the host Apollo query in place', async () => {
    const mark = stash.requests.length;
    await page.getByTestId('probe-title-input').fill('Renamed in the panel');
    await page.getByTestId('probe-save').click();
    await waitText(page, 'probe-save-status', 'saved');
    await waitText(page, 'host-title', 'Renamed in the panel');
    expect(await serverTitle()).toBe('Renamed in the panel');
    // Written into the host cache: the host's query re-rendered without asking the server again.
    expect(httpSince(mark).map((r) => r.operationName)).not.toContain('HostFindScene');
  });

  it('a host Apollo mutation makes the mounted useEntity show the new value after one refetch', async () => {
    const mark = stash.requests.length;
    const result = await page.evaluate(
      (id) => (window as any).__host.renameScene(id, 'Renamed in Stash'),
      sceneId,
    );
    expect(result).toEqual({ sceneUpdate: { __typename: 'Scene', id: sceneId, title: 'Renamed in Stash' } });
    await waitText(page, 'probe-title', 'Renamed in Stash');
    await waitText(page, 'host-title', 'Renamed in Stash');
    const reads = httpSince(mark).filter((r) => isStashkit(r) && readsSceneById(r));
    expect(reads).toHaveLength(1);
    expect(await page.evaluate(() => (window as any).__probe.hostMutations)).toEqual([
      `sceneUpdate ${sceneId}`,
    ]);
  });

  it('a scan job on the mock makes the mounted useFindIter show the scanned scenes after one refetch', async () => {
    const before = await page
      .getByTestId('probe-newest-scene')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-scene-id')));
    const mark = stash.requests.length;
    const newest = await scanUntilShown(page);
    expect(newest.filter((id: string) => !before.includes(id))).toHaveLength(SCANNED);
    expect(httpSince(mark).filter((r) => isStashkit(r) && readsNewest(r))).toHaveLength(1);
    expect(await page.evaluate(() => (window as any).__probe.liveEvents)).toContain('scanComplete scan true');
  });

  it('the websocket reconnects after the mock restarts, and events flow again', async () => {
    const seen = (await page.evaluate(() => (window as any).__probe.liveHistory.length)) as number;
    await stash.restart();
    await page.waitForFunction((from) => {
      const probe = (window as any).__probe;
      const after = probe.liveHistory.slice(from - 1);
      return after.join(' ').includes('reconnecting connected') && probe.connections === 2;
    }, seen);
    const mark = stash.requests.length;
    await scanUntilShown(page);
    expect(httpSince(mark).filter((r) => isStashkit(r) && readsNewest(r)).length).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('host-page-probe') });
    expect(browser.problems).toEqual([]);
  });
});
