/**
 * Side mutations as draft operations: the fields Stash changes only through their own mutations
 * (o-counter and o-history, play count and history, resume time and play duration, gallery cover
 * and images) are changed by queued operations (`draft.addO()`, `draft.setResumeTime(42)`), not
 * by assigning fields. They are sent after the draft's create/update, in the order queued; each
 * one is dropped from the queue as soon as the server confirms it, so a retry never repeats one
 * (history mutations are not idempotent). Results patch the cached counters.
 *
 * One declarative table: method name -> mutation, arguments, result selection, cache patch, and
 * what else goes stale (the same rule shape as `invalidationRules.ts`).
 */
import { StashValidationError } from '../errors';
import { checkRefId, describe, isRef, type IdResolver } from '../drafts/draftValues';
import type { InvalidationRule } from './invalidationRules';
import { isStashTimestamp } from '../validate/scalarValue';
import { show } from '../validate/showValue';
import { isPlainObject } from '../validate/plainObject';

export interface SideOpArg {
  readonly name: string;
  /** Printed GraphQL type (`ID!`, `[Timestamp!]`, `GalleryAddInput!`). */
  readonly type: string;
}

/** What a confirmed side mutation does to the cache. */
export interface SideOpPatch {
  /** Server values to write into the record (marked received). */
  readonly values?: Record<string, unknown>;
  /** Fields whose new value the result does not tell: marked stale (refetched on next read). */
  readonly stale?: readonly string[];
}

export interface SideOpSpec {
  readonly typename: string;
  /** Draft method name. */
  readonly method: string;
  readonly mutation: string;
  readonly args: readonly SideOpArg[];
  /** Result selection, for object results (`count history`). */
  readonly select?: readonly string[];
  /** Checks the method's parameters (throws `StashValidationError`) and returns what is queued. */
  readonly params: (args: readonly unknown[]) => readonly unknown[];
  /** Argument values, given the draft's server id (references resolved at send time). */
  readonly variables: (
    id: string,
    params: readonly unknown[],
    resolve: IdResolver,
  ) => Record<string, unknown>;
  readonly patch: (result: unknown, params: readonly unknown[]) => SideOpPatch;
  readonly invalidates?: InvalidationRule;
}

const ID: SideOpArg = { name: 'id', type: 'ID!' };
const TIMES: SideOpArg = { name: 'times', type: '[Timestamp!]' };

function optionalTimes(args: readonly unknown[], method: string): readonly unknown[] {
  const times = args[0];
  if (args.length > 1)
    throw new StashValidationError(`StashDraft: ${method}(times?) takes one argument, got ${args.length}`);
  if (times === undefined) return [undefined];
  if (!Array.isArray(times))
    throw new StashValidationError(
      `StashDraft: ${method}(times) takes a list of timestamps, got ${show(times)}`,
    );
  times.forEach((t, i) => {
    if (typeof t !== 'string' || !isStashTimestamp(t))
      throw new StashValidationError(
        `StashDraft: ${method}(times)[${i}] must be a timestamp (RFC 3339 such as "2024-01-31T12:00:00Z", "YYYY-MM-DD", or "<4h"/">5m"), got ${show(t)}`,
      );
  });
  return [Object.freeze([...times])];
}

/** The one options object of `method` (or undefined), refusing other arguments and unknown keys. */
function options(args: readonly unknown[], method: string, keys: readonly string[]): object | undefined {
  const o = args[0];
  const shape = `${method}({ ${keys.map((k) => k + '?').join(', ')} })`;
  if (args.length > 1) throw new StashValidationError(`StashDraft: ${shape} takes one argument`);
  if (o === undefined) return undefined;
  if (!isPlainObject(o))
    throw new StashValidationError(`StashDraft: ${shape} takes an object, got ${show(o)}`);
  for (const k of Object.keys(o))
    if (!keys.includes(k)) throw new StashValidationError(`StashDraft: ${shape} has no option "${k}"`);
  return o;
}

function none(method: string) {
  return (args: readonly unknown[]) => {
    if (args.length > 0) throw new StashValidationError(`StashDraft: ${method}() takes no arguments`);
    return [];
  };
}

function seconds(value: unknown, what: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new StashValidationError(
      `StashDraft: ${what} must be a number of seconds >= 0, got ${describe(value)}`,
    );
  }
  return value;
}

function refs(value: unknown, what: string): readonly object[] {
  if (Array.isArray(value)) value.forEach((v, i) => checkRefId(v, `${what}[${i}]`));
  if (!Array.isArray(value) || value.length === 0 || !value.every(isRef)) {
    throw new StashValidationError(
      `StashDraft: ${what} takes a non-empty list of Image snapshots, drafts or { id }`,
    );
  }
  return Object.freeze([...value]);
}

type History = { count: number; history: string[] };

const SCENE_O: InvalidationRule = {
  fields: { Performer: ['o_counter'], Studio: ['o_counter'], Group: ['o_counter'] },
  lists: ['Scene', 'Performer', 'Studio', 'Group'],
};
const SCENE_PLAY: InvalidationRule = { lists: ['Scene'] };
const IMAGE_O: InvalidationRule = {
  fields: { Performer: ['o_counter'], Studio: ['o_counter'] },
  lists: ['Image', 'Performer', 'Studio'],
};
const GALLERY_IMAGES: InvalidationRule = {
  fields: { Image: ['galleries'], Performer: ['image_count'], Tag: ['image_count'], Studio: ['image_count'] },
  lists: ['Gallery', 'Image'],
};

function history(
  method: string,
  mutation: string,
  counter: string,
  list: string,
  extraStale: string[] = [],
): SideOpSpec {
  return {
    typename: 'Scene',
    method,
    mutation,
    args: [ID, TIMES],
    select: ['count', 'history'],
    params: (args) => optionalTimes(args, method),
    variables: (id, [times]) => (times === undefined ? { id } : { id, times }),
    patch: (result) => {
      const r = result as History;
      return { values: { [counter]: r.count, [list]: r.history }, stale: extraStale };
    },
    invalidates: counter === 'o_counter' ? SCENE_O : SCENE_PLAY,
  };
}

function reset(
  typename: string,
  method: string,
  mutation: string,
  values: (n: number) => Record<string, unknown>,
  stale: string[],
  rule: InvalidationRule,
): SideOpSpec {
  return {
    typename,
    method,
    mutation,
    args: [ID],
    params: /*#__PURE__*/ none(method),
    variables: (id) => ({ id }),
    patch: (result) => ({ values: values(result as number), stale }),
    invalidates: rule,
  };
}

export const SIDE_OPS: readonly SideOpSpec[] = [
  /*#__PURE__*/ history('addO', 'sceneAddO', 'o_counter', 'o_history'),
  /*#__PURE__*/ history('deleteO', 'sceneDeleteO', 'o_counter', 'o_history'),
  /*#__PURE__*/ reset(
    'Scene',
    'resetO',
    'sceneResetO',
    (n) => ({ o_counter: n, o_history: [] }),
    [],
    SCENE_O,
  ),
  /*#__PURE__*/ history('addPlay', 'sceneAddPlay', 'play_count', 'play_history', ['last_played_at']),
  /*#__PURE__*/ history('deletePlay', 'sceneDeletePlay', 'play_count', 'play_history', ['last_played_at']),
  /*#__PURE__*/ reset(
    'Scene',
    'resetPlayCount',
    'sceneResetPlayCount',
    (n) => ({ play_count: n, play_history: [] }),
    ['last_played_at'],
    SCENE_PLAY,
  ),
  {
    typename: 'Scene',
    method: 'saveActivity',
    mutation: 'sceneSaveActivity',
    args: [ID, { name: 'resume_time', type: 'Float' }, { name: 'playDuration', type: 'Float' }],
    params: (args) => {
      const o = options(args, 'saveActivity', ['resumeTime', 'playDuration']) as
        { resumeTime?: unknown; playDuration?: unknown } | undefined;
      if (o === undefined || (o.resumeTime === undefined && o.playDuration === undefined)) {
        throw new StashValidationError(
          'StashDraft: saveActivity({ resumeTime?, playDuration? }) needs at least one of them',
        );
      }
      return [seconds(o.resumeTime, 'resumeTime'), seconds(o.playDuration, 'playDuration')];
    },
    variables: (id, [resume, duration]) => ({
      id,
      ...(resume !== undefined ? { resume_time: resume } : {}),
      ...(duration !== undefined ? { playDuration: duration } : {}),
    }),
    // Stash adds playDuration to the stored total, so the new total is not known: refetch it.
    patch: (_result, [resume, duration]) => ({
      values: resume !== undefined ? { resume_time: resume } : undefined,
      stale: duration !== undefined ? ['play_duration'] : [],
    }),
    invalidates: SCENE_PLAY,
  },
  {
    typename: 'Scene',
    method: 'setResumeTime',
    mutation: 'sceneSaveActivity',
    args: [ID, { name: 'resume_time', type: 'Float' }],
    params: (args) => {
      const s = seconds(args[0], 'setResumeTime(seconds)');
      if (s === undefined || args.length > 1)
        throw new StashValidationError('StashDraft: setResumeTime(seconds) takes one number');
      return [s];
    },
    variables: (id, [resume]) => ({ id, resume_time: resume }),
    patch: (_result, [resume]) => ({ values: { resume_time: resume } }),
    invalidates: SCENE_PLAY,
  },
  {
    typename: 'Scene',
    method: 'resetActivity',
    mutation: 'sceneResetActivity',
    args: [ID, { name: 'reset_resume', type: 'Boolean' }, { name: 'reset_duration', type: 'Boolean' }],
    params: (args) => {
      const o = (options(args, 'resetActivity', ['resume', 'duration']) ?? {
        resume: true,
        duration: true,
      }) as { resume?: unknown; duration?: unknown };
      for (const k of ['resume', 'duration'] as const)
        if (o[k] !== undefined && typeof o[k] !== 'boolean')
          throw new StashValidationError(
            `StashDraft: resetActivity({ ${k} }) must be true or false, got ${show(o[k])}`,
          );
      return [o.resume === true, o.duration === true];
    },
    variables: (id, [resume, duration]) => ({ id, reset_resume: resume, reset_duration: duration }),
    patch: (_result, [resume, duration]) => ({
      values: {
        ...(resume === true ? { resume_time: null } : {}),
        ...(duration === true ? { play_duration: null } : {}),
      },
    }),
    invalidates: SCENE_PLAY,
  },
  /*#__PURE__*/ reset('Image', 'incrementO', 'imageIncrementO', (n) => ({ o_counter: n }), [], IMAGE_O),
  /*#__PURE__*/ reset('Image', 'decrementO', 'imageDecrementO', (n) => ({ o_counter: n }), [], IMAGE_O),
  /*#__PURE__*/ reset('Image', 'resetO', 'imageResetO', (n) => ({ o_counter: n }), [], IMAGE_O),
  {
    typename: 'Gallery',
    method: 'setCover',
    mutation: 'setGalleryCover',
    args: [{ name: 'input', type: 'GallerySetCoverInput!' }],
    params: (args) => {
      checkRefId(args[0], 'setCover(image)');
      if (!isRef(args[0]))
        throw new StashValidationError(
          'StashDraft: setCover(image) takes an Image snapshot, draft or { id }',
        );
      return [args[0]];
    },
    variables: (id, [image], resolve) => ({
      input: { gallery_id: id, cover_image_id: resolve(image as object, 'Image') },
    }),
    patch: () => ({ stale: ['cover', 'paths'] }),
  },
  {
    typename: 'Gallery',
    method: 'resetCover',
    mutation: 'resetGalleryCover',
    args: [{ name: 'input', type: 'GalleryResetCoverInput!' }],
    params: /*#__PURE__*/ none('resetCover'),
    variables: (id) => ({ input: { gallery_id: id } }),
    patch: () => ({ stale: ['cover', 'paths'] }),
  },
  {
    typename: 'Gallery',
    method: 'addImages',
    mutation: 'addGalleryImages',
    args: [{ name: 'input', type: 'GalleryAddInput!' }],
    params: (args) => [refs(args[0], 'addImages(images)')],
    variables: (id, [images], resolve) => ({
      input: { gallery_id: id, image_ids: (images as object[]).map((i) => resolve(i, 'Image')) },
    }),
    patch: () => ({ stale: ['image_count', 'cover', 'paths'] }),
    invalidates: GALLERY_IMAGES,
  },
  {
    typename: 'Gallery',
    method: 'removeImages',
    mutation: 'removeGalleryImages',
    args: [{ name: 'input', type: 'GalleryRemoveInput!' }],
    params: (args) => [refs(args[0], 'removeImages(images)')],
    variables: (id, [images], resolve) => ({
      input: { gallery_id: id, image_ids: (images as object[]).map((i) => resolve(i, 'Image')) },
    }),
    patch: () => ({ stale: ['image_count', 'cover', 'paths'] }),
    invalidates: GALLERY_IMAGES,
  },
];

/** Side operations of one type, by draft method name. */
export function sideOpsOf(typename: string): ReadonlyMap<string, SideOpSpec> {
  let map = byType.get(typename);
  if (map === undefined) {
    map = new Map(SIDE_OPS.filter((s) => s.typename === typename).map((s) => [s.method, s]));
    byType.set(typename, map);
  }
  return map;
}
const byType = new Map<string, ReadonlyMap<string, SideOpSpec>>();
