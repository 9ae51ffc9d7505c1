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
const suites = args.filter((a) => a === 'core' || a === 'react');
const runAll = suites.length === 0;
const rounds = option('--rounds', 7);

const { loadFixtures } = await import('./fixtures/loadFixtures');

if (runAll || suites.includes('core')) {
  const { runCoreBench, coreMarkdown } = await import('./core/coreBench');
  const { writeResults } = await import('./harness/results');
  const fixtures = await loadFixtures(flag('--refresh'));
  console.log(`core: fixtures from ${fixtures.source}; ${rounds} rounds`);
  const result = await runCoreBench(fixtures, { rounds });
  await writeResults('core', result, coreMarkdown(result));
}

if (runAll || suites.includes('react')) {
  const { runReactBench } = await import('./react/reactBench');
  await runReactBench({ rounds });
}

export {};
