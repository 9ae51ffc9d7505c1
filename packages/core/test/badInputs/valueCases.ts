/** Catalog: draft values and side-operation arguments, checked by the one value checker. */
import type { BadInput, Seeded } from './harness';

type Draft = Record<string, unknown>;
const set = (pick: (t: Seeded) => Draft, field: string, value: unknown) => (t: Seeded) => {
  pick(t)[field] = value;
};
const scene = (t: Seeded) => t.sceneDraft;
const gallery = (t: Seeded) => t.galleryDraft;
const performer = (t: Seeded) => t.store.edit(t.performer as never) as unknown as Draft;

/** `[draft, field, value, text the message names]`. */
const BAD_VALUES: readonly (readonly [(t: Seeded) => Draft, string, unknown, string | readonly string[]])[] =
  [
    [scene, 'rating100', 2 ** 40, ['32-bit integer', '1099511627776']],
    [scene, 'rating100', -(2 ** 31) - 1, ['32-bit integer', '-2147483649']],
    [scene, 'rating100', 1.5, ['an integer', '1.5']],
    [scene, 'rating100', '50', ['an integer', '"50"']],
    [scene, 'rating100', NaN, ['an integer', 'NaN']],
    [scene, 'rating100', Infinity, ['an integer', 'Infinity']],
    [scene, 'rating100', 10n, ['an integer', '10n']],
    [scene, 'date', '2020-13-45', ['a date Stash parses', '"2020-13-45"']],
    [scene, 'date', '2020-02-30', ['a date Stash parses', '"2020-02-30"']],
    [scene, 'date', '2019-02-29', '"2019-02-29"'],
    [scene, 'date', 'yesterday', '"yesterday"'],
    [scene, 'date', '', 'a date Stash parses'],
    [scene, 'date', '2020-1-1', '"2020-1-1"'],
    [scene, 'date', '2020-01-01T25:00:00Z', '"2020-01-01T25:00:00Z"'],
    [scene, 'date', 20200101, ['a string', '20200101']],
    [scene, 'date', new Date(0), ['a string', 'Date(1970-01-01']],
    [gallery, 'date', '2020-00', '"2020-00"'],
    [performer, 'birthdate', '1990-02-30', '"1990-02-30"'],
    [performer, 'death_date', '31/12/2020', '"31/12/2020"'],
    [performer, 'gender', 'ROBOT', ['GenderEnum', '"ROBOT"']],
    [performer, 'gender', 'male', ['GenderEnum', '"male"']],
    [performer, 'height_cm', 170.5, ['an integer', '170.5']],
    [scene, 'organized', 'true', ['true or false', '"true"']],
    [scene, 'organized', 1, ['true or false', '1']],
    [scene, 'title', 5, ['a string', '5']],
    [scene, 'title', {}, ['a string', '{}']],
    [scene, 'title', ['a'], ['a string', '["a"]']],
    [scene, 'urls', 'http://x', ['must be a list', '[String!]']],
    [scene, 'urls', [1], ['urls[0]', 'a string', '1']],
    [scene, 'urls', ['a', null], ['urls[1]', 'must not be null']],
    [performer, 'penis_length', NaN, ['finite number', 'NaN']],
    [performer, 'penis_length', Infinity, ['finite number', 'Infinity']],
    [scene, 'resume_time', 5, 'not writable'],
    [scene, 'studio', 'x', ['Scene.studio', '"x"']],
    [scene, 'studio', 5, ['Scene.studio', '5']],
    [scene, 'studio', { __typename: 'Tag', id: '3' }, 'got a Tag'],
    [scene, 'tags', 'x', 'must be a list of entities'],
    [scene, 'tags', [null], 'Scene.tags[0]'],
    [scene, 'tags', [{}], 'Scene.tags[0]'],
    [scene, 'tags', null, 'set [] to clear it'],
    [scene, 'groups', [{ group: { id: '3' }, scene_index: 1.5 }], ['scene_index', '1.5']],
    [scene, 'groups', [{ group: { id: '3' }, nope: 1 }], '"nope"'],
    [scene, 'groups', [{ scene_index: 1 }], 'needs group_id'],
    [scene, 'stash_ids', [{ endpoint: 1, stash_id: 'x' }], ['endpoint', '1']],
    [scene, 'stash_ids', ['x'], 'stash_ids[0]'],
    [scene, 'nope', 1, ['Scene has no field "nope"']],
    [scene, 'titel', 'x', ['"titel"', 'did you mean "title"']],
    [scene, 'id', '5', ['id is read-only']],
    [scene, 'isDirty', false, ['isDirty is read-only']],
    [scene, 'created_at', '2020-01-01', 'not writable'],
    [scene, 'o_counter', 5, 'not writable'],
    [gallery, 'nope', 1, 'Gallery has no field "nope"'],
  ];

/** `[draft, method, args, text the message names]`. */
const BAD_CALLS: readonly (readonly [(t: Seeded) => Draft, string, unknown[], string | readonly string[]])[] =
  [
    [scene, 'addO', [['yesterday']], ['addO(times)[0]', '"yesterday"']],
    [scene, 'addO', [['2020-02-30']], '"2020-02-30"'],
    [scene, 'addO', [['<4x']], '"<4x"'],
    [scene, 'addO', [['<']], '"<"'],
    [scene, 'addO', [[1]], ['addO(times)[0]', '1']],
    [scene, 'addO', ['2020-01-01'], ['list of timestamps', '"2020-01-01"']],
    [scene, 'addO', [[], 1], 'takes one argument'],
    [scene, 'deleteO', [[null]], 'null'],
    [scene, 'addPlay', [['tomorrow']], '"tomorrow"'],
    [scene, 'deletePlay', [{}], ['list of timestamps', '{}']],
    [scene, 'saveActivity', [{ resumeTime: -1 }], ['resumeTime', '-1']],
    [scene, 'saveActivity', [{ resumeTime: NaN }], 'NaN'],
    [scene, 'saveActivity', [{ playDuration: Infinity }], 'Infinity'],
    [scene, 'saveActivity', [{ nope: 1 }], '"nope"'],
    [scene, 'saveActivity', [{}], 'needs at least one'],
    [scene, 'saveActivity', ['5'], ['takes an object', '"5"']],
    [scene, 'resetActivity', [{ resume: 'yes' }], ['resume', '"yes"']],
    [scene, 'resetActivity', [{ all: true }], '"all"'],
    [scene, 'setResumeTime', [NaN], 'NaN'],
    [scene, 'setResumeTime', ['10'], '"10"'],
    [scene, 'setResumeTime', [], 'takes one number'],
    [gallery, 'addImages', [[]], 'non-empty list'],
    [gallery, 'addImages', ['6'], 'non-empty list'],
    [gallery, 'removeImages', [[{ id: '6x' }]], '"6x"'],
    [gallery, 'setCover', ['6'], 'setCover(image)'],
    [gallery, 'resetCover', [1], 'takes no arguments'],
  ];

export const VALUE_CASES: BadInput[] = [
  ...BAD_VALUES.map(([pick, field, value, names]): BadInput => ({
    name: `draft.${field} = ${typeof value === 'bigint' ? `${value}n` : String(JSON.stringify(value))?.slice(0, 30)} (${pick.name})`,
    run: set(pick, field, value),
    names: names as string[],
  })),
  ...BAD_CALLS.map(([pick, method, args, names]): BadInput => ({
    name: `${pick.name}.${method}(${args.map((a) => JSON.stringify(a)).join(', ')})`,
    run: (t) => (pick(t)[method] as (...a: unknown[]) => unknown)(...args),
    names: names as string[],
  })),
];
