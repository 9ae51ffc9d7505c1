/**
 * Server-side time per request, without HTTP: calls the mock's request handler directly, so the
 * figures exclude the client, sockets and response parsing. Prints the median and p90 per request
 * kind, for a library of `size` scenes.
 * Usage: tsx scripts/serverTime.ts [requests] [size]
 */
import { MockStashCore } from '../src/server/MockStashCore';

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

const n = Number(process.argv[2] ?? 200);
const size = Number(process.argv[3] ?? 2000);

let started = performance.now();
const core = new MockStashCore({ size });
console.log(`size=${size}: dataset and schema in ${(performance.now() - started).toFixed(0)} ms`);

async function request(variables: Record<string, unknown>): Promise<number> {
  const t = performance.now();
  const answer = await core.handle({
    method: 'POST',
    url: new URL('http://127.0.0.1/graphql'),
    header: () => null,
    body: JSON.stringify({ query: QUERY, operationName: 'FindScenes', variables }),
  });
  const ms = performance.now() - t;
  if (answer.drop || answer.status !== 200 || answer.body.includes('"errors"')) {
    throw new Error(`serverTime: unexpected answer ${answer.drop ? 'drop' : answer.body.slice(0, 300)}`);
  }
  return ms;
}

async function measure(label: string, variables: (i: number) => Record<string, unknown>): Promise<void> {
  const first = await request(variables(0));
  const times: number[] = [];
  for (let i = 1; i <= n; i++) times.push(await request(variables(i)));
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(2);
  console.log(`  ${label.padEnd(44)} first ${first.toFixed(1)} ms, median ${at(0.5)} ms, p90 ${at(0.9)} ms`);
}

const pages = Math.max(1, Math.min(50, Math.floor(size / 40)));
await measure('findScenes(per_page: 40)', (i) => ({ filter: { per_page: 40, page: 1 + (i % pages) } }));
await measure('... sort: date DESC', (i) => ({
  filter: { per_page: 40, page: 1 + (i % pages), sort: 'date', direction: 'DESC' },
}));
await measure('... sort: title', (i) => ({ filter: { per_page: 40, page: 1 + (i % pages), sort: 'title' } }));
await measure('... sort: random_<seed>', (i) => ({
  filter: { per_page: 40, page: 1 + (i % pages), sort: 'random_12345' },
}));
await measure('... rating100 > 60 + tags (depth -1), title', (i) => ({
  filter: { per_page: 40, page: 1 + (i % 5), sort: 'title' },
  scene_filter: {
    rating100: { value: 60, modifier: 'GREATER_THAN' },
    tags: { value: ['1', '2'], modifier: 'INCLUDES', depth: -1 },
  },
}));
await measure('... q: "hot", sort: title', (i) => ({
  filter: { per_page: 40, page: 1 + (i % 3), q: 'hot', sort: 'title' },
}));
started = performance.now();
core.db.reset();
console.log(`  db.reset() ${(performance.now() - started).toFixed(0)} ms`);
