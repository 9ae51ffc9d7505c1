import { GlobalRegistrator } from '@happy-dom/global-registrator';
import type { ReactNode } from 'react';
import { loadFixtures } from '../fixtures/loadFixtures';
import { blackhole, collectGarbage, interleave } from '../harness/interleave';
import {
  environment,
  metric,
  table,
  type Environment,
  type Metric,
  type RatioResult,
} from '../harness/results';
import { formatMs, formatRatio, median, medianRatio } from '../harness/stats';
import { Stopwatch, cpuOf, wallOf, type Timing } from '../harness/stopwatch';
import { renderCounter, type ReactSetup, type ReactSubject } from './reactSubject';

// The mounted counts (a page of 40, 1,000, 10,000) plus 100, the ratio's base.
const SIZES = [40, 100, 1_000, 10_000] as const;
/** Updates timed per sample; the sample is their median. */
const UPDATES_PER_SAMPLE = 9;
/** Index (in mount order) of the scene that gets updated; mounted at every N. */
const TARGET_INDEX = 20;

export interface ReactBenchResult {
  environment: Environment;
  dom: string;
  rounds: number;
  updatesPerSample: number;
  /** Implementations that could not be measured, and why. */
  gaps: Record<string, string>;
  subjects: Record<
    string,
    {
      mountMs: Record<number, number>;
      cpuPerUpdate: Record<number, Metric>;
      wallPerUpdate: Record<number, Metric>;
      rendersPerUpdate: Record<number, number>;
    }
  >;
  ratios: RatioResult[];
}

interface Mounted {
  subject: ReactSubject;
  n: number;
  setup: ReactSetup;
  target: Element;
  targetId: string;
  mountMs: number;
  renders: number[];
}

/**
 * Items are mounted as a tree of groups with at most BRANCHING children each (the DOM stays one flat
 * list). In a flat list of 10,000 siblings React itself clones and bails out of every sibling fiber
 * on each update (about 3 ms here, for every library alike), which would hide the library's own cost.
 */
const BRANCHING = 10;

/** A grouping fiber with no DOM of its own. */
function Group({ children }: { children?: ReactNode }): ReactNode {
  return children;
}

const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
// Node's own, captured before happy-dom installs its timers: the cheapest way to yield a turn.
const nodeSetImmediate = globalThis.setImmediate;

/** Yields until `done()`: microtasks first (stores that notify in a microtask), then event-loop turns. */
async function waitUntil(done: () => boolean, what: string): Promise<void> {
  for (let turn = 0; !done(); turn++) {
    if (turn > 20_000) throw new Error(`bench: ${what} never showed the update`);
    if (turn < 10) await Promise.resolve();
    else await new Promise<void>((resolve) => nodeSetImmediate(resolve));
  }
}

/** Mounts N Items under the subject's provider into a fresh root, synchronously. */
async function mount(
  subject: ReactSubject,
  n: number,
  ids: readonly string[],
  setup: ReactSetup,
): Promise<Mounted> {
  const { createElement } = await import('react');
  const { flushSync } = await import('react-dom');
  const { createRoot } = await import('react-dom/client');
  const container = document.createElement('ul');
  document.body.appendChild(container);
  const root = createRoot(container);
  const mountIds = ids.slice(0, n);
  const tree = (slice: readonly string[], key: string): ReactNode => {
    if (slice.length <= BRANCHING) return slice.map((id) => createElement(setup.Item, { key: id, id }));
    const size = Math.ceil(slice.length / BRANCHING);
    const groups: ReactNode[] = [];
    for (let at = 0; at < slice.length; at += size) {
      const groupKey = `${key}.${at}`;
      groups.push(createElement(Group, { key: groupKey }, tree(slice.slice(at, at + size), groupKey)));
    }
    return groups;
  };
  const start = performance.now();
  flushSync(() => root.render(createElement(setup.Provider, null, tree(mountIds, 'g'))));
  const mountMs = performance.now() - start;
  if (container.children.length !== n) {
    throw new Error(`bench: ${subject.name} mounted ${container.children.length} of ${n} items`);
  }
  await macrotask();
  return {
    subject,
    n,
    setup,
    target: container.children[TARGET_INDEX],
    targetId: mountIds[TARGET_INDEX],
    mountMs,
    renders: [],
  };
}

/**
 * CPU time (process user + system, in ms) from applying one update until the DOM shows it, median of
 * several updates. CPU rather than wall time: Apollo's useFragment re-renders from a setTimeout, and
 * idle timer waits are not work; it also ignores time the process spends descheduled on a busy machine.
 */
async function timeUpdates(m: Mounted, counter: { n: number }): Promise<Timing> {
  const { flushSync } = await import('react-dom');
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let u = 0; u < UPDATES_PER_SAMPLE; u++) {
    const title = `Edited title ${++counter.n}`;
    const rendersBefore = renderCounter.count;
    const clock = Stopwatch.start();
    flushSync(() => m.setup.update(m.targetId, title));
    await waitUntil(() => m.target.textContent === title, m.subject.name);
    const time = clock.elapsed();
    cpu.push(time.cpu);
    wall.push(time.wall);
    await macrotask();
    m.renders.push(renderCounter.count - rendersBefore);
  }
  return { cpu: median(cpu), wall: median(wall) };
}

async function loadSubjects(gaps: Record<string, string>): Promise<ReactSubject[]> {
  const { zustandReactSubject } = await import('./zustandReact');
  const { apolloReactSubject } = await import('./apolloReact');
  const subjects = [zustandReactSubject, apolloReactSubject];
  try {
    const { stashkitReactSubject } = await import('./stashkitReact');
    subjects.push(stashkitReactSubject);
  } catch (error) {
    gaps['stashkit useEntity'] = `@stashkit/react failed to load: ${(error as Error).message}`;
  }
  return subjects;
}

export async function runReactBench({ rounds }: { rounds: number }): Promise<void> {
  // happy-dom must own the globals before react-dom loads.
  GlobalRegistrator.register();
  const gaps: Record<string, string> = {};
  const subjects = await loadSubjects(gaps);
  const fixtures = await loadFixtures();
  const ids = fixtures.large.findScenes.scenes.map((s) => s.id);
  console.log(`react: fixtures from ${fixtures.source}; ${rounds} rounds; happy-dom`);

  const mounted = new Map<string, Mounted>();
  for (const subject of subjects) {
    for (const n of SIZES) {
      collectGarbage();
      const setup = subject.setup(fixtures.large, fixtures.variables.large);
      mounted.set(`${subject.name}@${n}`, await mount(subject, n, ids, setup));
      console.log(`  react: mounted ${n} × ${subject.name}`);
    }
  }
  const counter = { n: 0 };
  // No forced GC between samples: with six 10k-entity stores and trees alive a full GC costs seconds,
  // and the median of each sample's updates already drops an update that a GC landed on.
  const samples = await interleave(
    [...mounted.keys()],
    rounds,
    (key) => timeUpdates(mounted.get(key)!, counter),
    {
      gcBetween: false,
    },
  );
  for (const m of mounted.values()) m.setup.check?.();
  blackhole.value = mounted;

  const result: ReactBenchResult = {
    environment: environment(),
    dom: 'happy-dom 21.0.4 (global registrator), React 19.3.1 production build',
    rounds,
    updatesPerSample: UPDATES_PER_SAMPLE,
    gaps,
    subjects: {},
    ratios: [],
  };
  for (const subject of subjects) {
    const at = (n: number) => mounted.get(`${subject.name}@${n}`)!;
    const entry: ReactBenchResult['subjects'][string] = {
      mountMs: {},
      cpuPerUpdate: {},
      wallPerUpdate: {},
      rendersPerUpdate: {},
    };
    for (const n of SIZES) {
      entry.mountMs[n] = at(n).mountMs;
      entry.cpuPerUpdate[n] = metric('ms', cpuOf(samples[`${subject.name}@${n}`]));
      entry.wallPerUpdate[n] = metric('ms', wallOf(samples[`${subject.name}@${n}`]));
      entry.rendersPerUpdate[n] = median(at(n).renders);
    }
    result.subjects[subject.name] = entry;
    const large = samples[`${subject.name}@10000`];
    const small = samples[`${subject.name}@100`];
    const ratio = medianRatio(cpuOf(large), cpuOf(small));
    const targeted = subject.name.startsWith('stashkit');
    result.ratios.push({
      name: `${subject.name}: update cost 10k / 100 mounted`,
      value: ratio,
      target: targeted ? '<= 1.5' : null,
      pass: targeted ? ratio <= 1.5 : null,
    });
  }
  const { writeResults } = await import('../harness/results');
  await writeResults('react', result, reactMarkdown(result));
  await GlobalRegistrator.unregister();
}

export function reactMarkdown(result: ReactBenchResult): string {
  const env = result.environment;
  const rows = Object.entries(result.subjects).map(([name, s]) => {
    const ratio = result.ratios.find((r) => r.name.startsWith(`${name}:`))!;
    const all = (f: (n: number) => string) => SIZES.map(f).join(' / ');
    return [
      name,
      ...SIZES.map((n) => formatMs(s.cpuPerUpdate[n].median)),
      formatRatio(ratio.value) +
        (ratio.pass === null ? '' : ratio.pass ? ' (pass, target <= 1.5)' : ' (**miss**, target <= 1.5)'),
      all((n) => formatMs(s.wallPerUpdate[n].median)),
      all((n) => String(s.rendersPerUpdate[n])),
      all((n) => formatMs(s.mountMs[n])),
    ];
  });
  const gaps = Object.entries(result.gaps).map(([name, why]) => `- **${name}**: not measured: ${why}`);
  return [
    '# React benchmark: one entity update with 40 / 100 / 1,000 / 10,000 mounted components',
    '',
    `Medians of ${result.rounds} interleaved rounds × ${result.updatesPerSample} updates. ${result.dom}. ` +
      `${env.date}, Node ${env.node}, ${env.cores} × ${env.cpu}, load ${env.loadAverage.join(' ')}, commit ${env.commit}.`,
    'Each store holds the 10k-scene page; N components each show one scene title; one title changes per update.',
    'Cost = process CPU time from the write until the DOM shows the new title (includes deferred renders);',
    "wall time also counts idle timer waits (Apollo's useFragment re-renders from a setTimeout).",
    '',
    table(
      [
        'implementation',
        ...SIZES.map((n) => `N = ${n.toLocaleString('en-US')} (CPU)`),
        '10k / 100 (CPU)',
        `wall ${SIZES.map((n) => n.toLocaleString('en-US')).join(' / ')}`,
        'renders per update',
        'mount (once, wall)',
      ],
      rows,
    ),
    '',
    ...(gaps.length > 0 ? [...gaps, ''] : []),
  ].join('\n');
}
