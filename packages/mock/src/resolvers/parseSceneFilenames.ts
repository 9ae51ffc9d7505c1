import { posix } from 'node:path';
import type { MockDb } from '../db/MockDb';
import type { SceneRow } from '../db/rows';
import { MockStashError } from '../errors';
import { goRegExp } from '../filter/likePattern';
import type { ResolverContext } from './context';
import { nilPointerPanic } from './goPanic';
import { runList, type FindFilterInput } from './listEngine';

/** Stash's parser fields: the regex each `{field}` becomes, and whether its match is captured. */
const FIELDS: Record<string, { regex: string; captured: boolean; fullDate?: boolean }> = {
  title: { regex: '.*', captured: true },
  ext: { regex: '.*$', captured: false },
  d: { regex: '(?:\\.|-|_)', captured: false },
  rating: { regex: '\\d', captured: true },
  rating100: { regex: '\\d', captured: true },
  performer: { regex: '.*', captured: true },
  studio: { regex: '.*', captured: true },
  movie: { regex: '.*', captured: true },
  tag: { regex: '.*', captured: true },
  date: { regex: '\\d{4}-\\d{2}-\\d{2}', captured: true },
  yyyy: { regex: '\\d{4}', captured: true },
  yy: { regex: '\\d{2}', captured: true },
  mm: { regex: '\\d{2}', captured: true },
  mmm: { regex: '\\w{3}', captured: true },
  dd: { regex: '\\d{2}', captured: true },
  yyyymmdd: { regex: '\\d{8}', captured: true, fullDate: true },
  yymmdd: { regex: '\\d{6}', captured: true, fullDate: true },
  ddmmyyyy: { regex: '\\d{8}', captured: true, fullDate: true },
  ddmmyy: { regex: '\\d{6}', captured: true, fullDate: true },
  mmddyyyy: { regex: '\\d{8}', captured: true, fullDate: true },
  mmddyy: { regex: '\\d{6}', captured: true, fullDate: true },
};

const ESCAPE = /([-.()[\]])/g;
const DELIMITERS = /[._-]/g;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

interface Mapper {
  regexString: string;
  regex: RegExp;
  fields: string[];
}

/** The pattern as Stash's newParseMapper builds it: escaped, `{}` a wildcard, fields and `{i}` replaced. */
function parseMapper(pattern: string, ignoreWords: readonly string[]): Mapper {
  let regex = pattern.replace(ESCAPE, '\\$1').replace(/\{\}/g, '.*');
  for (const [name, field] of Object.entries(FIELDS)) {
    regex = regex.replaceAll(`{${name}}`, field.captured ? `(${field.regex})` : field.regex);
  }
  const ignore = ignoreWords.map((w) => `(?:${w.replace(ESCAPE, '\\$1').trim()})`);
  regex = regex.replaceAll('{i}', ignore.length > 0 ? `(?:${ignore.join('|')})` : '');
  const compiled = goRegExp(`(?i)${regex}`);
  const invalid = regex.match(/\{[A-Za-z]+\}/g);
  if (invalid) throw new MockStashError(`Invalid fields: ${invalid.join(', ')}`);
  const fields = [...pattern.matchAll(/\{([A-Za-z]+)\}/g)]
    .map((m) => m[1]!)
    .filter((name) => FIELDS[name]?.captured);
  return { regexString: regex, regex: compiled, fields };
}

/** `YYYY-MM-DD` with Stash's ranges (year 1900–2100) and a real calendar day, else null. */
function parseDate(text: string): string | null {
  const parts = text.split('-');
  if (parts.length !== 3) return null;
  const [y, m, d] = parts.map((p) => (/^[+-]?\d+$/.test(p) ? Number(p) : 0)) as [number, number, number];
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? text : null;
}

interface Parsed {
  title: string;
  date: string | null;
  rating: number | null;
  yyyy: string;
  mm: string;
  dd: string;
  performers: string[];
  groups: string[];
  studio: string;
  tags: string[];
}

/** A full-date field (`yyyymmdd`, ...): set only when the scene has a date and this one differs, as Stash. */
function fullDate(scene: SceneRow, field: string, value: string, out: Parsed): void {
  const yearLength = field.split('y').length - 1;
  // where year, month and day start in the value, by the field's layout
  const [year, month, day] = field.startsWith('y')
    ? [0, yearLength, yearLength + 2]
    : field.startsWith('dd')
      ? [4, 2, 0]
      : [4, 0, 2];
  const date = parseDate(
    `${value.slice(year, year + yearLength)}-${value.slice(month, month + 2)}-${value.slice(day, day + 2)}`,
  );
  if (date && scene.date !== null && scene.date !== date) out.date = date;
}

function setField(scene: SceneRow, field: string, value: string, out: Parsed): void {
  if (FIELDS[field]?.fullDate) return fullDate(scene, field, value, out);
  const n = /^[+-]?\d+$/.test(value) ? Number(value) : 0;
  switch (field) {
    case 'title':
      out.title = value;
      break;
    case 'date':
      out.date = parseDate(value);
      break;
    case 'rating':
      if (n >= 1 && n <= 5) out.rating = n * 20;
      break;
    case 'rating100':
      if (n >= 1 && n <= 100) out.rating = n;
      break;
    case 'performer':
      out.performers.push(value);
      break;
    case 'studio':
      out.studio = value;
      break;
    case 'movie':
      out.groups.push(value);
      break;
    case 'tag':
      out.tags.push(value);
      break;
    case 'yyyy':
      out.yyyy = value;
      break;
    case 'yy':
      out.yyyy = `20${value}`;
      break;
    case 'mmm': {
      const i = MONTHS.indexOf(value.toLowerCase());
      out.mm = i < 0 ? '' : String(i + 1).padStart(2, '0');
      break;
    }
    case 'mm':
      out.mm = value;
      break;
    case 'dd':
      out.dd = value;
      break;
  }
}

/** Matches the scene's file name (its whole path when the pattern has a separator) against the mapper. */
function parseScene(db: MockDb, mapper: Mapper, scene: SceneRow): Parsed | null {
  const path = scene.file_ids[0] ? (db.get('File', scene.file_ids[0])?.path ?? '') : '';
  const usePath = mapper.regexString.includes('\\\\') || mapper.regexString.includes('/');
  const match = mapper.regex.exec(usePath ? path : posix.basename(path) || '.');
  if (!match) return null;
  const out: Parsed = {
    ...{ title: '', date: null, rating: null, yyyy: '', mm: '', dd: '', studio: '' },
    ...{ performers: [], groups: [], tags: [] },
  };
  for (let i = 1; i < match.length; i++) setField(scene, mapper.fields[i - 1]!, match[i] ?? '', out);
  if (out.yyyy && out.mm && out.dd) out.date = parseDate(`${out.yyyy}-${out.mm}-${out.dd}`);
  return out;
}

const fold = (s: string) => s.toLowerCase();

/** The first row (in id order) whose name, else one of whose aliases, equals `name` ignoring case. */
function byName<T extends { id: string; name: string }>(
  rows: Iterable<T>,
  name: string,
  aliases?: (row: T) => readonly string[],
): T | undefined {
  const want = fold(name.replace(DELIMITERS, ' '));
  const list = [...rows];
  return (
    list.find((r) => fold(r.name) === want) ??
    (aliases ? list.find((r) => aliases(r).some((a) => fold(a) === want)) : undefined)
  );
}

function idsOf<T extends { id: string }>(names: string[], find: (name: string) => T | undefined): string[] {
  const ids: string[] = [];
  for (const name of names) {
    const row = name ? find(name) : undefined;
    if (row && !ids.includes(row.id)) ids.push(row.id);
  }
  return ids;
}

interface ParserInput {
  ignoreWords?: string[] | null;
  whitespaceCharacters?: string | null;
  capitalizeTitle?: boolean | null;
  ignoreOrganized?: boolean | null;
}

/** The result row: only the fields Stash's parser fills (the 1–100 rating lands in the deprecated `rating`). */
function result(db: MockDb, scene: SceneRow, p: Parsed, config: ParserInput, whitespace: RegExp | null) {
  let title: string | null = null;
  if (p.title) {
    title = whitespace ? p.title.replace(whitespace, ' ').replace(/ {2,}/g, ' ') : p.title;
    if (config.capitalizeTitle) title = title.replace(/(?:^| )\w/g, (m) => m.toUpperCase());
  }
  const studio = p.studio ? byName(db.table('Studio').values(), p.studio, (s) => s.aliases) : undefined;
  const performerIds = idsOf(p.performers, (n) => byName(db.table('Performer').values(), n));
  const tagIds = idsOf(p.tags, (n) => byName(db.table('Tag').values(), n, (t) => t.aliases));
  const groupIds = idsOf(p.groups, (n) => byName(db.table('Group').values(), n));
  return {
    scene,
    title,
    date: p.date,
    rating: p.rating,
    rating100: null,
    studio_id: studio?.id ?? null,
    performer_ids: performerIds.length > 0 ? performerIds : null,
    tag_ids: tagIds.length > 0 ? tagIds : null,
    movies: groupIds.length > 0 ? groupIds.map((id) => ({ movie_id: id, scene_index: null })) : null,
  };
}

/**
 * `parseSceneFilenames(filter, config)` as Stash's FilenameParser: `filter.q` is the pattern; the scenes whose
 * path matches it (not organized ones with `ignoreOrganized`) are paged by `filter`, and each whose file name
 * matches gets a result. `count` counts the path matches.
 */
export function parseSceneFilenames(
  ctx: ResolverContext,
  filter: FindFilterInput | null | undefined,
  config: ParserInput,
) {
  // Stash reads `*filter.Q` first: no filter or no q is a nil dereference.
  if (filter?.q == null) throw new MockStashError(nilPointerPanic);
  const mapper = parseMapper(filter.q, config.ignoreWords ?? []);
  const sceneFilter: Record<string, unknown> = {
    path: { modifier: 'MATCHES_REGEX', value: `(?i)${mapper.regexString}` },
  };
  if (config.ignoreOrganized) sceneFilter.organized = false;
  const list = runList('Scene', sceneFilter, { ...filter, q: null }, ctx.db);
  const ws = config.whitespaceCharacters?.trim();
  const whitespace = ws ? new RegExp(`[${ws.replace(ESCAPE, '\\$1')}]`, 'g') : null;
  const results = [];
  for (const scene of list.items) {
    const parsed = parseScene(ctx.db, mapper, scene);
    if (parsed) results.push(result(ctx.db, scene, parsed, config, whitespace));
  }
  return { count: list.count, results };
}
