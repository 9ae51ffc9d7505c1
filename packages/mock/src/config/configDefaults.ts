/** Stash's configuration defaults (internal/manager/config) for a fresh install whose config lives in `/root/.stash`. */
const HOME = '/root/.stash';

const community = (url: string) => [{ name: 'Community (stable)', url, local_path: 'community' }];

export function defaultGeneral(apiKey: string) {
  return {
    stashes: [{ path: '/data', excludeVideo: false, excludeImage: false }],
    databasePath: `${HOME}/stash-go.sqlite`,
    backupDirectoryPath: '',
    deleteTrashPath: '',
    generatedPath: `${HOME}/generated`,
    metadataPath: `${HOME}/metadata`,
    configFilePath: `${HOME}/config.yml`,
    scrapersPath: `${HOME}/scrapers`,
    pluginsPath: `${HOME}/plugins`,
    cachePath: `${HOME}/cache`,
    blobsPath: `${HOME}/blobs`,
    blobsStorage: 'FILESYSTEM',
    ffmpegPath: '',
    ffprobePath: '',
    calculateMD5: false,
    videoFileNamingAlgorithm: 'OSHASH',
    parallelTasks: 1,
    previewAudio: true,
    previewSegments: 12,
    previewSegmentDuration: 0.75,
    previewExcludeStart: '0',
    previewExcludeEnd: '0',
    previewPreset: 'slow',
    transcodeHardwareAcceleration: false,
    maxTranscodeSize: 'ORIGINAL',
    maxStreamingTranscodeSize: 'ORIGINAL',
    transcodeInputArgs: [] as string[],
    transcodeOutputArgs: [] as string[],
    liveTranscodeInputArgs: [] as string[],
    liveTranscodeOutputArgs: [] as string[],
    drawFunscriptHeatmapRange: true,
    writeImageThumbnails: true,
    createImageClipsFromVideos: false,
    apiKey,
    username: '',
    password: '',
    maxSessionAge: 3600,
    logFile: '',
    logOut: true,
    logLevel: 'Info',
    logAccess: true,
    logFileMaxSize: 0,
    videoExtensions: [
      'm4v',
      'mp4',
      'mov',
      'wmv',
      'avi',
      'mpg',
      'mpeg',
      'rmvb',
      'rm',
      'flv',
      'asf',
      'mkv',
      'webm',
      'f4v',
    ],
    imageExtensions: ['png', 'jpg', 'jpeg', 'gif', 'webp', 'avif'],
    galleryExtensions: ['zip', 'cbz'],
    createGalleriesFromFolders: false,
    galleryCoverRegex: '(poster|cover|folder|board)\\.[^\\.]+$',
    excludes: [] as string[],
    imageExcludes: [] as string[],
    customPerformerImageLocation: '',
    stashBoxes: [] as unknown[],
    pythonPath: '',
    scraperPackageSources: community('https://stashapp.github.io/CommunityScrapers/stable/index.yml'),
    pluginPackageSources: community('https://stashapp.github.io/CommunityScripts/stable/index.yml'),
  };
}

export function defaultInterface() {
  return {
    sfwContentMode: false,
    menuItems: ['scenes', 'images', 'groups', 'markers', 'galleries', 'performers', 'studios', 'tags'],
    soundOnPreview: false,
    wallShowTitle: true,
    wallPlayback: 'video',
    showScrubber: true,
    maximumLoopDuration: 0,
    noBrowser: false,
    notificationsEnabled: true,
    autostartVideo: false,
    autostartVideoOnPlaySelected: true,
    continuePlaylistDefault: false,
    showStudioAsText: false,
    css: '',
    cssEnabled: false,
    javascript: '',
    javascriptEnabled: false,
    customLocales: '',
    customLocalesEnabled: false,
    language: 'en-US',
    // only slideshowDelay has a default; the rest stay null until set
    imageLightbox: {
      slideshowDelay: 5,
      displayMode: null,
      scaleUp: null,
      resetZoomOnNav: null,
      scrollMode: null,
      scrollAttemptsBeforeChange: 0,
      disableAnimation: null,
    } as Record<string, unknown>,
    disableDropdownCreate: { performer: false, tag: false, studio: false, movie: false, gallery: false },
    handyKey: '',
    funscriptOffset: 0,
    useStashHostedFunscript: false,
  };
}

export function defaultDLNA() {
  return {
    serverName: '',
    enabled: false,
    port: 1338,
    whitelistedIPs: [] as string[],
    interfaces: [] as string[],
    videoSortOrder: 'title',
  };
}

export function defaultScraping() {
  return {
    scraperUserAgent: '',
    scraperCDPPath: '',
    scraperCertCheck: true,
    excludeTagPatterns: [] as string[],
  };
}

export function defaultDefaults() {
  return {
    scan: null as unknown,
    identify: null as unknown,
    autoTag: null as unknown,
    generate: null as unknown,
    deleteFile: false,
    deleteGenerated: true,
  };
}

export type ConfigGeneral = ReturnType<typeof defaultGeneral>;
export type ConfigInterface = ReturnType<typeof defaultInterface>;
export type ConfigDLNA = ReturnType<typeof defaultDLNA>;
export type ConfigScraping = ReturnType<typeof defaultScraping>;
export type ConfigDefaults = ReturnType<typeof defaultDefaults>;
