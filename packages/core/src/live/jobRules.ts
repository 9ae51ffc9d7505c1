/**
 * What a finished Stash job can change, declared per job kind (like `INVALIDATION_RULES` for
 * mutations). Stash reports jobs by description only (`internal/manager/manager_tasks.go`:
 * "Scanning...", "Auto-tagging...", ...), so a rule matches the description.
 *
 * `types`: every cached record of these types goes stale (a job touches records it does not name);
 * `fields`/`lists`: as in `InvalidationRule`; `all`: every record and every list (import, plugin tasks).
 */
import type { InvalidationRule } from '../mutations/invalidationRules';

export interface JobRule extends InvalidationRule {
  /** Short name, shown in `LiveEvent`s. */
  readonly name: string;
  /** Matched against `Job.description`; the first matching rule wins. */
  readonly match: RegExp;
  readonly types?: readonly string[];
  /** One record instead of whole types: its type, the id being `match`'s first group. */
  readonly record?: string;
  readonly all?: boolean;
  /** Stash also fires `scanCompleteSubscribe` for this kind (scan, clean): the two count as one event. */
  readonly scanComplete?: boolean;
}

const FILES = ['VideoFile', 'ImageFile', 'GalleryFile', 'BasicFile', 'Folder'];
const MEDIA = ['Scene', 'Image', 'Gallery', 'SceneMarker', 'GalleryChapter'];
const TAGGABLE = ['Performer', 'Studio', 'Tag', 'Group'];

/** Every list type the store's observers can hold. */
export const ALL_LISTS: readonly string[] = [...MEDIA, ...TAGGABLE, 'SavedFilter', ...FILES];

/** Counters on the taggable types that media changes move. */
const COUNTS: InvalidationRule['fields'] = {
  Performer: ['scene_count', 'image_count', 'gallery_count', 'group_count', 'performer_count', 'o_counter'],
  Studio: ['scene_count', 'image_count', 'gallery_count', 'performer_count', 'group_count', 'o_counter'],
  Tag: [
    'scene_count',
    'scene_marker_count',
    'image_count',
    'gallery_count',
    'performer_count',
    'studio_count',
  ],
  Group: ['scene_count'],
};

export const JOB_RULES: readonly JobRule[] = [
  // Adds, updates and removes scenes, images, galleries and their files and folders.
  {
    name: 'scan',
    match: /^Scanning/,
    types: [...MEDIA, ...FILES],
    fields: COUNTS,
    lists: [...MEDIA, ...TAGGABLE, ...FILES],
    scanComplete: true,
  },
  // Before "Cleaning...": only generated files (previews, sprites) go; no library rows change.
  { name: 'cleanGenerated', match: /^Cleaning generated files/, types: ['Scene', 'Image'], lists: [] },
  {
    name: 'clean',
    match: /^Cleaning/,
    types: [...MEDIA, ...FILES],
    fields: COUNTS,
    lists: [...MEDIA, ...TAGGABLE, ...FILES],
    scanComplete: true,
  },
  // Sets performers, studios and tags on media from their paths.
  {
    name: 'autoTag',
    match: /^Auto-tagging/,
    types: ['Scene', 'Image', 'Gallery'],
    fields: COUNTS,
    lists: [...MEDIA, ...TAGGABLE],
  },
  // Scrapes scene metadata; may create performers, studios and tags.
  { name: 'identify', match: /^Identifying/, types: ['Scene', ...TAGGABLE], lists: [...MEDIA, ...TAGGABLE] },
  // One scene's screenshot (the scene page's "Generate default thumbnail"): its paths and cover.
  { name: 'sceneScreenshot', match: /^Generating screenshot for scene id (\d+)/, record: 'Scene', lists: [] },
  // Previews, sprites, phashes, heatmaps, screenshots: paths, fingerprints and interactive fields.
  {
    name: 'generate',
    match: /^Generat/,
    types: ['Scene', 'Image', 'SceneMarker', 'VideoFile', 'ImageFile'],
    lists: ['Scene', 'Image', 'SceneMarker'],
  },
  {
    name: 'stashBoxTag',
    match: /^Batch stash-box/,
    types: ['Performer', 'Studio', 'Tag'],
    lists: ['Performer', 'Studio', 'Tag'],
  },
  { name: 'import', match: /^Importing/, all: true },
  { name: 'migrate', match: /^Migrating/, all: true },
  // A plugin task may change anything.
  { name: 'pluginTask', match: /^Running plugin task/, all: true },
];

/** The rule for a job description (`undefined`: the job changes no library data, e.g. "Exporting..."). */
export function jobRule(description: string, rules: readonly JobRule[] = JOB_RULES): JobRule | undefined {
  return rules.find((r) => r.match.test(description));
}
