import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, range } from './stats';

/** One measured quantity for one contender: every per-round sample and their median. */
export interface Metric {
  unit: 'ms' | 'ns/op' | 'bytes' | 'µs/op';
  median: number;
  min: number;
  max: number;
  samples: number[];
}

export function metric(unit: Metric['unit'], samples: number[]): Metric {
  const [min, max] = range(samples);
  return { unit, median: median(samples), min, max, samples };
}

/** A ratio with its target; `pass` is null when there is no target. */
export interface RatioResult {
  name: string;
  value: number;
  target: string | null;
  pass: boolean | null;
}

export interface Environment {
  date: string;
  node: string;
  cpu: string;
  cores: number;
  loadAverage: number[];
  nodeEnv: string | undefined;
  commit: string;
}

export function environment(): Environment {
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    // Not a git checkout: leave it unknown.
  }
  return {
    date: new Date().toISOString(),
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
    nodeEnv: process.env.NODE_ENV,
    commit,
  };
}

const RESULTS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'results');

/** Writes `bench/results/<name>.json` and `<name>.md`, and prints the markdown. */
export async function writeResults(name: string, json: unknown, markdown: string): Promise<void> {
  await mkdir(RESULTS_DIR, { recursive: true });
  await writeFile(join(RESULTS_DIR, `${name}.json`), `${JSON.stringify(json, null, 2)}\n`);
  await writeFile(join(RESULTS_DIR, `${name}.md`), markdown);
  console.log(`\n${markdown}`);
  console.log(`(written to bench/results/${name}.md and ${name}.json)`);
}

/** A markdown table from a header row and body rows. */
export function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
