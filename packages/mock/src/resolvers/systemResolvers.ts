import { MockStashError } from '../errors';
import type { ResolverContext } from './context';

type Resolver = (source: unknown, args: any, ctx: ResolverContext) => unknown;

interface ScrapeSource {
  scraper_id?: string | null;
  stash_box_index?: number | null;
  stash_box_endpoint?: string | null;
}

const FRAGMENT_ONLY = { urls: null, supported_scrapes: ['FRAGMENT'] };
const FREEONES_URLS = ['freeones.xxx', 'freeones.com'];

/** Stash's two built-in scrapers (a fresh install has no others), sorted by name as ListScrapers sorts. */
const BUILTIN_SCRAPERS = [
  {
    id: 'builtin_autotag',
    name: 'Auto Tag',
    performer: null,
    scene: FRAGMENT_ONLY,
    gallery: FRAGMENT_ONLY,
    image: null,
    movie: null,
    group: null,
  },
  {
    id: 'builtin_freeones',
    name: 'Freeones',
    performer: { urls: FREEONES_URLS, supported_scrapes: ['NAME', 'URL'] },
    scene: null,
    gallery: null,
    image: null,
    movie: null,
    group: null,
  },
];

const TYPE_FIELD: Record<string, keyof (typeof BUILTIN_SCRAPERS)[number]> = {
  PERFORMER: 'performer',
  SCENE: 'scene',
  GALLERY: 'gallery',
  IMAGE: 'image',
  MOVIE: 'movie',
  GROUP: 'group',
};

const offline = (what: string) =>
  new MockStashError(`MockStash: ${what} needs the network, and the mock answers offline`);

/** Stash's scraper cache lookup: an unknown id is `scraper not found`; a built-in one would scrape. */
function scrapeWith(scraperId: string): never {
  if (scraperId === 'builtin_autotag') {
    throw new MockStashError('MockStash: the Auto Tag scraper is not implemented (use metadataAutoTag)');
  }
  if (scraperId === 'builtin_freeones') throw offline('the Freeones scraper');
  throw new MockStashError(`scraper not found: id ${scraperId}`);
}

/** Stash's resolveStashBox over the configured boxes; a box that resolves would be asked over the network. */
function stashBox(ctx: ResolverContext, source: ScrapeSource): never {
  const boxes = ctx.config.general.stashBoxes as { endpoint: string }[];
  if (source.stash_box_endpoint != null) {
    const endpoint = source.stash_box_endpoint.toLowerCase();
    const box = boxes.find((b) => b.endpoint.toLowerCase() === endpoint);
    if (!box) throw new MockStashError('stash box not found');
    throw offline(`stash-box ${box.endpoint}`);
  }
  const index = source.stash_box_index!;
  if (index < 0 || index >= boxes.length) throw new MockStashError(`invalid stash_box_index ${index}`);
  throw offline(`stash-box ${boxes[index]!.endpoint}`);
}

const hasBox = (s: ScrapeSource) => s.stash_box_index != null || s.stash_box_endpoint != null;

/** By URL: no installed scraper matches any URL (answer null) except Freeones' performer pages. */
function scrapeUrl(url: string, type: string): null {
  if (type === 'PERFORMER' && FREEONES_URLS.some((u) => url.includes(u)))
    throw offline('the Freeones scraper');
  return null;
}

/** `scrapeSingleGallery` / `scrapeSingleImage`: by scraper only, by id or by fragment. */
function scrapeGalleryOrImage(
  kind: 'gallery' | 'image',
  boxRefused: boolean,
  source: ScrapeSource,
  input: Record<string, any>,
): never {
  if (boxRefused) throw new MockStashError('not supported');
  if (source.scraper_id == null) throw new MockStashError('input error: scraper_id must be set');
  const id = input[`${kind}_id`];
  if (id != null && !/^-?\d+$/.test(id)) {
    throw new MockStashError(`input error: ${kind} id is not an integer: '${id}'`);
  }
  if (id != null || input[`${kind}_input`] != null) return scrapeWith(source.scraper_id);
  throw new MockStashError('not implemented');
}

/** The scrape queries as Stash's resolver_query_scraper.go checks their input, over the built-in scrapers. */
export const scraperQueries: Record<string, Resolver> = {
  listScrapers: (_, a: { types: string[] }) =>
    BUILTIN_SCRAPERS.filter((s) => a.types.some((t) => s[TYPE_FIELD[t]!] !== null)),
  scrapeSingleScene: (_, a, ctx) => {
    const source: ScrapeSource = a.source;
    const input = a.input ?? {};
    if (input.scene_id != null && !/^-?\d+$/.test(input.scene_id)) {
      throw new MockStashError(`input error: sceneID is not an integer: '${input.scene_id}'`);
    }
    if (source.scraper_id != null) {
      if (input.scene_id == null && input.scene_input == null && input.query == null) {
        throw new MockStashError('input error: scene_id, scene_input, or query must be set');
      }
      return scrapeWith(source.scraper_id);
    }
    if (hasBox(source)) return stashBox(ctx, source);
    throw new MockStashError('input error: scraper_id or stash_box_index must be set');
  },
  scrapeMultiScenes: (_, a, ctx) => {
    if (a.source.scraper_id != null) throw new MockStashError('not implemented');
    if (hasBox(a.source)) return stashBox(ctx, a.source);
    throw new MockStashError('scraper_id or stash_box_index must be set');
  },
  scrapeSingleStudio: (_, a, ctx) => {
    if (hasBox(a.source)) return stashBox(ctx, a.source);
    throw new MockStashError('stash_box_endpoint must be set');
  },
  scrapeSingleTag: (_, a, ctx) => {
    if (hasBox(a.source)) return stashBox(ctx, a.source);
    throw new MockStashError('stash_box_endpoint must be set');
  },
  scrapeSinglePerformer: (_, a, ctx) => {
    const input = a.input ?? {};
    if (a.source.scraper_id != null) {
      if (input.performer_input == null && input.query == null) throw new MockStashError('not implemented');
      return scrapeWith(a.source.scraper_id);
    }
    if (hasBox(a.source)) return stashBox(ctx, a.source);
    throw new MockStashError('scraper_id or stash_box_index must be set');
  },
  scrapeMultiPerformers: (_, a, ctx) => {
    if (a.source.scraper_id != null) throw new MockStashError('not implemented');
    if (hasBox(a.source)) return stashBox(ctx, a.source);
    throw new MockStashError('scraper_id or stash_box_index must be set');
  },
  // Stash refuses any stash-box for galleries, only a stash_box_index for images
  scrapeSingleGallery: (_, a) => scrapeGalleryOrImage('gallery', hasBox(a.source), a.source, a.input ?? {}),
  scrapeSingleImage: (_, a) =>
    scrapeGalleryOrImage('image', a.source.stash_box_index != null, a.source, a.input ?? {}),
  scrapeSingleMovie: () => {
    throw new MockStashError('not supported');
  },
  scrapeSingleGroup: () => {
    throw new MockStashError('not supported');
  },
  scrapeURL: (_, a: { url: string; ty: string }) => scrapeUrl(a.url, a.ty),
  scrapePerformerURL: (_, a: { url: string }) => scrapeUrl(a.url, 'PERFORMER'),
  scrapeSceneURL: (_, a: { url: string }) => scrapeUrl(a.url, 'SCENE'),
  scrapeGalleryURL: (_, a: { url: string }) => scrapeUrl(a.url, 'GALLERY'),
  scrapeImageURL: (_, a: { url: string }) => scrapeUrl(a.url, 'IMAGE'),
  scrapeMovieURL: (_, a: { url: string }) => scrapeUrl(a.url, 'MOVIE'),
  scrapeGroupURL: (_, a: { url: string }) => scrapeUrl(a.url, 'GROUP'),
};

/** Package manager, version check, DLNA status and stash-box validation. */
export const systemQueries: Record<string, Resolver> = {
  ...scraperQueries,
  // Nothing is installed through the package manager.
  installedPackages: () => [],
  // Stash downloads the source's index; the mock is offline and lists no available packages.
  availablePackages: () => [],
  // Stash asks GitHub; the mock answers offline that the running build is the latest release.
  latestversion: () => ({
    version: 'v0.30.1',
    shorthash: 'cf3489efd',
    release_date: '2026-01-11',
    url: 'https://github.com/stashapp/stash/releases/tag/v0.30.1',
  }),
  dlnaStatus: (_, _a, ctx) => ctx.dlna.status(ctx.runtime.clock.now()),
  // Stash asks the stash-box endpoint: a request that fails reads "No response from server".
  validateStashBoxCredentials: () => ({ valid: false, status: 'No response from server' }),
};

export const systemMutations: Record<string, Resolver> = {
  reloadScrapers: () => true,
  enableDLNA: (_, a, ctx) => {
    ctx.dlna.enable(ctx.runtime.clock.now(), a.input.duration);
    return true;
  },
  disableDLNA: (_, a, ctx) => {
    ctx.dlna.disable(ctx.runtime.clock.now(), a.input.duration);
    return true;
  },
  addTempDLNAIP: (_, a, ctx) => {
    ctx.dlna.addTempIP(ctx.runtime.clock.now(), a.input.address, a.input.duration);
    return true;
  },
  removeTempDLNAIP: (_, a, ctx) => ctx.dlna.removeTempIP(a.input.address),
};
