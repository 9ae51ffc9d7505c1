import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock, type ManualClock } from '../src/index';
import { data, gql, startTestStash, type TestStash } from './helpers';

const error = async (url: string, query: string, variables?: Record<string, unknown>) => {
  const answer = await gql(url, query, variables);
  expect(answer.status).toBe(200);
  expect(answer.body.errors).toHaveLength(1);
  return answer.body.errors[0].message as string;
};

describe('scrapers, packages, version, DLNA over HTTP', () => {
  let stash: TestStash;
  let clock: ManualClock;
  beforeAll(async () => {
    clock = createManualClock(Date.UTC(2026, 0, 1));
    stash = await startTestStash({ size: 10, jobs: { clock } });
  });
  afterAll(() => stash.close());
  beforeEach(() => stash.reset());

  it("listScrapers answers Stash's two built-in scrapers for the types they support", async () => {
    const q = `query ListScrapers($types: [ScrapeContentType!]!) { listScrapers(types: $types) {
      id name performer { urls supported_scrapes } scene { urls supported_scrapes } gallery { supported_scrapes } image { supported_scrapes } group { supported_scrapes } } }`;
    const scenes = (await data(stash.url, q, { types: ['SCENE'] })).listScrapers;
    expect(scenes).toEqual([
      {
        id: 'builtin_autotag',
        name: 'Auto Tag',
        performer: null,
        scene: { urls: null, supported_scrapes: ['FRAGMENT'] },
        gallery: { supported_scrapes: ['FRAGMENT'] },
        image: null,
        group: null,
      },
    ]);
    const performers = (await data(stash.url, q, { types: ['PERFORMER'] })).listScrapers;
    expect(performers.map((s: { id: string }) => s.id)).toEqual(['builtin_freeones']);
    expect(performers[0].performer).toEqual({
      urls: ['freeones.xxx', 'freeones.com'],
      supported_scrapes: ['NAME', 'URL'],
    });
    expect((await data(stash.url, q, { types: ['GALLERY', 'PERFORMER'] })).listScrapers).toHaveLength(2);
    expect((await data(stash.url, q, { types: ['GROUP', 'IMAGE'] })).listScrapers).toEqual([]);
  });

  it('scrape queries fail as Stash does without installed scrapers or stash-boxes; URLs find nothing', async () => {
    const scene = `query ScrapeSingleScene($source: ScraperSourceInput!, $input: ScrapeSingleSceneInput!) {
      scrapeSingleScene(source: $source, input: $input) { title } }`;
    expect(await error(stash.url, scene, { source: { scraper_id: 'nope' }, input: { scene_id: '1' } })).toBe(
      'scraper not found: id nope',
    );
    expect(await error(stash.url, scene, { source: { scraper_id: 'nope' }, input: {} })).toBe(
      'input error: scene_id, scene_input, or query must be set',
    );
    expect(
      await error(stash.url, scene, {
        source: { stash_box_endpoint: 'https://x/graphql' },
        input: { query: 'a' },
      }),
    ).toBe('stash box not found');
    expect(await error(stash.url, scene, { source: { stash_box_index: 0 }, input: { query: 'a' } })).toBe(
      'invalid stash_box_index 0',
    );
    expect(await error(stash.url, scene, { source: {}, input: { query: 'a' } })).toBe(
      'input error: scraper_id or stash_box_index must be set',
    );
    expect(
      await error(stash.url, scene, { source: { scraper_id: 'builtin_autotag' }, input: { scene_id: '1' } }),
    ).toMatch(/^MockStash: /);

    const multi = `query ScrapeMultiScenes($source: ScraperSourceInput!) { scrapeMultiScenes(source: $source, input: { scene_ids: ["1"] }) { title } }`;
    expect(await error(stash.url, multi, { source: { scraper_id: 'x' } })).toBe('not implemented');
    const movie = `query ScrapeSingleMovie { scrapeSingleMovie(source: { scraper_id: "x" }, input: { query: "a" }) { name } }`;
    expect(await error(stash.url, movie)).toBe('not supported');
    const studio = `query ScrapeSingleStudio { scrapeSingleStudio(source: { scraper_id: "x" }, input: { query: "a" }) { name } }`;
    expect(await error(stash.url, studio)).toBe('stash_box_endpoint must be set');
    const gallery = `query ScrapeSingleGallery { scrapeSingleGallery(source: { scraper_id: "x" }, input: { gallery_id: "a" }) { title } }`;
    expect(await error(stash.url, gallery)).toBe("input error: gallery id is not an integer: 'a'");

    const urls = `query ScrapeURLs { scrapeSceneURL(url: "https://site.example/v/1") { title }
      scrapePerformerURL(url: "https://site.example/p/1") { name }
      scrapeURL(url: "https://site.example/g/1", ty: GALLERY) { __typename } }`;
    expect(await data(stash.url, urls)).toEqual({
      scrapeSceneURL: null,
      scrapePerformerURL: null,
      scrapeURL: null,
    });
    expect(
      await error(
        stash.url,
        `query Freeones { scrapePerformerURL(url: "https://www.freeones.com/x") { name } }`,
      ),
    ).toMatch(/^MockStash: the Freeones scraper needs the network/);
    expect(await data(stash.url, `mutation ReloadScrapers { reloadScrapers }`)).toEqual({
      reloadScrapers: true,
    });
  });

  it('a configured stash-box resolves, then is out of reach offline', async () => {
    await data(
      stash.url,
      `mutation Boxes($input: ConfigGeneralInput!) { configureGeneral(input: $input) { stashBoxes { endpoint } } }`,
      {
        input: { stashBoxes: [{ endpoint: 'https://box.example/graphql', api_key: 'k', name: 'box' }] },
      },
    );
    const tag = `query ScrapeSingleTag { scrapeSingleTag(source: { stash_box_index: 0 }, input: { query: "a" }) { name } }`;
    expect(await error(stash.url, tag)).toMatch(
      /^MockStash: stash-box https:\/\/box\.example\/graphql needs the network/,
    );
    const check = `query Validate { validateStashBoxCredentials(input: { endpoint: "https://box.example/graphql", api_key: "k", name: "box" }) { valid status } }`;
    expect((await data(stash.url, check)).validateStashBoxCredentials).toEqual({
      valid: false,
      status: 'No response from server',
    });
  });

  it('packages: nothing installed, nothing available offline; latestversion is the running release', async () => {
    const q = `query Packages { installedPackages(type: Plugin) { package_id } availablePackages(type: Scraper, source: "https://stashapp.github.io/CommunityScrapers/stable/index.yml") { package_id } latestversion { version shorthash release_date url } version { hash } }`;
    const d = await data(stash.url, q);
    expect(d.installedPackages).toEqual([]);
    expect(d.availablePackages).toEqual([]);
    expect(d.latestversion.shorthash).toBe(d.version.hash);
  });

  it('DLNA: enable and disable with durations against the clock, temporary IPs expire; configureDLNA enabled starts it', async () => {
    const STATUS = `query DLNAStatus { dlnaStatus { running until recentIPAddresses allowedIPAddresses { ipAddress until } } }`;
    const status = async () => (await data(stash.url, STATUS)).dlnaStatus;
    expect(await status()).toEqual({
      running: false,
      until: null,
      recentIPAddresses: [],
      allowedIPAddresses: [],
    });

    await data(stash.url, `mutation EnableDLNA { enableDLNA(input: { duration: 10 }) }`);
    expect(await status()).toMatchObject({ running: true, until: '2026-01-01T00:10:00Z' });
    clock.advance(10 * 60_000);
    expect(await status()).toMatchObject({ running: false, until: null });

    await data(stash.url, `mutation EnableDLNA { enableDLNA(input: {}) }`);
    await data(stash.url, `mutation DisableDLNA { disableDLNA(input: { duration: 5 }) }`);
    expect(await status()).toMatchObject({ running: false, until: '2026-01-01T00:15:00Z' });
    clock.advance(5 * 60_000);
    expect(await status()).toMatchObject({ running: true, until: null });

    await data(
      stash.url,
      `mutation AddTempDLNAIP { a: addTempDLNAIP(input: { address: "10.0.0.2", duration: 1 }) b: addTempDLNAIP(input: { address: "10.0.0.3" }) }`,
    );
    expect((await status()).allowedIPAddresses).toEqual([
      { ipAddress: '10.0.0.2', until: '2026-01-01T00:16:00Z' },
      { ipAddress: '10.0.0.3', until: null },
    ]);
    clock.advance(60_001);
    expect((await status()).allowedIPAddresses).toEqual([{ ipAddress: '10.0.0.3', until: null }]);
    const REMOVE = `mutation RemoveTempDLNAIP { removeTempDLNAIP(input: { address: "10.0.0.3" }) }`;
    expect(await data(stash.url, REMOVE)).toEqual({ removeTempDLNAIP: true });
    expect(await data(stash.url, REMOVE)).toEqual({ removeTempDLNAIP: false });

    const CONFIGURE = `mutation ConfigureDLNA($enabled: Boolean) { configureDLNA(input: { enabled: $enabled }) { enabled } }`;
    await data(stash.url, CONFIGURE, { enabled: false });
    expect((await status()).running).toBe(false);
    await data(stash.url, CONFIGURE, { enabled: true });
    expect((await status()).running).toBe(true);
    stash.reset();
    // dlna.enabled is configuration: reset() goes back to the default (off)
    expect((await status()).running).toBe(false);
  });
});
