/**
 * `pnpm bench [core|react] [--rounds N] [--refresh]`: runs the benchmarks, writes bench/results/*.
 * Libraries run in production mode (as Stash ships them): NODE_ENV=production, Apollo's __DEV__ off.
 */
process.env.NODE_ENV = 'production';
(globalThis as { __DEV__?: boolean }).__DEV__ = false;

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(name);
  if (at < 0) return fallback;
  const value = Number(args[at + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`bench: ${name} needs a positive integer`);
  return value;
};
const textOption = (name: string): string | undefined => {
  const at = args.indexOf(name);
  if (at < 0) return undefined;
  const value = args[at + 1];
  if (value === undefined || value.startsWith('--')) throw new Error(`bench: ${name} needs a value`);
  return value;
};
const suites = args.filter((a) => a === 'core' || a === 'react' || a === 'lists');
const runAll = suites.length === 0;
const rounds = option('--rounds', 7);

const { loadFixtures } = await import('./fixtures/loadFixtures');

if (runAll || suites.includes('core')) {
  const { runCoreBench, coreMarkdown } = await import('./core/coreBench');
  const { writeResults } = await import('./harness/results');
  const fixtures = await loadFixtures(flag('--refresh'));
  console.log(`core: fixtures from ${fixtures.source}; ${rounds} rounds`);
  // `--baseline DIR`: also bench the core of another checkout (e.g. an older commit's worktree).
  const baseDir = textOption('--baseline');
  let baseline;
  if (baseDir !== undefined) {
    const { baselineSubject } = await import('./core/stashkitSubject');
    const { execFileSync } = await import('node:child_process');
    const commit = execFileSync('git', ['-C', baseDir, 'rev-parse', '--short', 'HEAD'], {
      encoding: 'utf8',
    }).trim();
    baseline = { subject: await baselineSubject(baseDir), commit };
    console.log(`core: baseline core from ${baseDir} (${commit})`);
  }
  const result = await runCoreBench(fixtures, { rounds, baseline });
  await writeResults('core', result, coreMarkdown(result));
}

if (runAll || suites.includes('lists')) {
  const { runListsBench, listsMarkdown } = await import('./lists/listsBench');
  const { writeResults } = await import('./harness/results');
  const fixtures = await loadFixtures(flag('--refresh'));
  console.log(`lists: fixtures from ${fixtures.source}; ${rounds} rounds`);
  const result = await runListsBench(fixtures, { rounds });
  await writeResults('lists', result, listsMarkdown(result));
}

if (runAll || suites.includes('react')) {
  const { runReactBench } = await import('./react/reactBench');
  await runReactBench({ rounds });
}

export {};
