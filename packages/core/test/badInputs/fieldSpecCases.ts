/** Catalog: malformed field specs and `fields` options, for every read that takes them. */
import type { BadInput } from './harness';

/** `[spec, text the message names]`, read on a Studio (which has `scene_count(depth: Int)`). */
const BAD_SPECS: readonly (readonly [unknown, string | readonly string[]])[] = [
  ['title } mutation { sceneDestroy(input: {id: 1})', ['one field per segment', '} mutation']],
  ['name }', 'one field per segment'],
  ['name name', 'one field per segment'],
  ['name, scene_count', 'one field per segment'],
  ['n: name', 'aliases are not supported'],
  ['name @include(if: true)', 'one field per segment'],
  ['name { id }', 'one field per segment'],
  ['scene_count(depth: $x)', ['literal values', '$x']],
  ['scene_count(depth: 1, depth: 2)', ['"depth" twice']],
  ['scene_count(depth: "x")', ['Int', '"x"']],
  ['scene_count(depth: [1])', ['not a list', '[1]']],
  ['scene_count(depth: 99999999999)', ['between -2147483648 and 2147483647', '99999999999']],
  ['scene_count(depth: Infinity)', ['Int', 'Infinity']],
  ['scene_count(depth: 1.5)', ['Int', '1.5']],
  ['scene_count(depth: 1e3)', ['Int', '1e3']],
  ['scene_count(depth: true)', ['Int', 'true']],
  ['scene_count(depth: {a: 1})', 'input object arguments are not supported'],
  ['scene_count(depth: 01)', 'malformed number'],
  ['scene_count(depth: 1x)', 'malformed number'],
  ['scene_count(depth: -)', 'expected a value'],
  ['scene_count(depth 1)', 'expected ":"'],
  ['scene_count(depth: 1', 'expected ")"'],
  ['scene_count(nope: 1)', ['no argument "nope"', 'depth: Int']],
  ['name(depth: 1)', ['no argument "depth"', 'takes none']],
  ['scene_count()x', 'one field per segment'],
  ['scene_count(depth: """1""")', 'block strings'],
  ['scene_count(depth: "unterminated)', 'unterminated string'],
  ['9name', 'expected a field name'],
  ['parent_studio..name', 'malformed field spec'],
  ['parent_studio.name(', 'expected'],
  ['nmae', ['no field "nmae"']],
  ['', 'non-empty strings'],
  ['   ', 'non-empty strings'],
  ['name'.repeat(300), 'at most 1000'],
  [1, 'non-empty strings, got 1'],
  [null, 'non-empty strings, got null'],
  [{}, 'non-empty strings, got {}'],
];

/** Studio-less specs for the file interface and the gallery argument fields. */
const OTHER_SPECS: readonly (readonly [string, string, string, string | readonly string[]])[] = [
  ['Scene', '1', 'files.fingerprint', ['needs the argument "type: String!"']],
  ['Scene', '1', 'files.fingerprint(type: md5)', ['String', 'md5']],
  ['Scene', '1', 'files.fingerprint(type: null)', ['non-null', 'null']],
  ['Scene', '1', 'files.fingerprint(type: 1)', ['String', '1']],
  ['Scene', '1', 'files.fingerprint(type: "a\u0001")', 'control character'],
  ['Scene', '1', 'files.fingerprint(type: "\\q")', 'bad escape'],
  ['Scene', '1', 'files.fingerprint(type: "\\u12")', 'bad \\u escape'],
  ['Gallery', '5', 'image', ['needs the argument "index: Int!"']],
  ['Gallery', '5', 'image(index: "0")', ['Int', '"0"']],
  ['Gallery', '5', 'image(index: 2147483648)', ['2147483648']],
  ['Scene', '1', 'title(x: [[[[[[[[[[1]]]]]]]]]])', 'nested too deep'],
];

const BAD_FIELDS_OPTIONS: readonly (readonly [unknown, string])[] = [
  ['title', `got "title"`],
  [{}, 'got {}'],
  [42, 'got 42'],
  [{ length: 1, 0: 'title' }, 'an array of field specs'],
];

export const FIELD_SPEC_CASES: BadInput[] = [
  ...BAD_SPECS.map(([spec, names]): BadInput => ({
    name: `get(Studio, 2, fields: [${String(JSON.stringify(spec)).slice(0, 40)}])`,
    run: (t) => t.store.get('Studio', '2', { fields: ['name', spec] as never }),
    names: names as string[],
  })),
  ...BAD_SPECS.slice(0, 16).map(([spec, names]): BadInput => ({
    name: `populate(studio, [${String(JSON.stringify(spec)).slice(0, 40)}])`,
    run: (t) => t.store.populate(t.studio as never, [spec] as never),
    names: names as string[],
  })),
  ...BAD_SPECS.slice(0, 8).map(([spec, names]): BadInput => ({
    name: `find(Studio, {}, fields: [${String(JSON.stringify(spec)).slice(0, 40)}])`,
    run: (t) => t.store.find('Studio', {}, { fields: [spec] as never }),
    names: names as string[],
  })),
  ...BAD_SPECS.slice(0, 4).map(([spec, names]): BadInput => ({
    name: `getMany(Studio, [2], fields: [${String(JSON.stringify(spec)).slice(0, 40)}])`,
    run: (t) => t.store.getMany('Studio', ['2'], { fields: [spec] as never }),
    names: names as string[],
  })),
  ...OTHER_SPECS.map(([type, id, spec, names]): BadInput => ({
    name: `get(${type}, ${id}, fields: [${spec.slice(0, 40)}])`,
    run: (t) => t.store.get(type as 'Scene', id, { fields: [spec] as never }),
    names: names as string[],
  })),
  ...BAD_FIELDS_OPTIONS.map(([fields, names]): BadInput => ({
    name: `get(Scene, 1, fields: ${JSON.stringify(fields)})`,
    run: (t) => t.store.get('Scene', '1', { fields: fields as never }),
    names: ['fields must be an array', names],
  })),
  ...BAD_FIELDS_OPTIONS.slice(0, 2).map(([fields, names]): BadInput => ({
    name: `find(Scene, {}, fields: ${JSON.stringify(fields)})`,
    run: (t) => t.store.find('Scene', {}, { fields: fields as never }),
    names: ['fields must be an array', names],
  })),
];
