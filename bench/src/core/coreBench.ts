import type { FindScenesData, Fixtures } from '../fixtures/loadFixtures';
import { blackhole, collectGarbage, interleave, settledHeapUsed } from '../harness/interleave';
import {
  environment,
  metric,
  table,
  type Environment,
  type Metric,
  type RatioResult,
} from '../harness/results';
import { formatBytes, formatMs, formatRatio, medianRatio } from '../harness/stats';
import { Stopwatch, cpuOf, scale, wallOf, type Timing } from '../harness/stopwatch';
import { apolloSubject } from './apolloSubject';
import type { CoreCache, CoreSubject, SlimPerformer } from './coreSubject';
import { mapWalkSubject } from './mapWalkSubject';
import { SCENE_SELECTION } from '../fixtures/sceneSelection';
import { stashkitSubject } from './stashkitSubject';
import { findUpdateTarget, type UpdateTarget } from './updateTarget';

// The contenders of this run: the three below, plus `stashkit@base` when a baseline core is given.
let SUBJECTS: readonly CoreSubject[] = [mapWalkSubject, apolloSubject, stashkitSubject];
type Name = string;
let NAMES: Name[] = SUBJECTS.map((s) => s.name);
const BASE = 'stashkit@base';

/** Per-loop wall budget for the fast loops, so each sample covers many operations. */
const LOOP_BUDGET_MS = 60;

export interface CoreBenchOptions {
  rounds: number;
  /** A core build to compare with in the same run (see `baselineSubject`), and the commit it is at. */
  baseline?: { subject: CoreSubject; commit: string };
}

/** Per contender: the CPU-time metric (primary) and the wall-time one. */
export type MetricPair = Record<Name, { cpu: Metric; wall: Metric }>;

export interface CoreRatio extends RatioResult {
  /** The same ratio from wall-clock samples. */
  wall: number | null;
}

export interface CoreBenchResult {
  environment: Environment;
  rounds: number;
  /** Commit of the `stashkit@base` contender, when there was one. */
  baselineCommit?: string;
  fixture: {
    librarySize: number;
    smallScenes: number;
    largeScenes: number;
    distinctEntities: Record<string, number>;
  };
  metrics: Record<string, MetricPair>;
  heap: Record<Name, Metric>;
  ratios: CoreRatio[];
}

/** ns per scene for reading every field of the list selection of the 1k page's scenes (links resolved). */
function timeSelectionReads(cache: CoreCache, ids: readonly string[]): Timing {
  let ops = 0;
  let fields = 0;
  const clock = Stopwatch.start();
  const start = performance.now();
  do {
    for (let i = 0; i < ids.length; i++) fields += cache.readSceneSelection(ids[i], SCENE_SELECTION);
    ops += ids.length;
  } while (performance.now() - start < LOOP_BUDGET_MS);
  blackhole.value = fields;
  return scale(clock.elapsed(), 1e6 / ops);
}

function subject(name: Name): CoreSubject {
  return SUBJECTS.find((s) => s.name === name)!;
}

/**
 * Mean time to ingest a page into `reps` fresh caches (created before the clock starts). With `heap`,
 * each cache ingests its own fresh copy of the page, the copies are dropped, and after full GCs the heap
 * retained per cache goes to `heap`: whatever a cache keeps of a response (shared strings, embedded
 * objects) counts, as it would in an app that drops the response.
 */
async function timeIngest(
  s: CoreSubject,
  fixtures: Fixtures,
  which: 'small' | 'large',
  reps: number,
  heap?: { samples: number[]; json: string },
): Promise<Timing> {
  collectGarbage();
  const baseline = heap === undefined ? 0 : await settledHeapUsed();
  let pages: FindScenesData[] | null =
    heap === undefined ? null : Array.from({ length: reps }, () => JSON.parse(heap.json) as FindScenesData);
  const caches = Array.from({ length: reps }, () => s.create());
  collectGarbage();
  const data = fixtures[which];
  const variables = fixtures.variables[which];
  const clock = Stopwatch.start();
  for (let i = 0; i < reps; i++) caches[i].ingest(pages === null ? data : pages[i], variables);
  const time = scale(clock.elapsed(), 1 / reps);
  pages = null;
  if (heap !== undefined) heap.samples.push(((await settledHeapUsed()) - baseline) / reps);
  blackhole.value = caches;
  blackhole.value = undefined;
  return time;
}

/** ns per warm read, cycling through the ids until the budget is spent. */
function timeWarmReads(cache: CoreCache, ids: readonly string[]): Timing {
  let ops = 0;
  const clock = Stopwatch.start();
  const start = performance.now();
  do {
    for (let i = 0; i < ids.length; i++) blackhole.value = cache.readScene(ids[i]);
    ops += ids.length;
  } while (performance.now() - start < LOOP_BUDGET_MS);
  return scale(clock.elapsed(), 1e6 / ops);
}

/** µs per (write a changed performer, read a scene that links it); every write really changes the name. */
function timeUpdates(cache: CoreCache, target: UpdateTarget, counter: { n: number }): Timing {
  let ops = 0;
  const clock = Stopwatch.start();
  const start = performance.now();
  do {
    const name = `${target.performer.name} #${++counter.n}`;
    const performer: SlimPerformer = { ...target.performer, name };
    cache.writePerformer(performer);
    const names = cache.readScenePerformerNames(target.sceneId);
    if (!names.includes(name))
      throw new Error(`bench: update not visible in the scene read (${names.join(', ')})`);
    ops++;
  } while (performance.now() - start < LOOP_BUDGET_MS || ops < 20);
  return scale(clock.elapsed(), 1e3 / ops);
}

/** Each contender must read back what it ingested before any timing counts. */
function checkSubjects(fixtures: Fixtures, target: UpdateTarget): void {
  const scenes = fixtures.large.findScenes.scenes;
  for (const s of SUBJECTS) {
    const cache = s.create();
    cache.ingest(fixtures.large, fixtures.variables.large);
    for (const scene of [scenes[0], scenes[scenes.length - 1], scenes[4321]]) {
      if (cache.readScene(scene.id) == null) throw new Error(`bench: ${s.name} lost Scene:${scene.id}`);
    }
    const expected = target.scene.performers.map((p) => p.name).join(',');
    const got = cache.readScenePerformerNames(target.sceneId).join(',');
    if (got !== expected) throw new Error(`bench: ${s.name} read performers ${got}, expected ${expected}`);
  }
}

export async function runCoreBench(fixtures: Fixtures, options: CoreBenchOptions): Promise<CoreBenchResult> {
  const { rounds } = options;
  SUBJECTS = [mapWalkSubject, apolloSubject, stashkitSubject];
  if (options.baseline !== undefined) SUBJECTS = [...SUBJECTS, options.baseline.subject];
  NAMES = SUBJECTS.map((s) => s.name);
  const target = findUpdateTarget(fixtures.large);
  checkSubjects(fixtures, target);
  const log = (what: string) => console.log(`  core: ${what}`);

  log('ingest of the 1k page');
  // Three warm-up rounds: stashkit's normalizer needs about ten 1k ingests before the JIT has settled.
  const ingestSmall = await interleave(NAMES, rounds, (n) => timeIngest(subject(n), fixtures, 'small', 3), {
    warmupRounds: 3,
  });
  log('ingest of the 10k page, and the heap it retains');
  // The 10k page is ingested from a freshly parsed response each time, as an app would after a fetch.
  const largeJson = JSON.stringify(fixtures.large);
  const heap = Object.fromEntries(NAMES.map((n) => [n, [] as number[]])) as Record<Name, number[]>;
  const ingestLarge = await interleave(NAMES, rounds, (n, round) =>
    timeIngest(subject(n), fixtures, 'large', 1, { samples: round >= 0 ? heap[n] : [], json: largeJson }),
  );

  log('warm reads and update + read');
  const warmCaches = Object.fromEntries(
    SUBJECTS.map((s) => {
      const cache = s.create();
      cache.ingest(fixtures.large, fixtures.variables.large);
      return [s.name, cache];
    }),
  ) as Record<Name, CoreCache>;
  // Warm reads cycle over one 1k page's ids in a cache holding 10k scenes: Apollo's result cache
  // (50k selection sets by default) holds that working set, but thrashes when cycling all 10k.
  const readIds = fixtures.small.findScenes.scenes.map((s) => s.id);
  const warm = await interleave(NAMES, rounds, (n) => timeWarmReads(warmCaches[n], readIds));
  log('reading every selected field of the 1k list');
  const fieldCounts = Object.fromEntries(
    NAMES.map((n) => [
      n,
      readIds.reduce((a, id) => a + warmCaches[n].readSceneSelection(id, SCENE_SELECTION), 0),
    ]),
  );
  for (const n of NAMES) {
    if (fieldCounts[n] === fieldCounts['map-walk']) continue;
    // The baseline core dropped id-less gallery files/folders (before cfb2c63): it reads fewer fields.
    if (n === BASE) log(`${BASE} reads ${fieldCounts[n]} values, the others ${fieldCounts['map-walk']}`);
    else throw new Error(`bench: ${n} read ${fieldCounts[n]} values, map-walk ${fieldCounts['map-walk']}`);
  }
  const selection = await interleave(NAMES, rounds, (n) => timeSelectionReads(warmCaches[n], readIds));
  const counter = { n: 0 };
  const update = await interleave(NAMES, rounds, (n) => timeUpdates(warmCaches[n], target, counter));
  blackhole.value = warmCaches;
  blackhole.value = undefined;

  const pair = (samples: Record<Name, Timing[]>, unit: Metric['unit']) =>
    Object.fromEntries(
      NAMES.map((n) => [n, { cpu: metric(unit, cpuOf(samples[n])), wall: metric(unit, wallOf(samples[n])) }]),
    ) as MetricPair;
  const metrics: CoreBenchResult['metrics'] = {
    'ingest 1k page': pair(ingestSmall, 'ms'),
    'ingest 10k page': pair(ingestLarge, 'ms'),
    'warm read (1k ids)': pair(warm, 'ns/op'),
    'update performer + read scene': pair(update, 'µs/op'),
    'read all selected fields (1k list), per scene': pair(selection, 'ns/op'),
  };

  const ratios: CoreRatio[] = [];
  const ratioOf = (
    name: string,
    samples: Record<Name, Timing[]>,
    a: Name,
    b: Name,
    target: string | null = null,
    pass: ((v: number) => boolean) | null = null,
  ) => {
    const value = medianRatio(cpuOf(samples[a]), cpuOf(samples[b]));
    const wall = medianRatio(wallOf(samples[a]), wallOf(samples[b]));
    ratios.push({ name, value, wall, target, pass: pass === null ? null : pass(value) });
  };
  for (const [label, s] of [
    ['ingest 1k', ingestSmall],
    ['ingest 10k', ingestLarge],
  ] as const) {
    ratioOf(`${label}: stashkit / map-walk`, s, 'stashkit', 'map-walk', '<= 1.0', (v) => v <= 1.0);
    ratioOf(`${label}: apollo / stashkit`, s, 'apollo', 'stashkit', '>= 6', (v) => v >= 6);
  }
  const warmNs = metrics['warm read (1k ids)'].stashkit;
  ratios.push({
    name: 'warm getCached: stashkit ns/op',
    value: warmNs.cpu.median,
    wall: warmNs.wall.median,
    target: '<= 1000 ns',
    pass: warmNs.cpu.median <= 1000,
  });
  ratioOf('warm read: stashkit / map-walk', warm, 'stashkit', 'map-walk');
  ratioOf('warm read: apollo / stashkit', warm, 'apollo', 'stashkit');
  ratioOf('update + read: stashkit / map-walk', update, 'stashkit', 'map-walk');
  ratioOf('read all fields: stashkit / map-walk', selection, 'stashkit', 'map-walk');
  ratioOf('read all fields: apollo / stashkit', selection, 'apollo', 'stashkit');
  if (NAMES.includes(BASE)) {
    // Against the baseline core in the same run: within 10% where the issue says so.
    ratioOf('ingest 1k: stashkit / base', ingestSmall, 'stashkit', BASE);
    ratioOf('ingest 10k: stashkit / base', ingestLarge, 'stashkit', BASE);
    ratioOf('update + read: stashkit / base', update, 'stashkit', BASE, '<= 1.1', (v) => v <= 1.1);
    ratioOf('read all fields: stashkit / base', selection, 'stashkit', BASE);
    ratioOf('warm getCached: stashkit / base', warm, 'stashkit', BASE);
  }
  ratioOf('update + read: apollo / stashkit', update, 'apollo', 'stashkit');
  const heapRatio = medianRatio(heap.stashkit, heap['map-walk']);
  ratios.push({
    name: 'heap 10k: stashkit / map-walk',
    value: heapRatio,
    wall: null,
    target: '<= 1.3',
    pass: heapRatio <= 1.3,
  });
  if (NAMES.includes(BASE)) {
    const v = medianRatio(heap.stashkit, heap[BASE]);
    ratios.push({
      name: 'heap 10k: stashkit / base',
      value: v,
      wall: null,
      target: '<= 1.1',
      pass: v <= 1.1,
    });
  }
  ratios.push({
    name: 'heap 10k: apollo / stashkit',
    value: medianRatio(heap.apollo, heap.stashkit),
    wall: null,
    target: null,
    pass: null,
  });

  return {
    environment: environment(),
    rounds,
    baselineCommit: options.baseline?.commit,
    fixture: {
      librarySize: fixtures.librarySize,
      smallScenes: fixtures.small.findScenes.scenes.length,
      largeScenes: fixtures.large.findScenes.scenes.length,
      distinctEntities: countEntities(fixtures),
    },
    metrics,
    heap: Object.fromEntries(NAMES.map((n) => [n, metric('bytes', heap[n])])) as Record<Name, Metric>,
    ratios,
  };
}

function countEntities(fixtures: Fixtures): Record<string, number> {
  const cache = mapWalkSubject.create() as unknown as { records: Map<string, unknown> } & CoreCache;
  cache.ingest(fixtures.large, fixtures.variables.large);
  const counts: Record<string, number> = {};
  for (const key of cache.records.keys()) {
    const type = key.slice(0, key.indexOf(':'));
    counts[type] = (counts[type] ?? 0) + 1;
  }
  return counts;
}

function formatValue(unit: Metric['unit'], value: number): string {
  switch (unit) {
    case 'ms':
      return formatMs(value);
    case 'ns/op':
      return `${value.toFixed(0)} ns`;
    case 'µs/op':
      return `${value.toFixed(value >= 100 ? 0 : 2)} µs`;
    case 'bytes':
      return formatBytes(value);
  }
}

export function coreMarkdown(result: CoreBenchResult): string {
  const env = result.environment;
  const rows = Object.entries(result.metrics).map(([label, byName]) => [
    label,
    ...NAMES.map((n) => `${formatValue(byName[n].cpu.unit, byName[n].cpu.median)}`),
    ...NAMES.map((n) => `${formatValue(byName[n].wall.unit, byName[n].wall.median)}`),
  ]);
  rows.push([
    'retained heap, 10k page',
    ...NAMES.map((n) => formatBytes(result.heap[n].median)),
    ...NAMES.map(() => ''),
  ]);
  const ratioRows = result.ratios.map((r) => {
    const isNs = r.name.includes('ns/op');
    const show = (v: number) => (isNs ? `${v.toFixed(0)} ns` : formatRatio(v));
    return [
      r.name,
      show(r.value),
      r.wall === null ? '—' : show(r.wall),
      r.target ?? '—',
      r.pass === null ? '' : r.pass ? 'pass' : '**miss**',
    ];
  });
  const entities = Object.entries(result.fixture.distinctEntities)
    .map(([t, c]) => `${t} ${c}`)
    .join(', ');
  return [
    '# Core benchmark: stashkit vs Apollo InMemoryCache 3.14 vs a Map-walk normalizer',
    '',
    `Medians of ${result.rounds} interleaved rounds (rotating order, after warm-up rounds). ${env.date}, ` +
      `Node ${env.node}, ${env.cores} × ${env.cpu}, load ${env.loadAverage.join(' ')}, ` +
      `NODE_ENV=${env.nodeEnv ?? 'unset'}, commit ${env.commit}` +
      (result.baselineCommit === undefined
        ? '.'
        : `; \`stashkit@base\` is the core at ${result.baselineCommit} (a worktree of it), run in the same process.`),
    `Pages: findScenes of ${result.fixture.smallScenes} and ${result.fixture.largeScenes} scenes from the mock ` +
      `(library of ${result.fixture.librarySize}); the 10k page normalizes to ${entities}.`,
    'CPU = process user + system time (primary; robust to a busy machine); wall = elapsed time.',
    '',
    table(['median', ...NAMES.map((n) => `${n} (CPU)`), ...NAMES.map((n) => `${n} (wall)`)], rows),
    '',
    'Ratios are computed per round, then the median is taken.',
    '',
    table(['ratio', 'CPU', 'wall', 'target', ''], ratioRows),
    '',
  ].join('\n');
}
