import type { Fixtures } from '../fixtures/loadFixtures';
import { blackhole, collectGarbage, interleave } from '../harness/interleave';
import {
  environment,
  metric,
  table,
  type Environment,
  type Metric,
  type RatioResult,
} from '../harness/results';
import { formatBytes, formatMs, formatRatio, medianRatio } from '../harness/stats';
import { apolloSubject } from './apolloSubject';
import type { CoreCache, CoreSubject, SlimPerformer } from './coreSubject';
import { findUpdateTarget, type UpdateTarget } from './updateTarget';
import { mapWalkSubject } from './mapWalkSubject';
import { stashkitSubject } from './stashkitSubject';

const SUBJECTS: readonly CoreSubject[] = [mapWalkSubject, apolloSubject, stashkitSubject];
type Name = 'map-walk' | 'apollo' | 'stashkit';
const NAMES = SUBJECTS.map((s) => s.name as Name);

export interface CoreBenchOptions {
  rounds: number;
}

export interface CoreBenchResult {
  environment: Environment;
  rounds: number;
  fixture: {
    librarySize: number;
    smallScenes: number;
    largeScenes: number;
    distinctEntities: Record<string, number>;
  };
  metrics: Record<string, Record<Name, Metric>>;
  ratios: RatioResult[];
}

/** Per-loop time budget for the ns-scale loops, so each sample covers many operations. */
const LOOP_BUDGET_MS = 60;

function subject(name: Name): CoreSubject {
  return SUBJECTS.find((s) => s.name === name)!;
}

/**
 * Mean ms to ingest a page into `reps` fresh caches (created before the clock starts). Then, after full
 * GCs, the heap those caches retain beyond the page itself, per cache, goes to `heap` when given.
 */
function timeIngest(
  s: CoreSubject,
  fixtures: Fixtures,
  which: 'small' | 'large',
  reps: number,
  heap?: number[],
): number {
  collectGarbage();
  const baseline = process.memoryUsage().heapUsed;
  const caches = Array.from({ length: reps }, () => s.create());
  collectGarbage();
  const data = fixtures[which];
  const variables = fixtures.variables[which];
  const start = performance.now();
  for (const cache of caches) cache.ingest(data, variables);
  const ms = (performance.now() - start) / reps;
  if (heap !== undefined) {
    collectGarbage();
    heap.push((process.memoryUsage().heapUsed - baseline) / reps);
  }
  blackhole.value = caches;
  blackhole.value = undefined;
  return ms;
}

/** ns per warm read, cycling through every scene id of the page until the budget is spent. */
function timeWarmReads(cache: CoreCache, ids: readonly string[]): number {
  let ops = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    for (let i = 0; i < ids.length; i++) blackhole.value = cache.readScene(ids[i]);
    ops += ids.length;
    elapsed = performance.now() - start;
  } while (elapsed < LOOP_BUDGET_MS);
  return (elapsed * 1e6) / ops;
}

/** µs per (write a changed performer, read a scene that links it); every write really changes the name. */
function timeUpdates(cache: CoreCache, target: UpdateTarget, counter: { n: number }): number {
  let ops = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    const name = `${target.performer.name} #${++counter.n}`;
    const performer: SlimPerformer = { ...target.performer, name };
    cache.writePerformer(performer);
    const names = cache.readScenePerformerNames(target.sceneId);
    if (!names.includes(name))
      throw new Error(`bench: update not visible in the scene read (${names.join(', ')})`);
    ops++;
    elapsed = performance.now() - start;
  } while (elapsed < LOOP_BUDGET_MS || ops < 20);
  return (elapsed * 1e3) / ops;
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
  const target = findUpdateTarget(fixtures.large);
  checkSubjects(fixtures, target);
  // Warm reads cycle over one 1k page's ids in a cache holding 10k scenes: Apollo's result cache
  // (50k selection sets by default) holds that working set, but thrashes when cycling all 10k.
  const readIds = fixtures.small.findScenes.scenes.map((s) => s.id);
  const metrics: CoreBenchResult['metrics'] = {};
  const log = (what: string) => console.log(`  core: ${what}`);

  log('ingest of the 1k page');
  const ingestSmall = await interleave(NAMES, rounds, (n) => timeIngest(subject(n), fixtures, 'small', 3));
  log('ingest of the 10k page, and the heap it retains');
  const heap = Object.fromEntries(NAMES.map((n) => [n, [] as number[]])) as Record<Name, number[]>;
  const ingestLarge = await interleave(NAMES, rounds, (n, round) =>
    timeIngest(subject(n), fixtures, 'large', 1, round >= 0 ? heap[n] : undefined),
  );

  log('warm reads and update + read');
  const warmCaches = Object.fromEntries(
    SUBJECTS.map((s) => {
      const cache = s.create();
      cache.ingest(fixtures.large, fixtures.variables.large);
      return [s.name, cache];
    }),
  ) as Record<Name, CoreCache>;
  const warm = await interleave(NAMES, rounds, (n) => timeWarmReads(warmCaches[n], readIds));
  const counter = { n: 0 };
  const update = await interleave(NAMES, rounds, (n) => timeUpdates(warmCaches[n], target, counter));
  blackhole.value = warmCaches;
  blackhole.value = undefined;

  const perName = (samples: Record<Name, number[]>, unit: Metric['unit']) =>
    Object.fromEntries(NAMES.map((n) => [n, metric(unit, samples[n])])) as Record<Name, Metric>;
  metrics['ingest 1k'] = perName(ingestSmall, 'ms');
  metrics['ingest 10k'] = perName(ingestLarge, 'ms');
  metrics['warm read (1k ids)'] = perName(warm, 'ns/op');
  metrics['update + read'] = perName(update, 'µs/op');
  metrics['heap 10k'] = perName(heap, 'bytes');

  const ratio = (name: string, value: number, target: string | null, pass: boolean | null): RatioResult => ({
    name,
    value,
    target,
    pass,
  });
  const sk = (s: Record<Name, number[]>) => s.stashkit;
  const ratios: RatioResult[] = [];
  for (const [label, s] of [
    ['ingest 1k', ingestSmall],
    ['ingest 10k', ingestLarge],
  ] as const) {
    const overFloor = medianRatio(sk(s), s['map-walk']);
    const apolloOver = medianRatio(s.apollo, sk(s));
    ratios.push(ratio(`${label}: stashkit / map-walk`, overFloor, '<= 1.5', overFloor <= 1.5));
    ratios.push(ratio(`${label}: apollo / stashkit`, apolloOver, '>= 6', apolloOver >= 6));
  }
  const warmNs = metrics['warm read (1k ids)'].stashkit.median;
  ratios.push(ratio('warm getCached: stashkit ns/op', warmNs, '<= 1000 ns', warmNs <= 1000));
  ratios.push(
    ratio('warm read: stashkit / map-walk', medianRatio(warm.stashkit, warm['map-walk']), null, null),
  );
  ratios.push(ratio('warm read: apollo / stashkit', medianRatio(warm.apollo, warm.stashkit), null, null));
  ratios.push(
    ratio('update + read: stashkit / map-walk', medianRatio(update.stashkit, update['map-walk']), null, null),
  );
  ratios.push(
    ratio('update + read: apollo / stashkit', medianRatio(update.apollo, update.stashkit), null, null),
  );
  const heapRatio = medianRatio(heap.stashkit, heap['map-walk']);
  ratios.push(ratio('heap 10k: stashkit / map-walk', heapRatio, '<= 1.3', heapRatio <= 1.3));
  ratios.push(ratio('heap 10k: apollo / stashkit', medianRatio(heap.apollo, heap.stashkit), null, null));

  return {
    environment: environment(),
    rounds,
    fixture: {
      librarySize: fixtures.librarySize,
      smallScenes: fixtures.small.findScenes.scenes.length,
      largeScenes: fixtures.large.findScenes.scenes.length,
      distinctEntities: countEntities(warmCaches['map-walk']),
    },
    metrics,
    ratios,
  };
}

function countEntities(cache: CoreCache): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const key of (cache as unknown as { records: Map<string, unknown> }).records.keys()) {
    const type = key.slice(0, key.indexOf(':'));
    counts[type] = (counts[type] ?? 0) + 1;
  }
  return counts;
}

function formatMetric(m: Metric): string {
  switch (m.unit) {
    case 'ms':
      return formatMs(m.median);
    case 'ns/op':
      return `${m.median.toFixed(0)} ns`;
    case 'µs/op':
      return `${m.median.toFixed(2)} µs`;
    case 'bytes':
      return formatBytes(m.median);
  }
}

export function coreMarkdown(result: CoreBenchResult): string {
  const env = result.environment;
  const rows = Object.entries(result.metrics).map(([label, byName]) => [
    label,
    ...NAMES.map((n) => formatMetric(byName[n])),
  ]);
  const ratioRows = result.ratios.map((r) => [
    r.name,
    r.name.includes('ns/op') ? `${r.value.toFixed(0)} ns` : formatRatio(r.value),
    r.target ?? '—',
    r.pass === null ? '' : r.pass ? 'pass' : '**miss**',
  ]);
  const entities = Object.entries(result.fixture.distinctEntities)
    .map(([t, c]) => `${t} ${c}`)
    .join(', ');
  return [
    '# Core benchmark: stashkit vs Apollo InMemoryCache 3.14 vs a Map-walk normalizer',
    '',
    `Medians of ${result.rounds} interleaved rounds (rotating order). ${env.date}, Node ${env.node}, ` +
      `${env.cores} × ${env.cpu}, load ${env.loadAverage.join(' ')}, NODE_ENV=${env.nodeEnv ?? 'unset'}, commit ${env.commit}.`,
    `Pages: findScenes of ${result.fixture.smallScenes} and ${result.fixture.largeScenes} scenes from the mock ` +
      `(library of ${result.fixture.librarySize}); the 10k page holds ${entities}.`,
    '',
    table(['median', ...NAMES], rows),
    '',
    'Ratios are computed per round, then the median is taken.',
    '',
    table(['ratio', 'median', 'target', ''], ratioRows),
    '',
  ].join('\n');
}
