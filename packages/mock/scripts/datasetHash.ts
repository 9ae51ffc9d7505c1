/**
 * Prints a SHA-256 of the generated dataset (every table, rows in order, JSON) and how long generation
 * took, to prove that generator changes keep the data byte-identical.
 * Usage: tsx scripts/datasetHash.ts [size] [seed]
 */
import { createHash } from 'node:crypto';
import { generateDataset, type Dataset } from '../src/data/generateDataset';

/** One hash over all tables, in table order, each row as JSON (key order included). */
export function datasetHash(d: Dataset): string {
  const hash = createHash('sha256');
  for (const [name, rows] of Object.entries(d)) {
    hash.update(`${name}\n`);
    for (const row of (rows as Map<string, unknown>).values()) hash.update(`${JSON.stringify(row)}\n`);
  }
  return hash.digest('hex');
}

const size = Number(process.argv[2] ?? 2000);
const seed = Number(process.argv[3] ?? 1);
const started = performance.now();
const cpu = process.cpuUsage();
const d = generateDataset(seed, size);
const ms = performance.now() - started;
const used = process.cpuUsage(cpu);
console.log(
  `seed=${seed} size=${size} generated in ${ms.toFixed(0)} ms (CPU ${((used.user + used.system) / 1000).toFixed(0)} ms, GC threads included), sha256 ${datasetHash(d)}`,
);
