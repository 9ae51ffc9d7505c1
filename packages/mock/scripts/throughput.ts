/**
 * Measures findScenes(per_page: 40) throughput over real HTTP: N sequential requests selecting a
 * slim scene fragment (what a scene grid asks for).
 * Usage: tsx scripts/throughput.ts [requests] [size] [url]: with a url (e.g. a `pnpm mock` server), the
 * client runs alone in this process; without, the server runs in-process.
 */
import { startMockStash } from '../src/server/startMockStash';

const QUERY = `query FindScenes($filter: FindFilterType, $scene_filter: SceneFilterType) {
  findScenes(filter: $filter, scene_filter: $scene_filter) {
    count
    scenes {
      id title date rating100 o_counter organized play_count resume_time
      files { id path size duration width height }
      paths { screenshot preview }
      studio { id name image_path }
      performers { id name gender favorite image_path }
      tags { id name }
    }
  }
}`;

async function run(
  url: string,
  n: number,
  variables: (i: number) => Record<string, unknown>,
): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < n; i++) {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: QUERY, operationName: 'FindScenes', variables: variables(i) }),
    });
    const body = (await response.json()) as { errors?: unknown };
    if (body.errors) throw new Error(`throughput: unexpected errors ${JSON.stringify(body.errors)}`);
  }
  return n / ((performance.now() - started) / 1000);
}

const n = Number(process.argv[2] ?? 2000);
const size = Number(process.argv[3] ?? 2000);
const external = process.argv[4];
const mock = external ? { url: external, close: async () => {} } : await startMockStash({ size });
try {
  await run(mock.url, 50, () => ({ filter: { per_page: 40 } })); // warm-up
  const plain = await run(mock.url, n, (i) => ({ filter: { per_page: 40, page: 1 + (i % 50) } }));
  const sorted = await run(mock.url, n, (i) => ({
    filter: { per_page: 40, page: 1 + (i % 50), sort: 'date', direction: 'DESC' },
  }));
  const filtered = await run(mock.url, n, (i) => ({
    filter: { per_page: 40, page: 1 + (i % 5), sort: 'title' },
    scene_filter: {
      rating100: { value: 60, modifier: 'GREATER_THAN' },
      tags: { value: ['1', '2'], modifier: 'INCLUDES', depth: -1 },
    },
  }));
  console.log(
    `${external ? `server ${external}` : `in-process server, size=${size} scenes`}, ${n} sequential requests each:`,
  );
  console.log(`  findScenes(per_page: 40)                    ${plain.toFixed(0)} req/s`);
  console.log(`  ... sort: date DESC                         ${sorted.toFixed(0)} req/s`);
  console.log(`  ... rating100 > 60 + tags (depth -1), title ${filtered.toFixed(0)} req/s`);
} finally {
  await mock.close();
}
