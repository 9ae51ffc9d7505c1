import type { Fixtures } from '../fixtures/loadFixtures';
import { SCENE_SELECTION } from '../fixtures/sceneSelection';
import { blackhole, interleave } from '../harness/interleave';
import {
  environment,
  metric,
  table,
  type Environment,
  type Metric,
  type RatioResult,
} from '../harness/results';
import { formatMs, formatRatio, medianRatio } from '../harness/stats';
import { Stopwatch, cpuOf, scale, wallOf, type Timing } from '../harness/stopwatch';
import { apolloList } from './apolloList';
import { CARD_SELECTION } from './cardSelection';
import type { ListCache, ListPage, ListSubject } from './listSubject';
import { mapWalkList } from './mapWalkList';
import { relayList } from './relayList';
import { stashkitFullReadList, stashkitList } from './stashkitList';
import { findStudioTarget, type StudioTarget } from './studioTarget';
import { walkPlain } from '../fixtures/sceneSelection';

const SUBJECTS: readonly ListSubject[] = [
  mapWalkList,
  stashkitList,
  stashkitFullReadList,
  relayList,
  apolloList,
];
const NAMES = SUBJECTS.map((s) => s.name);
const OBSERVING = SUBJECTS.filter((s) => s.observes).map((s) => s.name);
export const MOUNTED = [40, 100, 1000, 10_000] as const;
const UPDATES_PER_SAMPLE = 9;
const LOOP_BUDGET_MS = 150;

export interface ListsBenchResult {
  environment: Environment;
  rounds: number;
  readPaths: Record<string, string>;
  /** ms per read of the whole list with every selected field, per page and contender (CPU and wall). */
  reads: Record<ListPage, Record<string, { cpu: Metric; wall: Metric }>>;
  /** µs per studio rename until the one card showing it rendered, per mounted count and contender. */
  updates: Record<number, Record<string, { cpu: Metric; wall: Metric; maxRenders: number }>>;
  ratios: (RatioResult & { wall: number | null })[];
}

function timeRead(cache: ListCache, page: ListPage): Timing {
  let ops = 0;
  // One untimed read first: it pays the sweeping left by the harness's full GC before the sample,
  // which otherwise lands on the short 1k samples and on whoever allocates (see the README).
  let n = cache.readList(page, SCENE_SELECTION);
  const clock = Stopwatch.start();
  const start = performance.now();
  do {
    n += cache.readList(page, SCENE_SELECTION);
    ops++;
  } while (performance.now() - start < LOOP_BUDGET_MS || ops < 3);
  blackhole.value = n;
  return scale(clock.elapsed(), 1 / ops);
}

/** Mounted cards of one contender: renders counted per update, a waiter for the target card's new name. */
class Cards {
  renders = 0;
  maxRenders = 0;
  #expect: string | null = null;
  #done: (() => void) | null = null;

  render(index: number, data: unknown): void {
    blackhole.value = walkPlain(data, CARD_SELECTION);
    if (this.#expect === null) return;
    this.renders++;
    const studio = (data as { studio?: { name?: string } | null }).studio;
    if (index === 0 && studio?.name === this.#expect) {
      this.#expect = null;
      this.#done?.();
    }
  }

  async update(cache: ListCache, target: StudioTarget, name: string): Promise<Timing> {
    this.renders = 0;
    const delivered = new Promise<void>((resolve) => (this.#done = resolve));
    this.#expect = name;
    const clock = Stopwatch.start();
    cache.renameStudio(target.studioId, name);
    await delivered;
    const time = clock.elapsed();
    // Deliveries after the target card's (other cards, a second render) still count.
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (this.renders > this.maxRenders) this.maxRenders = this.renders;
    return time;
  }
}

export async function runListsBench(
  fixtures: Fixtures,
  { rounds }: { rounds: number },
): Promise<ListsBenchResult> {
  const log = (what: string) => console.log(`  lists: ${what}`);
  log('building the caches (both pages in each)');
  const caches = Object.fromEntries(SUBJECTS.map((s) => [s.name, s.create(fixtures)])) as Record<
    string,
    ListCache
  >;
  const reads = {} as ListsBenchResult['reads'];
  for (const page of ['small', 'large'] as const) {
    // Checked right before the page's reads: the 10k page read first (Apollo's result cache above
    // all) left a heap whose GCs made every 1k sample about 5x slower, the Map walk's included.
    const counts = NAMES.map((n) => caches[n].readList(page, SCENE_SELECTION));
    if (new Set(counts).size !== 1)
      throw new Error(`bench: ${page} list read counts differ: ${counts.join(', ')}`);
    log(`reading every selected field of the ${page === 'small' ? '1k' : '10k'} list`);
    const samples = await interleave(NAMES, rounds, (n) => timeRead(caches[n], page), { warmupRounds: 2 });
    reads[page] = Object.fromEntries(
      NAMES.map((n) => [n, { cpu: metric('ms', cpuOf(samples[n])), wall: metric('ms', wallOf(samples[n])) }]),
    );
  }

  const target = findStudioTarget(fixtures.large);
  const others = fixtures.large.findScenes.scenes.map((s) => s.id).filter((id) => id !== target.sceneId);
  const updates: ListsBenchResult['updates'] = {};
  const updateSamples: Record<number, Record<string, Timing[]>> = {};
  let counter = 0;
  for (const mounted of MOUNTED) {
    log(`one studio update with ${mounted} mounted cards`);
    const ids = [target.sceneId, ...others.slice(0, mounted - 1)];
    const cards = Object.fromEntries(OBSERVING.map((n) => [n, new Cards()])) as Record<string, Cards>;
    for (const n of OBSERVING)
      ids.forEach((id, i) => caches[n].mount(id, (data) => cards[n].render(i, data)));
    const samples = await interleave(OBSERVING, rounds, async (n) => {
      let cpu = 0;
      let wall = 0;
      for (let k = 0; k < UPDATES_PER_SAMPLE; k++) {
        const t = await cards[n].update(caches[n], target, `${target.studioName} #${++counter}`);
        cpu += t.cpu;
        wall += t.wall;
      }
      return { cpu: (cpu * 1000) / UPDATES_PER_SAMPLE, wall: (wall * 1000) / UPDATES_PER_SAMPLE };
    });
    for (const n of OBSERVING) caches[n].unmountAll();
    updateSamples[mounted] = samples;
    updates[mounted] = Object.fromEntries(
      OBSERVING.map((n) => [
        n,
        {
          cpu: metric('µs/op', cpuOf(samples[n])),
          wall: metric('µs/op', wallOf(samples[n])),
          maxRenders: cards[n].maxRenders,
        },
      ]),
    );
  }

  const ratios: ListsBenchResult['ratios'] = [];
  const readRatio = (
    page: ListPage,
    a: string,
    b: string,
    target: string | null,
    pass: ((v: number) => boolean) | null,
  ) => {
    const sa = reads[page][a];
    const sb = reads[page][b];
    const value = medianRatio(sa.cpu.samples, sb.cpu.samples);
    const wall = medianRatio(sa.wall.samples, sb.wall.samples);
    const label = page === 'small' ? '1k' : '10k';
    ratios.push({
      name: `read ${label} list: ${a} / ${b}`,
      value,
      wall,
      target,
      pass: pass === null ? null : pass(value),
    });
  };
  readRatio('small', 'stashkit', 'map-walk', '<= 1.0', (v) => v <= 1.0);
  readRatio('small', 'stashkit', 'relay', '<= 1.0', (v) => v <= 1.0);
  readRatio('small', 'stashkit', 'apollo', null, null);
  readRatio('small', 'stashkit-full', 'map-walk', null, null);
  readRatio('small', 'stashkit-full', 'relay', null, null);
  readRatio('large', 'stashkit', 'map-walk', null, null);
  readRatio('large', 'stashkit', 'relay', null, null);
  readRatio('large', 'stashkit-full', 'map-walk', null, null);
  readRatio('large', 'stashkit-full', 'relay', null, null);
  for (const n of OBSERVING) {
    const a = updateSamples[10_000][n];
    const b = updateSamples[100][n];
    const value = medianRatio(cpuOf(a), cpuOf(b));
    const wall = medianRatio(wallOf(a), wallOf(b));
    const isTarget = n === 'stashkit';
    ratios.push({
      name: `update, 10,000 / 100 mounted: ${n}`,
      value,
      wall,
      target: isTarget ? '<= 1.5' : null,
      pass: isTarget ? value <= 1.5 : null,
    });
  }
  const readPaths = Object.fromEntries(NAMES.map((n) => [n, caches[n].readPath]));
  return { environment: environment(), rounds, readPaths, reads, updates, ratios };
}

export function listsMarkdown(result: ListsBenchResult): string {
  const env = result.environment;
  const readRows = (['small', 'large'] as const).map((page) => [
    `read ${page === 'small' ? '1k' : '10k'} list + every selected field`,
    ...NAMES.map((n) => formatMs(result.reads[page][n].cpu.median)),
    ...NAMES.map((n) => formatMs(result.reads[page][n].wall.median)),
  ]);
  const us = (v: number) => `${v.toFixed(v >= 100 ? 0 : 1)} µs`;
  const updateRows = MOUNTED.map((m) => [
    `${m.toLocaleString('en-US')} mounted`,
    ...OBSERVING.map((n) => us(result.updates[m][n].cpu.median)),
    ...OBSERVING.map((n) => us(result.updates[m][n].wall.median)),
    ...OBSERVING.map((n) => String(result.updates[m][n].maxRenders)),
  ]);
  const ratioRows = result.ratios.map((r) => [
    r.name,
    formatRatio(r.value),
    r.wall === null ? '—' : formatRatio(r.wall),
    r.target ?? '—',
    r.pass === null ? '' : r.pass ? 'pass' : '**miss**',
  ]);
  return [
    '# Lists benchmark: stashkit vs Relay (relay-runtime 21) vs Apollo InMemoryCache 3.14 vs a Map walk',
    '',
    `Medians of ${result.rounds} interleaved rounds (rotating order, after warm-up rounds). ${env.date}, ` +
      `Node ${env.node}, ${env.cores} × ${env.cpu}, load ${env.loadAverage.join(' ')}, ` +
      `NODE_ENV=${env.nodeEnv ?? 'unset'}, commit ${env.commit}.`,
    'Every cache holds the 1k and the 10k findScenes page (SlimSceneData). CPU = process user + system time.',
    '',
    '## Reading a list and every selected field',
    '',
    'One read of the whole list from the cache, then every field of the SlimSceneData selection of every',
    'scene (links resolved). How each contender reads the list:',
    '',
    ...NAMES.map((n) => `- ${n}: ${result.readPaths[n]}`),
    '',
    'Every contender reads the same values (the counts are checked equal before timing). stashkit and Apollo',
    'answer a repeated read from a memo: stashkit rechecks, per read, every record the memoized selection',
    'visited (snapshot, shape, write stamp, floor, state; TTLs and fetch times), so a write anywhere in the',
    'selection is seen at once; Apollo invalidates its result cache through dependency tracking. Relay builds',
    'a new tree per lookup. stashkit-full is the same read with the memo out of play: the cost of a first read,',
    'or of a read after every scene changed.',
    '',
    table(
      ['median per list read', ...NAMES.map((n) => `${n} (CPU)`), ...NAMES.map((n) => `${n} (wall)`)],
      readRows,
    ),
    '',
    '## One studio update with N mounted cards',
    '',
    `Each card observes one scene with a SceneCard selection (title, date, rating, screenshot, studio.name,`,
    'performers.name, tags.name): stashkit `EntityObserver`, Relay `lookup` + `subscribe`, Apollo',
    '`watchFragment`. The renamed studio is linked by exactly one scene, mounted at every N: one card must',
    `re-render. Cost = time from the write until that card received the new name, mean of ${UPDATES_PER_SAMPLE}`,
    'updates per sample; "renders" is the most deliveries one update caused.',
    '',
    table(
      [
        'mounted',
        ...OBSERVING.map((n) => `${n} (CPU)`),
        ...OBSERVING.map((n) => `${n} (wall)`),
        ...OBSERVING.map((n) => `${n} renders`),
      ],
      updateRows,
    ),
    '',
    'Ratios are computed per round, then the median is taken.',
    '',
    table(['ratio', 'CPU', 'wall', 'target', ''], ratioRows),
    '',
  ].join('\n');
}
