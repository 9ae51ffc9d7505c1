import { createClient, type Client } from 'graphql-ws';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { createManualClock, type ManualClock } from '../src/index';
import { data, startTestStash, type TestStash } from './helpers';

const KEY = 'ws-secret';
const JOBS = `subscription JobsSubscribe { jobsSubscribe { type job { id status description progress subTasks error } } }`;
const SCAN_COMPLETE = `subscription ScanCompleteSubscribe { scanCompleteSubscribe }`;
const LOGGING = `subscription LoggingSubscribe { loggingSubscribe { level message } }`;

/** Collects a subscription's events; `next()` resolves with the next one. */
function collect<T>(client: Client, query: string) {
  const seen: T[] = [];
  const waiting: ((value: T) => void)[] = [];
  const errors: unknown[] = [];
  const dispose = client.subscribe<T>(
    { query },
    {
      next: (result) => {
        const value = result.data as T;
        const w = waiting.shift();
        if (w) w(value);
        else seen.push(value);
      },
      error: (error) => void errors.push(error),
      complete: () => {},
    },
  );
  return {
    errors,
    dispose,
    next: () => (seen.length > 0 ? Promise.resolve(seen.shift()!) : new Promise<T>((r) => waiting.push(r))),
  };
}

/** The upgrade answer for a raw websocket connection attempt. */
function upgradeStatus(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, 'graphql-transport-ws', { headers });
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('error', (error) => {
      if (!String(error.message).includes('Unexpected server response')) reject(error);
    });
  });
}

describe('graphql-ws on /graphql with an ApiKey', () => {
  let stash: TestStash;
  let clock: ManualClock;
  const clients: Client[] = [];
  const connect = (options: { url?: string; headers?: Record<string, string> } = {}) => {
    const client = createClient({
      url: options.url ?? `${stash.wsUrl}?apikey=${KEY}`,
      webSocketImpl: class extends WebSocket {
        constructor(url: string, protocols?: string | string[]) {
          super(url, protocols, { headers: options.headers });
        }
      },
      retryAttempts: 5,
      retryWait: () => Promise.resolve(),
      lazy: false,
    });
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    clock = createManualClock(Date.UTC(2026, 0, 1));
    stash = await startTestStash({ size: 50, apiKey: KEY, jobs: { clock, durationMs: 1000, steps: 2 } });
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.dispose()));
    stash.reset();
  });
  afterAll(() => stash.close());

  it('sees a scan job ADD → UPDATE (running, progress) → REMOVE (FINISHED), then scanCompleteSubscribe', async () => {
    const client = connect();
    const jobs = collect<{ jobsSubscribe: any }>(client, JOBS);
    const scans = collect<{ scanCompleteSubscribe: boolean }>(client, SCAN_COMPLETE);
    await vi.waitFor(() => expect(stash.runtime.scanComplete.size).toBe(1));
    await vi.waitFor(() => expect(stash.runtime.jobs.updates.size).toBe(1));

    const answer = await fetch(stash.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ApiKey: KEY },
      body: JSON.stringify({ query: 'mutation MetadataScan { metadataScan(input: {}) }' }),
    });
    const id = (await answer.json()).data.metadataScan;
    clock.advance(1000);

    const events = [];
    for (let i = 0; i < 5; i++) events.push((await jobs.next()).jobsSubscribe);
    expect(events.map((e) => [e.type, e.job.status, e.job.progress])).toEqual([
      ['ADD', 'READY', null],
      ['UPDATE', 'RUNNING', 0],
      ['UPDATE', 'RUNNING', 0.5],
      ['UPDATE', 'RUNNING', 1],
      ['REMOVE', 'FINISHED', 1],
    ]);
    expect(events.every((e) => e.job.id === id && e.job.description === 'Scanning...')).toBe(true);
    expect(events[1].job.subTasks).toEqual(['Walking directory tree']);
    expect(events[4].job.subTasks).toBeNull();
    expect(await scans.next()).toEqual({ scanCompleteSubscribe: true });
    expect(jobs.errors).toEqual([]);
  });

  it('loggingSubscribe gets the log in batches, at most one a second', async () => {
    const client = connect({ url: stash.wsUrl, headers: { ApiKey: KEY } });
    const logs = collect<{ loggingSubscribe: { level: string; message: string }[] }>(client, LOGGING);
    await vi.waitFor(() => expect(stash.runtime.log.batches.size).toBe(1));
    stash.runtime.log.info('one');
    expect((await logs.next()).loggingSubscribe).toEqual([{ level: 'Info', message: 'one' }]);
    stash.runtime.log.info('two');
    stash.runtime.log.add('Warning', 'three');
    clock.advance(1000);
    expect((await logs.next()).loggingSubscribe).toEqual([
      { level: 'Info', message: 'two' },
      { level: 'Warning', message: 'three' },
    ]);
  });

  it('queries and mutations also run over the socket, on the same data', async () => {
    const client = connect();
    const result = await new Promise<any>((resolve, reject) =>
      client.subscribe(
        { query: 'query WsScenes { findScenes(filter: { per_page: 1 }) { count } }' },
        { next: resolve, error: reject, complete: () => {} },
      ),
    );
    expect(result.data.findScenes.count).toBe(50);
  });

  it('refuses the upgrade without the key or with a wrong one (401), accepts header and ?apikey=', async () => {
    expect(await upgradeStatus(stash.wsUrl)).toBe(401);
    expect(await upgradeStatus(`${stash.wsUrl}?apikey=nope`)).toBe(401);
    expect(await upgradeStatus(stash.wsUrl, { ApiKey: 'nope' })).toBe(401);
    expect(await upgradeStatus(`${stash.wsUrl}?apikey=${KEY}`)).toBe(101);
    expect(await upgradeStatus(stash.wsUrl, { ApiKey: KEY })).toBe(101);
    expect(await upgradeStatus(stash.wsUrl.replace('/graphql', '/other'), { ApiKey: KEY })).toBe(404);
  });

  it('restart() drops sockets and listens again on the same port; the client reconnects and resubscribes', async () => {
    const client = connect();
    let connections = 0;
    client.on('connected', () => void connections++);
    const jobs = collect<{ jobsSubscribe: any }>(client, JOBS);
    await vi.waitFor(() => expect(stash.runtime.jobs.updates.size).toBe(1));
    const port = stash.port;
    await stash.restart();
    expect(stash.port).toBe(port);
    await vi.waitFor(() => expect(connections).toBe(2));
    await vi.waitFor(() => expect(stash.runtime.jobs.updates.size).toBe(1));
    const id = (
      await data(`${stash.url}?apikey=${KEY}`, 'mutation MetadataGenerate { metadataGenerate(input: {}) }')
    ).metadataGenerate;
    expect((await jobs.next()).jobsSubscribe).toMatchObject({ type: 'ADD', job: { id } });
  });
});
