import { afterAll, beforeEach, beforeAll, describe, expect, it } from 'vitest';
import { data, gql, startTestStash, type TestStash } from './helpers';

const GENERAL = `stashes { path excludeVideo excludeImage } databasePath backupDirectoryPath deleteTrashPath
  generatedPath metadataPath configFilePath scrapersPath pluginsPath cachePath blobsPath blobsStorage
  ffmpegPath ffprobePath calculateMD5 videoFileNamingAlgorithm parallelTasks previewAudio previewSegments
  previewSegmentDuration previewExcludeStart previewExcludeEnd previewPreset transcodeHardwareAcceleration
  maxTranscodeSize maxStreamingTranscodeSize writeImageThumbnails createImageClipsFromVideos apiKey
  username password maxSessionAge logFile logOut logLevel logAccess logFileMaxSize createGalleriesFromFolders
  galleryCoverRegex videoExtensions imageExtensions galleryExtensions excludes imageExcludes
  customPerformerImageLocation stashBoxes { endpoint api_key name max_requests_per_minute } pythonPath
  transcodeInputArgs transcodeOutputArgs liveTranscodeInputArgs liveTranscodeOutputArgs
  drawFunscriptHeatmapRange scraperPackageSources { name url local_path } pluginPackageSources { name url local_path }`;
const INTERFACE = `sfwContentMode menuItems soundOnPreview wallShowTitle wallPlayback showScrubber maximumLoopDuration
  noBrowser notificationsEnabled autostartVideo autostartVideoOnPlaySelected continuePlaylistDefault
  showStudioAsText css cssEnabled javascript javascriptEnabled customLocales customLocalesEnabled language
  imageLightbox { slideshowDelay displayMode scaleUp resetZoomOnNav scrollMode scrollAttemptsBeforeChange disableAnimation }
  disableDropdownCreate { performer tag studio movie gallery } handyKey funscriptOffset useStashHostedFunscript`;
const DLNA = `serverName enabled port whitelistedIPs interfaces videoSortOrder`;
const SCRAPING = `scraperUserAgent scraperCertCheck scraperCDPPath excludeTagPatterns`;
const DEFAULTS = `scan { rescan scanGenerateCovers scanGeneratePreviews scanGenerateImagePreviews scanGenerateSprites
    scanGeneratePhashes scanGenerateThumbnails scanGenerateClipPreviews }
  identify { sources { source { scraper_id stash_box_endpoint } options { fieldOptions { field strategy createMissing } setCoverImage setOrganized includeMalePerformers skipMultipleMatches skipMultipleMatchTag skipSingleNamePerformers skipSingleNamePerformerTag } } options { setCoverImage } }
  autoTag { performers studios tags }
  generate { covers sprites previews imagePreviews previewOptions { previewSegments previewSegmentDuration previewExcludeStart previewExcludeEnd previewPreset } markers markerImagePreviews markerScreenshots transcodes phashes interactiveHeatmapsSpeeds imageThumbnails clipPreviews }
  deleteFile deleteGenerated`;
const CONFIG = `query Configuration { configuration {
  general { ${GENERAL} } interface { ${INTERFACE} } dlna { ${DLNA} } scraping { ${SCRAPING} }
  defaults { ${DEFAULTS} } ui plugins } }`;

const config = async (url: string) => (await data(url, CONFIG)).configuration;

describe('configuration over HTTP', () => {
  let stash: TestStash;
  beforeAll(async () => {
    stash = await startTestStash({ size: 20 });
  });
  afterAll(() => stash.close());
  beforeEach(() => stash.reset());

  it("answers a complete ConfigResult with Stash's defaults for a fresh install", async () => {
    const c = await config(stash.url);
    expect(c.general).toMatchObject({
      stashes: [{ path: '/data', excludeVideo: false, excludeImage: false }],
      databasePath: '/root/.stash/stash-go.sqlite',
      blobsStorage: 'FILESYSTEM',
      calculateMD5: false,
      videoFileNamingAlgorithm: 'OSHASH',
      parallelTasks: 1,
      previewSegments: 12,
      previewSegmentDuration: 0.75,
      previewPreset: 'slow',
      maxTranscodeSize: 'ORIGINAL',
      apiKey: '',
      username: '',
      maxSessionAge: 3600,
      logLevel: 'Info',
      galleryCoverRegex: '(poster|cover|folder|board)\\.[^\\.]+$',
      videoExtensions: expect.arrayContaining(['mp4', 'mkv', 'webm']),
      imageExtensions: ['png', 'jpg', 'jpeg', 'gif', 'webp', 'avif'],
      galleryExtensions: ['zip', 'cbz'],
      stashBoxes: [],
      scraperPackageSources: [
        {
          name: 'Community (stable)',
          url: 'https://stashapp.github.io/CommunityScrapers/stable/index.yml',
          local_path: 'community',
        },
      ],
    });
    expect(c.interface).toMatchObject({
      menuItems: ['scenes', 'images', 'groups', 'markers', 'galleries', 'performers', 'studios', 'tags'],
      wallShowTitle: true,
      wallPlayback: 'video',
      showScrubber: true,
      notificationsEnabled: true,
      autostartVideoOnPlaySelected: true,
      language: 'en-US',
      imageLightbox: { slideshowDelay: 5, displayMode: null, scrollAttemptsBeforeChange: 0 },
      disableDropdownCreate: { performer: false, tag: false, studio: false, movie: false, gallery: false },
    });
    expect(c.dlna).toEqual({
      serverName: '',
      enabled: false,
      port: 1338,
      whitelistedIPs: [],
      interfaces: [],
      videoSortOrder: 'title',
    });
    expect(c.scraping).toEqual({
      scraperUserAgent: '',
      scraperCertCheck: true,
      scraperCDPPath: '',
      excludeTagPatterns: [],
    });
    expect(c.defaults).toEqual({
      scan: null,
      identify: null,
      autoTag: null,
      generate: null,
      deleteFile: false,
      deleteGenerated: true,
    });
    expect(c.ui).toEqual({});
    expect(c.plugins).toEqual({});
  });

  it('configureGeneral applies what is given, keeps the rest, and reads back as configuration', async () => {
    const mutation = `mutation ConfigureGeneral($input: ConfigGeneralInput!) { configureGeneral(input: $input) { ${GENERAL} } }`;
    const result = (
      await data(stash.url, mutation, {
        input: {
          parallelTasks: 4,
          previewPreset: 'fast',
          logLevel: 'Shout',
          videoExtensions: [],
          stashes: [{ path: '/data/videos', excludeVideo: false, excludeImage: true }],
          password: 'hunter2',
        },
      })
    ).configureGeneral;
    expect(result).toMatchObject({
      parallelTasks: 4,
      previewPreset: 'fast',
      // read back as Stash's getters: an unknown level is Info, an empty extension list the default
      logLevel: 'Info',
      videoExtensions: expect.arrayContaining(['mp4']),
      stashes: [{ path: '/data/videos', excludeVideo: false, excludeImage: true }],
      previewSegments: 12,
    });
    expect(result.password).toMatch(/^\$2a\$/);
    expect(result.password).not.toContain('hunter2');
    expect((await config(stash.url)).general).toEqual(result);

    // the UI sends the stored hash back unchanged: it stays the same hash
    const again = (await data(stash.url, mutation, { input: { password: result.password } }))
      .configureGeneral;
    expect(again.password).toBe(result.password);
  });

  it('configureGeneral errors as Stash does, keeping settings applied before the failing one', async () => {
    const mutation = `mutation ConfigureGeneral($input: ConfigGeneralInput!) { configureGeneral(input: $input) { parallelTasks } }`;
    const cases: [Record<string, unknown>, string][] = [
      [{ stashes: [{ path: '/nowhere', excludeVideo: false, excludeImage: false }] }, 'file does not exist'],
      [{ databasePath: '/root/db.txt' }, 'invalid database path, use extension db, sqlite, or sqlite3'],
      [{ videoFileNamingAlgorithm: 'MD5' }, 'calculateMD5 must be true if using MD5'],
      [{ galleryCoverRegex: '(' }, "Gallery cover regex '(' invalid, "],
      [{ excludes: ['ok', '['] }, "video exclusion pattern '[' invalid: "],
      [
        { stashBoxes: [{ endpoint: 'https://box.example/graphql', api_key: '', name: 'b' }] },
        'Stash-box: API Key cannot be blank',
      ],
      [
        { stashBoxes: [{ endpoint: 'https://box.example/api', api_key: 'k', name: 'b' }] },
        'Stash-box: endpoint is invalid',
      ],
    ];
    for (const [input, message] of cases) {
      const answer = await gql(stash.url, mutation, { input: { parallelTasks: 3, ...input } });
      expect(answer.status).toBe(200);
      expect(answer.body.data).toBeNull();
      expect(answer.body.errors[0].message.startsWith(message), answer.body.errors[0].message).toBe(true);
      expect(answer.body.errors[0].path).toEqual(['configureGeneral']);
    }
    // parallelTasks comes after the stashes check in Stash's order, before the regexes
    expect((await config(stash.url)).general.parallelTasks).toBe(3);
    await stash.reset();
    await gql(stash.url, mutation, { input: { parallelTasks: 3, stashes: [{ path: '/nowhere' }] } });
    expect((await config(stash.url)).general.parallelTasks).toBe(1);
  });

  it('configureInterface, configureDLNA, configureScraping and configureDefaults round-trip', async () => {
    const iface = (
      await data(
        stash.url,
        `mutation ConfigureInterface($input: ConfigInterfaceInput!) { configureInterface(input: $input) { ${INTERFACE} } }`,
        {
          input: {
            menuItems: ['scenes'],
            css: 'body{}',
            cssEnabled: true,
            imageLightbox: { scaleUp: true },
            disableDropdownCreate: { tag: true },
            language: '',
          },
        },
      )
    ).configureInterface;
    expect(iface).toMatchObject({
      menuItems: ['scenes'],
      css: 'body{}',
      cssEnabled: true,
      language: 'en-US',
      imageLightbox: { slideshowDelay: 5, scaleUp: true, displayMode: null },
      disableDropdownCreate: { performer: false, tag: true },
    });
    const dlna = (
      await data(
        stash.url,
        `mutation ConfigureDLNA($input: ConfigDLNAInput!) { configureDLNA(input: $input) { ${DLNA} } }`,
        {
          input: { serverName: 'mock', port: 0, whitelistedIPs: ['10.0.0.1'] },
        },
      )
    ).configureDLNA;
    expect(dlna).toMatchObject({
      serverName: 'mock',
      port: 1338,
      whitelistedIPs: ['10.0.0.1'],
      enabled: false,
    });
    const scraping = (
      await data(
        stash.url,
        `mutation ConfigureScraping($input: ConfigScrapingInput!) { configureScraping(input: $input) { ${SCRAPING} } }`,
        {
          input: { scraperUserAgent: 'UA', scraperCertCheck: false, excludeTagPatterns: ['^x$'] },
        },
      )
    ).configureScraping;
    expect(scraping).toEqual({
      scraperUserAgent: 'UA',
      scraperCertCheck: false,
      scraperCDPPath: '',
      excludeTagPatterns: ['^x$'],
    });
    const bad = await gql(
      stash.url,
      `mutation ConfigureScraping($input: ConfigScrapingInput!) { configureScraping(input: $input) { scraperUserAgent } }`,
      {
        input: { excludeTagPatterns: ['('] },
      },
    );
    expect(bad.body.errors[0].message).toMatch(/^tag exclusion pattern '\(' invalid: /);
    const defaults = (
      await data(
        stash.url,
        `mutation ConfigureDefaults($input: ConfigDefaultSettingsInput!) { configureDefaults(input: $input) { ${DEFAULTS} } }`,
        {
          input: {
            scan: { paths: ['/data'], scanGenerateCovers: true },
            autoTag: { paths: ['/data'], performers: ['*'] },
            generate: { covers: true, previewOptions: { previewSegments: 6 } },
            identify: {
              sources: [{ source: { stash_box_endpoint: 'https://box.example/graphql' } }],
              options: { setCoverImage: true },
            },
            deleteFile: true,
          },
        },
      )
    ).configureDefaults;
    expect(defaults).toMatchObject({
      scan: { rescan: false, scanGenerateCovers: true, scanGeneratePreviews: false },
      autoTag: { performers: ['*'], studios: null, tags: null },
      generate: { covers: true, sprites: null, previewOptions: { previewSegments: 6 } },
      identify: {
        sources: [{ source: { stash_box_endpoint: 'https://box.example/graphql', scraper_id: null } }],
        options: { setCoverImage: true },
      },
      deleteFile: true,
      deleteGenerated: true,
    });
    const c = await config(stash.url);
    expect(c.interface).toEqual(iface);
    expect(c.dlna).toEqual(dlna);
    expect(c.scraping).toEqual(scraping);
    expect(c.defaults).toEqual(defaults);
  });

  it('configureUI replaces or merges, configureUISetting sets a dotted path, setDefaultFilter writes ui.defaultFilters', async () => {
    const UI = `mutation ConfigureUI($input: Map, $partial: Map) { configureUI(input: $input, partial: $partial) }`;
    expect(
      (await data(stash.url, UI, { input: { a: { b: 1, c: [1, 2] }, lastNoteSeen: 20240101 } })).configureUI,
    ).toEqual({
      a: { b: 1, c: [1, 2] },
      lastNoteSeen: 20240101,
    });
    expect((await data(stash.url, UI, { partial: { a: { c: [3], d: true } } })).configureUI).toEqual({
      a: { b: 1, c: [3], d: true },
      lastNoteSeen: 20240101,
    });
    const SETTING = `mutation ConfigureUISetting($key: String!, $value: Any) { configureUISetting(key: $key, value: $value) }`;
    expect(
      (await data(stash.url, SETTING, { key: 'lastNoteSeen.x', value: 'y' })).configureUISetting,
    ).toEqual({
      a: { b: 1, c: [3], d: true },
      lastNoteSeen: { x: 'y' },
    });
    // a client's __proto__ key is data, never the prototype
    await data(stash.url, UI, { partial: JSON.parse('{"__proto__": {"polluted": true}}') });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await config(stash.url)).ui.__proto__).toEqual({ polluted: true });

    const FILTER = `mutation SetDefaultFilter($input: SetDefaultFilterInput!) { setDefaultFilter(input: $input) }`;
    await data(stash.url, FILTER, { input: { mode: 'SCENES', find_filter: { per_page: 60 } } });
    const filters = (await config(stash.url)).ui.defaultFilters;
    expect(filters.scenes).toMatchObject({
      mode: 'SCENES',
      find_filter: { per_page: 60 },
      object_filter: null,
    });
    await data(stash.url, FILTER, { input: { mode: 'SCENES' } });
    expect((await config(stash.url)).ui.defaultFilters).toEqual({});
  });

  it("configurePlugin replaces one plugin's settings; plugins(include) leaves out plugins without any", async () => {
    const PLUGIN = `mutation ConfigurePlugin($id: ID!, $input: Map!) { configurePlugin(plugin_id: $id, input: $input) }`;
    expect((await data(stash.url, PLUGIN, { id: 'hello', input: { a: 1 } })).configurePlugin).toEqual({
      a: 1,
    });
    expect((await data(stash.url, PLUGIN, { id: 'hello', input: { b: 'x' } })).configurePlugin).toEqual({
      b: 'x',
    });
    await data(stash.url, PLUGIN, { id: 'empty', input: {} });
    const q = `query PluginConfig($include: [ID!]) { configuration { plugins(include: $include) } }`;
    expect((await data(stash.url, q)).configuration.plugins).toEqual({ hello: { b: 'x' }, empty: {} });
    expect((await data(stash.url, q, { include: ['hello', 'empty', 'none'] })).configuration.plugins).toEqual(
      {
        hello: { b: 'x' },
      },
    );
  });

  it('generateAPIKey needs a username, then every request needs the new key; clear removes it', async () => {
    const GENERATE = `mutation GenerateAPIKey($input: GenerateAPIKeyInput!) { generateAPIKey(input: $input) }`;
    expect((await data(stash.url, GENERATE, { input: {} })).generateAPIKey).toBe('');
    await data(
      stash.url,
      `mutation ConfigureGeneral($input: ConfigGeneralInput!) { configureGeneral(input: $input) { username } }`,
      {
        input: { username: 'admin', password: 'pw' },
      },
    );
    const key = (await data(stash.url, GENERATE, { input: {} })).generateAPIKey;
    expect(key).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect((await gql(stash.url, CONFIG)).status).toBe(401);
    const withKey = await gql(stash.url, `query Key { configuration { general { apiKey } } }`, undefined, {
      ApiKey: key,
    });
    expect(withKey.body.data.configuration.general.apiKey).toBe(key);
    const cleared = await gql(stash.url, GENERATE, { input: { clear: true } }, { ApiKey: key });
    expect(cleared.body.data.generateAPIKey).toBe('');
    expect((await gql(stash.url, CONFIG)).status).toBe(200);
  });
});

describe('configuration seeds', () => {
  it('merges a seed over the defaults per section and reset() returns to it', async () => {
    const stash = await startTestStash({
      size: 5,
      config: {
        ui: { lastNoteSeen: 20991231 },
        interface: { language: 'de-DE' },
        plugins: { hello: { on: true } },
      },
    });
    try {
      const UI = `mutation ConfigureUI($input: Map) { configureUI(input: $input) }`;
      await data(stash.url, UI, { input: {} });
      stash.reset();
      const c = (
        await data(
          stash.url,
          `query Seeded { configuration { ui plugins interface { language menuItems } } }`,
        )
      ).configuration;
      expect(c.ui).toEqual({ lastNoteSeen: 20991231 });
      expect(c.plugins).toEqual({ hello: { on: true } });
      expect(c.interface.language).toBe('de-DE');
      expect(c.interface.menuItems).toHaveLength(8);
    } finally {
      await stash.close();
    }
  });

  it('apiKey option is the configured key', async () => {
    const stash = await startTestStash({ size: 5, apiKey: 'secret' });
    try {
      const answer = await gql(stash.url, `query Key { configuration { general { apiKey } } }`, undefined, {
        ApiKey: 'secret',
      });
      expect(answer.body.data.configuration.general.apiKey).toBe('secret');
    } finally {
      await stash.close();
    }
  });
});
