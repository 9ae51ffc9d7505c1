import { MockStashError } from '../errors';
import {
  defaultDefaults,
  defaultDLNA,
  defaultGeneral,
  defaultInterface,
  defaultScraping,
  type ConfigDefaults,
  type ConfigDLNA,
  type ConfigGeneral,
  type ConfigInterface,
  type ConfigScraping,
} from './configDefaults';
import { deepMerge, setNested, type JsonMap } from './jsonMaps';

/** Seed for a mock instance's configuration: each section is merged over Stash's defaults. */
export interface MockConfigSeed {
  general?: Partial<ConfigGeneral>;
  interface?: Partial<ConfigInterface>;
  dlna?: Partial<ConfigDLNA>;
  scraping?: Partial<ConfigScraping>;
  defaults?: Partial<ConfigDefaults>;
  /** `configuration.ui`, e.g. `{ lastNoteSeen: 20991231 }` so no release-notes modal opens. */
  ui?: JsonMap;
  /** `configuration.plugins`: settings per plugin id (which plugins are disabled is the plugin registry's). */
  plugins?: Record<string, JsonMap>;
}

const clone = <T>(value: T): T => structuredClone(value);

/** Key absent or null: leave the setting as it is (Stash's `setConfig*` with a nil pointer). */
function given(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/** Why JavaScript cannot compile a pattern (Go's RE2 differs in corners: lookaheads pass here), or null. */
function regexpProblem(pattern: string): string | null {
  try {
    new RegExp(pattern);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

function checkRegexps(patterns: string[], what: string): string[] {
  for (const p of patterns) {
    const problem = regexpProblem(p);
    if (problem !== null) throw new MockStashError(`${what} pattern '${p}' invalid: ${problem}`);
  }
  return [...patterns];
}

/** 32-bit FNV-1a as hex: stands in for Stash's bcrypt hash and JWT signature (no node:crypto, so MSW works). */
function fnv(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

/** The bcrypt-shaped hash the mock stores for a password (not bcrypt). */
const passwordHash = (password: string) => `$2a$04$mock.${fnv(password)}${fnv(`${password}.`)}`;

const base64url = (text: string) => btoa(text).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');

/** The interface settings Stash keeps as files next to its config (custom.css, custom.js, custom-locales.json). */
const CUSTOM_FILE_KEYS = ['css', 'javascript', 'customLocales'] as const;
export type CustomFileKey = (typeof CUSTOM_FILE_KEYS)[number];

/**
 * One mock instance's Stash configuration (`configuration` and the `configure*` mutations), held in
 * memory. Like Stash's config file, it is not part of the database transaction: settings applied
 * before a validation error stay applied.
 */
export class MockConfig {
  general!: ConfigGeneral;
  interface!: ConfigInterface;
  dlna!: ConfigDLNA;
  scraping!: ConfigScraping;
  defaults!: ConfigDefaults;
  ui!: JsonMap;
  private pluginSettingsById!: Map<string, JsonMap>;
  private keysGenerated = 0;
  /** Which of custom.css, custom.js, custom-locales.json exist: Stash writes one when its setting is first given. */
  private written!: Set<CustomFileKey>;

  constructor(
    private readonly seed: MockConfigSeed = {},
    private readonly initialApiKey: string | null = null,
  ) {
    this.reset();
  }

  /** Back to the defaults plus the seed. */
  reset(): void {
    const s = clone(this.seed);
    this.general = { ...defaultGeneral(this.initialApiKey ?? ''), ...s.general };
    this.interface = { ...defaultInterface(), ...s.interface };
    this.dlna = { ...defaultDLNA(), ...s.dlna };
    this.scraping = { ...defaultScraping(), ...s.scraping };
    this.defaults = { ...defaultDefaults(), ...s.defaults };
    this.ui = s.ui ?? {};
    this.pluginSettingsById = new Map(Object.entries(s.plugins ?? {}));
    this.written = new Set(CUSTOM_FILE_KEYS.filter((k) => given(s.interface?.[k])));
  }

  /**
   * What Stash's `/css`, `/javascript` and `/customlocales` handlers serve: the file when its `*Enabled`
   * setting is on and it has been written (css and js followed by a newline), else nothing.
   */
  customFile(key: CustomFileKey): string {
    if (!this.interface[`${key}Enabled`] || !this.written.has(key)) return '';
    return key === 'customLocales' ? this.interface[key] : `${this.interface[key]}\n`;
  }

  /**
   * The login form's check. Stash's ValidateCredentials: the configured username and password. The mock's
   * authentication is its API key, so the key is also accepted as the password (any username).
   */
  validateCredentials(username: string, password: string): boolean {
    const g = this.general;
    if (this.apiKey !== null && password === this.apiKey) return true;
    if (g.username === '' || g.password === '') return this.apiKey === null;
    return username === g.username && passwordHash(password) === g.password;
  }

  /** The API key requests must carry, or null when none is set. */
  get apiKey(): string | null {
    return this.general.apiKey === '' ? null : this.general.apiKey;
  }

  /** `configuration.plugins(include)`: every plugin's settings, or only the included ones that have any. */
  plugins(include?: string[] | null): Record<string, JsonMap> {
    const ids = !include || include.length === 0 ? [...this.pluginSettingsById.keys()] : include;
    const out: Record<string, JsonMap> = Object.create(null);
    for (const id of ids) {
      const settings = this.pluginSettingsById.get(id);
      // with include, Stash leaves out plugins without settings
      if (settings && (!include?.length || Object.keys(settings).length > 0)) out[id] = clone(settings);
    }
    return out;
  }

  /** One plugin's settings (`{}` when it has none). */
  pluginSettings(pluginId: string): JsonMap {
    return clone(this.pluginSettingsById.get(pluginId) ?? {});
  }

  /** `configurePlugin`: replaces the plugin's settings. */
  setPluginSettings(pluginId: string, settings: JsonMap): JsonMap {
    this.pluginSettingsById.set(pluginId, clone(settings));
    return this.pluginSettings(pluginId);
  }

  /**
   * `configureGeneral`, in Stash's order: each given setting is validated and applied in turn, so one
   * that fails leaves the earlier ones applied. `folderExists` stands in for Stash's check that a new
   * library path exists (the mock's folder tree); directories Stash would create are accepted as given.
   */
  configureGeneral(input: Record<string, any>, folderExists: (path: string) => boolean): ConfigGeneral {
    const g = this.general;
    const has = (key: string) => given(input[key]);
    const changed = (key: keyof ConfigGeneral) => has(key) && input[key] !== g[key];
    if (has('stashes')) {
      for (const stash of input.stashes as { path: string }[]) {
        const isNew = !g.stashes.some((s) => s.path === stash.path);
        if (isNew && !folderExists(stash.path)) throw new MockStashError('file does not exist');
      }
      g.stashes = (input.stashes as Record<string, any>[]).map((s) => ({
        path: s.path,
        excludeVideo: s.excludeVideo === true,
        excludeImage: s.excludeImage === true,
      }));
    }
    if (changed('databasePath')) {
      if (!/\.(db|sqlite|sqlite3)$/.test(input.databasePath)) {
        throw new MockStashError('invalid database path, use extension db, sqlite, or sqlite3');
      }
      g.databasePath = input.databasePath;
    }
    for (const key of PATH_KEYS) if (changed(key)) (g as Record<string, unknown>)[key] = input[key];
    if (changed('blobsStorage')) {
      if (input.blobsStorage === 'FILESYSTEM' && g.blobsPath === '') {
        throw new MockStashError('blobs path must be set when using filesystem storage');
      }
      g.blobsStorage = input.blobsStorage;
    }
    // Stash runs the given ffmpeg/ffprobe to validate them; the mock runs neither and accepts any path.
    if (changed('ffmpegPath')) g.ffmpegPath = input.ffmpegPath;
    if (changed('ffprobePath')) g.ffprobePath = input.ffprobePath;
    if (changed('videoFileNamingAlgorithm')) {
      const calculateMD5 = has('calculateMD5') ? input.calculateMD5 : g.calculateMD5;
      if (!calculateMD5 && input.videoFileNamingAlgorithm === 'MD5') {
        throw new MockStashError('calculateMD5 must be true if using MD5');
      }
      g.videoFileNamingAlgorithm = input.videoFileNamingAlgorithm;
    }
    for (const key of PLAIN_KEYS_BEFORE_REGEX) if (has(key)) (g as Record<string, unknown>)[key] = input[key];
    if (has('galleryCoverRegex')) {
      const problem = regexpProblem(input.galleryCoverRegex);
      if (problem !== null) {
        throw new MockStashError(`Gallery cover regex '${input.galleryCoverRegex}' invalid, '${problem}'`);
      }
      g.galleryCoverRegex = input.galleryCoverRegex;
    }
    if (changed('username')) g.username = input.username;
    // The UI sends the stored hash back when the password is unchanged; Stash stores a bcrypt hash.
    if (has('password') && input.password !== g.password) {
      g.password = input.password === '' ? '' : passwordHash(input.password);
    }
    for (const key of ['maxSessionAge', 'logFile', 'logOut', 'logAccess'] as const) {
      if (has(key)) (g as Record<string, unknown>)[key] = input[key];
    }
    // read back as Stash's getters do: an unknown level is Info, a negative size the default (0)
    if (has('logLevel')) g.logLevel = LOG_LEVELS.includes(input.logLevel) ? input.logLevel : 'Info';
    if (has('logFileMaxSize')) g.logFileMaxSize = input.logFileMaxSize < 0 ? 0 : input.logFileMaxSize;
    if (has('excludes')) g.excludes = checkRegexps(input.excludes, 'video exclusion');
    if (has('imageExcludes')) g.imageExcludes = checkRegexps(input.imageExcludes, 'image/gallery exclusion');
    const defaults = defaultGeneral('');
    for (const key of ['videoExtensions', 'imageExtensions', 'galleryExtensions'] as const) {
      // an empty list reads back as Stash's default list
      if (has(key)) g[key] = input[key].length > 0 ? [...input[key]] : defaults[key];
    }
    for (const key of ['createGalleriesFromFolders', 'customPerformerImageLocation'] as const) {
      if (has(key)) (g as Record<string, unknown>)[key] = input[key];
    }
    if (has('stashBoxes')) g.stashBoxes = validateStashBoxes(input.stashBoxes);
    for (const key of PLAIN_KEYS_AFTER_BOXES)
      if (has(key)) (g as Record<string, unknown>)[key] = clone(input[key]);
    return clone(g);
  }

  configureInterface(input: Record<string, any>): ConfigInterface {
    const c = this.interface;
    for (const [key, value] of Object.entries(input)) {
      if (!given(value)) continue;
      if ((CUSTOM_FILE_KEYS as readonly string[]).includes(key)) this.written.add(key as CustomFileKey);
      if (key === 'imageLightbox' || key === 'disableDropdownCreate') {
        for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
          if (given(v)) (c[key] as Record<string, unknown>)[k] = v;
        }
      } else if (key in c) {
        (c as Record<string, unknown>)[key] = clone(value);
      }
    }
    if (c.language === '') c.language = defaultInterface().language;
    return clone(c);
  }

  configureDLNA(input: Record<string, any>): ConfigDLNA {
    for (const [key, value] of Object.entries(input)) {
      if (given(value) && key in this.dlna) (this.dlna as Record<string, unknown>)[key] = clone(value);
    }
    // read back as Stash's getters do
    if (this.dlna.port === 0) this.dlna.port = defaultDLNA().port;
    if (this.dlna.videoSortOrder === '') this.dlna.videoSortOrder = defaultDLNA().videoSortOrder;
    return clone(this.dlna);
  }

  configureScraping(input: Record<string, any>): ConfigScraping {
    if (given(input.scraperUserAgent)) this.scraping.scraperUserAgent = input.scraperUserAgent;
    if (given(input.scraperCDPPath)) this.scraping.scraperCDPPath = input.scraperCDPPath;
    if (given(input.excludeTagPatterns)) {
      this.scraping.excludeTagPatterns = checkRegexps(input.excludeTagPatterns, 'tag exclusion');
    }
    if (given(input.scraperCertCheck)) this.scraping.scraperCertCheck = input.scraperCertCheck;
    return clone(this.scraping);
  }

  configureDefaults(input: Record<string, any>): ConfigDefaults {
    const d = this.defaults;
    if (given(input.identify)) {
      d.identify = { sources: clone(input.identify.sources), options: clone(input.identify.options ?? null) };
    }
    if (given(input.scan)) {
      // Stash stores only the scan options (not paths or filter); unset flags read back false.
      const scan: Record<string, boolean> = {};
      for (const flag of SCAN_FLAGS) scan[flag] = input.scan[flag] === true;
      d.scan = scan;
    }
    if (given(input.autoTag)) {
      const { performers, studios, tags } = input.autoTag;
      d.autoTag = { performers: performers ?? null, studios: studios ?? null, tags: tags ?? null };
    }
    if (given(input.generate)) d.generate = clone(input.generate);
    if (given(input.deleteFile)) d.deleteFile = input.deleteFile;
    if (given(input.deleteGenerated)) d.deleteGenerated = input.deleteGenerated;
    return clone(d);
  }

  /** `configureUI`: `input` replaces the whole map, then `partial` is merged into it (maps recursively). */
  configureUI(input: JsonMap | null | undefined, partial: JsonMap | null | undefined): JsonMap {
    if (given(input)) this.ui = clone(input!);
    if (given(partial)) this.ui = deepMerge(this.ui, clone(partial!));
    return clone(this.ui);
  }

  /** `configureUISetting`: sets one value at a dotted key path (`a.b.c`). */
  configureUISetting(key: string, value: unknown): JsonMap {
    const next = clone(this.ui);
    setNested(next, key, clone(value));
    return this.configureUI(next, null);
  }

  /** `generateAPIKey`: a JWT-shaped key for the configured username; none without one (Stash clears it). */
  generateAPIKey(clear: boolean): string {
    let key = '';
    if (!clear && this.general.username !== '') {
      this.keysGenerated++;
      const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
      const payload = base64url(
        JSON.stringify({ uid: this.general.username, sub: 'APIKey', iat: 1767225600 + this.keysGenerated }),
      );
      key = `${header}.${payload}.${base64url(fnv(`${header}.${payload}`).repeat(4))}`;
    }
    this.general.apiKey = key;
    return key;
  }
}

/** Folders Stash checks (or creates) before storing; the mock stores them as given. */
const PATH_KEYS = [
  'backupDirectoryPath',
  'deleteTrashPath',
  'generatedPath',
  'scrapersPath',
  'pluginsPath',
  'metadataPath',
  'cachePath',
  'blobsPath',
] as const;

const PLAIN_KEYS_BEFORE_REGEX = [
  'calculateMD5',
  'parallelTasks',
  'previewAudio',
  'previewSegments',
  'previewSegmentDuration',
  'previewExcludeStart',
  'previewExcludeEnd',
  'previewPreset',
  'transcodeHardwareAcceleration',
  'maxTranscodeSize',
  'maxStreamingTranscodeSize',
  'writeImageThumbnails',
  'createImageClipsFromVideos',
] as const;

const PLAIN_KEYS_AFTER_BOXES = [
  'pythonPath',
  'transcodeInputArgs',
  'transcodeOutputArgs',
  'liveTranscodeInputArgs',
  'liveTranscodeOutputArgs',
  'drawFunscriptHeatmapRange',
  'scraperPackageSources',
  'pluginPackageSources',
] as const;

const LOG_LEVELS = ['Trace', 'Debug', 'Info', 'Warning', 'Error'];

const SCAN_FLAGS = [
  'rescan',
  'scanGenerateCovers',
  'scanGeneratePreviews',
  'scanGenerateImagePreviews',
  'scanGenerateSprites',
  'scanGeneratePhashes',
  'scanGenerateThumbnails',
  'scanGenerateClipPreviews',
];

function validateStashBoxes(boxes: Record<string, any>[]): unknown[] {
  const multi = boxes.length > 1;
  for (const box of boxes) {
    if (box.api_key === '') throw new MockStashError('Stash-box: API Key cannot be blank');
    if (box.endpoint === '') throw new MockStashError('Stash-box: endpoint cannot be blank');
    let valid = false;
    try {
      const url = new URL(box.endpoint);
      valid = url.host !== '' && url.pathname.endsWith('/graphql');
    } catch {
      valid = false;
    }
    if (!valid) throw new MockStashError('Stash-box: endpoint is invalid');
    if (multi && box.name === '') throw new MockStashError('Stash-box: name cannot be blank');
  }
  return boxes.map((b) => ({ ...b, max_requests_per_minute: b.max_requests_per_minute ?? 0 }));
}
