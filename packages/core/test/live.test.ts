// Live events: store.connectLive() over graphql-ws against the mock (real HTTP and websocket). The
// mock's jobs run on a manual clock and the reconnect backoff on manual delays: nothing waits out time.
import { inspect } from 'node:util';
import { createManualClock, type ManualClock } from '@stashkit/mock';
import { startTestStash, type TestStash } from '@stashkit/testkit';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { createStashStore, FindObserver, type StashEntityStore, type StashTimers } from '../src/index';
import {
  JOB_RULES,
  jobRule,
  liveUrl,
  type LiveConnection,
  type LiveEvent,
  type LiveState,
} from '../src/live/index';

const KEY = 'live-secret-key';
let stash: TestStash;
let clock: ManualClock;
const stores: StashEntityStore[] = [];

beforeAll(async () => {
  clock = createManualClock(Date.UTC(2026, 0, 1));
  stash = await startTestStash({ size: 40, apiKey: KEY, jobs: { clock, durationMs: 1000, steps: 2 } });
});
afterEach(() => {
  for (const store of stores.splice(0)) store.dispose();
  stash.reset();
});
afterAll(() => stash.close());

/** A delay seam that fires a backoff only when the test says so. */
function manualDelays() {
  const waiting: { ms: number; fire: () => void }[] = [];
  const delay: StashTimers['delay'] = (fire, ms) => {
    const entry = { ms, fire };
    waiting.push(entry);
    return () => void waiting.splice(waiting.indexOf(entry), 1);
  };
  return { delay, waiting };
}

function newStore(options: { apiKey?: string; delay?: StashTimers['delay'] } = {}) {
  const store = createStashStore({
    url: stash.url,
    apiKey: 'apiKey' in options ? options.apiKey : KEY,
    retry: false,
    timers: options.delay ? { delay: options.delay } : undefined,
  });
  stores.push(store);
  return store;
}

/** Resolves once `live`'s state passes `check` (now or at a later change). */
function whenState(live: LiveConnection, check: (s: LiveState) => boolean): Promise<LiveState> {
  return new Promise((resolve) => {
    if (check(live.state)) return resolve(live.state);
    const off = live.subscribe((s) => {
      if (check(s)) {
        off();
        resolve(s);
      }
    });
  });
}

function whenEvent(live: LiveConnection, check: (e: LiveEvent) => boolean): Promise<LiveEvent> {
  return new Promise((resolve) => {
    const off = live.onEvent((e) => {
      if (check(e)) {
        off();
        resolve(e);
      }
    });
  });
}

/** Resolves once the observer's result passes `check`. */
function whenResult<R>(
  observer: { getResult(): R; subscribe(l: () => void): () => void },
  check: (r: R) => boolean,
) {
  return new Promise<R>((resolve) => {
    const off = observer.subscribe(() => {
      if (check(observer.getResult())) {
        queueMicrotask(off);
        resolve(observer.getResult());
      }
    });
    if (check(observer.getResult())) {
      queueMicrotask(off);
      resolve(observer.getResult());
    }
  });
}

const sceneReads = () => stash.requests.filter((r) => r.status !== 101 && /findScenes/.test(r.query));
/** Starts a job on the mock over HTTP (as the Stash UI's task buttons do); returns the job id. */
const startJob = async (query: string) => {
  const answer = await fetch(stash.url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ApiKey: KEY },
    body: JSON.stringify({ query }),
  });
  const { data } = (await answer.json()) as { data: Record<string, string> };
  return Object.values(data)[0];
};
const scan = () => startJob('mutation MetadataScan { metadataScan(input: {}) }');
/** Both subscriptions registered on the mock (graphql-ws does not acknowledge a subscribe). */
const subscribed = () =>
  vi.waitFor(() => {
    expect(stash.runtime.jobs.updates.size).toBeGreaterThan(0);
    expect(stash.runtime.scanComplete.size).toBeGreaterThan(0);
  });

describe('connectLive', () => {
  it('a finished scan makes a mounted list show the new scenes after exactly one refetch', async () => {
    const store = newStore();
    const observer = new FindObserver(store, { type: 'Scene', fields: ['title'], sort: 'id' });
    const off = observer.subscribe(() => {});
    const first = await whenResult(observer, (r) => r.status === 'success' && !r.isFetching);
    expect(first.data).toHaveLength(40);

    const live = await store.connectLive({ webSocketImpl: WebSocket });
    await whenState(live, (s) => s.status === 'connected');
    await subscribed();
    const before = sceneReads().length;
    const epoch = store.listEpoch('Scene');
    const events: LiveEvent[] = [];
    live.onEvent((e) => void events.push(e));
    const finished = whenEvent(live, (e) => e.kind === 'job');

    const id = await scan();
    clock.advance(1000);
    const done = await whenResult(observer, (r) => r.data?.length === 43 && !r.isFetching);
    await finished;
    // The job's REMOVE (FINISHED) came after scanComplete: the same scan, lists went stale once.
    expect(store.listEpoch('Scene') - epoch).toBe(1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(observer.getResult().isFetching).toBe(false);
    expect(sceneReads().length - before).toBe(1);
    expect(done.data!.slice(40).every((s) => Number(s.id) > 40)).toBe(true);
    expect(events.map((e) => [e.kind, e.rule, e.applied, e.job?.id])).toEqual([
      ['scanComplete', 'scan', true, undefined],
      ['job', 'scan', false, id],
    ]);
    off();
  });

  it('counts a scan once when its job is reported before scanCompleteSubscribe too', async () => {
    const store = newStore();
    const live = await store.connectLive({ webSocketImpl: WebSocket });
    await whenState(live, (s) => s.status === 'connected');
    await subscribed();
    const epoch = store.listEpoch('Scene');
    // A job the mock runs without its own scanComplete; the notice is published after it ends.
    const finished = whenEvent(live, (e) => e.kind === 'job');
    stash.runtime.jobs.add({ description: 'Scanning...' });
    clock.advance(1000);
    expect(await finished).toMatchObject({ rule: 'scan', applied: true, job: { status: 'FINISHED' } });
    expect(store.listEpoch('Scene') - epoch).toBe(1);
    const notice = whenEvent(live, (e) => e.kind === 'scanComplete');
    stash.runtime.scanComplete.publish(true);
    expect(await notice).toEqual({ kind: 'scanComplete', rule: 'scan', applied: false });
    expect(store.listEpoch('Scene') - epoch).toBe(1);
    // The next scan counts again.
    const next = whenEvent(live, (e) => e.kind === 'scanComplete');
    await scan();
    clock.advance(1000);
    expect(await next).toEqual({ kind: 'scanComplete', rule: 'scan', applied: true });
    expect(store.listEpoch('Scene') - epoch).toBe(2);
  });

  it('a finished generate job invalidates by its rule (scenes stale, lists refetch); an export changes nothing', async () => {
    const store = newStore();
    const scene = await store.get('Scene', '1', { fields: ['title', 'paths.preview'] });
    const observer = new FindObserver(store, { type: 'Tag', fields: ['name'] });
    const off = observer.subscribe(() => {});
    await whenResult(observer, (r) => r.status === 'success' && !r.isFetching);
    const live = await store.connectLive({ webSocketImpl: WebSocket });
    await whenState(live, (s) => s.status === 'connected');
    await subscribed();

    const tagReads = () => stash.requests.filter((r) => r.status !== 101 && /findTags/.test(r.query)).length;
    const tagsBefore = tagReads();
    const exported = whenEvent(live, (e) => e.kind === 'job');
    await startJob('mutation MetadataExport { metadataExport }');
    clock.advance(1000);
    expect(await exported).toMatchObject({
      kind: 'job',
      rule: undefined,
      applied: false,
      job: { description: 'Exporting...' },
    });
    expect(store.hasFields(store.peek('Scene', '1')!, 'paths.preview')).toBe(true);

    const generated = whenEvent(live, (e) => e.kind === 'job');
    await startJob('mutation MetadataGenerate { metadataGenerate(input: {}) }');
    clock.advance(1000);
    expect(await generated).toMatchObject({ rule: 'generate', job: { status: 'FINISHED' } });
    expect(store.hasFields(store.peek('Scene', '1')!, 'paths.preview')).toBe(false);
    expect(store.peek('Scene', '1')!.title).toBe(scene!.title);
    // Generate touches no tags: the mounted tag list does not refetch.
    await Promise.resolve();
    expect(tagReads()).toBe(tagsBefore);
    off();
  });

  it("a scene's screenshot job makes that scene stale, no other and no list", async () => {
    const store = newStore();
    await store.find('Scene', { id__lte: 2 }, { fields: ['title', 'paths.screenshot'] });
    const live = await store.connectLive({ webSocketImpl: WebSocket });
    await whenState(live, (s) => s.status === 'connected');
    await subscribed();
    const epoch = store.listEpoch('Scene');
    const done = whenEvent(live, (e) => e.kind === 'job');
    await startJob('mutation Shot { sceneGenerateScreenshot(id: "2") }');
    clock.advance(1000);
    expect(await done).toMatchObject({ rule: 'sceneScreenshot', applied: true });
    expect(store.hasFields(store.peek('Scene', '2')!, 'paths.screenshot')).toBe(false);
    expect(store.hasFields(store.peek('Scene', '1')!, 'paths.screenshot')).toBe(true);
    expect(store.listEpoch('Scene')).toBe(epoch);
  });

  it('reconnects with backoff after the mock restarts on the same port, and resyncs once', async () => {
    const delays = manualDelays();
    const store = newStore({ delay: delays.delay });
    const observer = new FindObserver(store, { type: 'Scene', fields: ['title'] });
    const off = observer.subscribe(() => {});
    await whenResult(observer, (r) => r.status === 'success' && !r.isFetching);
    const live = await store.connectLive({
      webSocketImpl: WebSocket,
      backoff: { initialMs: 100, random: () => 1 },
    });
    await whenState(live, (s) => s.status === 'connected');
    const states: LiveState[] = [];
    live.subscribe((s) => void states.push(s));
    await subscribed();
    const before = sceneReads().length;

    await stash.restart();
    const waiting = await whenState(live, (s) => s.status === 'reconnecting');
    expect(waiting.lastError).toMatch(/websocket closed/);
    // graphql-ws waits through our delay seam before trying again.
    await vi.waitFor(() => expect(delays.waiting).toHaveLength(1));
    expect(delays.waiting[0].ms).toBe(100);
    delays.waiting[0].fire();
    await whenState(live, (s) => s.status === 'connected' && s.connections === 2);
    expect(states.map((s) => s.status)).toEqual(['reconnecting', 'connected']);
    // Events may have been missed while down: one resync, the mounted list refetches once.
    await whenResult(observer, (r) => !r.isFetching);
    await vi.waitFor(() => expect(sceneReads().length).toBe(before + 1));

    // Subscriptions are live again on the new server.
    await subscribed();
    const done = whenEvent(live, (e) => e.kind === 'job');
    await scan();
    clock.advance(1000);
    expect(await done).toMatchObject({ rule: 'scan' });
    off();
  });

  it('subscribes again after backoff when the server ends a subscription on a live socket', async () => {
    const delays = manualDelays();
    const store = newStore({ delay: delays.delay });
    const live = await store.connectLive({ webSocketImpl: WebSocket, backoff: { initialMs: 250 } });
    await whenState(live, (s) => s.status === 'connected');
    await subscribed();
    stash.runtime.jobs.updates.closeAll();
    await vi.waitFor(() => expect(delays.waiting).toHaveLength(1));
    expect(delays.waiting[0].ms).toBe(250);
    expect(stash.runtime.jobs.updates.size).toBe(0);
    delays.waiting[0].fire();
    await subscribed();
    const done = whenEvent(live, (e) => e.kind === 'job');
    await scan();
    clock.advance(1000);
    expect(await done).toMatchObject({ rule: 'scan' });
    expect(live.state).toMatchObject({ status: 'connected', connections: 1 });
  });

  it('is refused without the key (401 at the upgrade); the key never shows in state or errors', async () => {
    const delays = manualDelays();
    const store = newStore({ apiKey: undefined, delay: delays.delay });
    const live = await store.connectLive({ webSocketImpl: WebSocket });
    const failed = await whenState(live, (s) => s.lastError !== null);
    expect(failed).toMatchObject({ status: 'connecting', connections: 0 });
    expect(failed.lastError).toMatch(/^Unexpected server response: 401; websocket closed \(1006/);
    live.close();
    expect(live.state.status).toBe('closed');
    expect(delays.waiting).toHaveLength(0);

    const keyed = newStore({ apiKey: KEY });
    const ok = await keyed.connectLive({ webSocketImpl: WebSocket });
    await whenState(ok, (s) => s.status === 'connected');
    const shown = JSON.stringify(ok.state);
    expect(shown).not.toContain(KEY);
    expect(inspect(ok, { depth: 8, showHidden: true })).not.toContain(KEY);
    expect(inspect(keyed, { depth: 4 })).not.toContain(KEY);
    expect(ok.state.url).toMatch(/\?apikey=\*\*\*$/);
    const wrong = await newStore({ apiKey: 'wrong-' + KEY }).connectLive({ webSocketImpl: WebSocket });
    const refused = await whenState(wrong, (s) => s.lastError !== null);
    expect(JSON.stringify(refused)).not.toContain(KEY);
  });

  it("authenticates with the page's session cookie as a same-origin plugin does (no key in the URL)", async () => {
    const login = await fetch(`${new URL(stash.url).origin}/login`, {
      method: 'POST',
      body: new URLSearchParams({ username: '', password: KEY }),
      redirect: 'manual',
    });
    const cookie = /^session=[^;]*/.exec(login.headers.get('set-cookie') ?? '')?.[0];
    expect(cookie).toBeDefined();
    // What a browser does on a same-origin upgrade: the cookie goes along.
    class CookieWebSocket extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, { headers: { Cookie: cookie! } });
      }
    }
    const store = newStore({ apiKey: undefined });
    const live = await store.connectLive({ webSocketImpl: CookieWebSocket });
    const state = await whenState(live, (s) => s.status === 'connected' || s.lastError !== null);
    expect(state).toMatchObject({ status: 'connected', url: stash.wsUrl, lastError: null });
  });

  it('closes when the store is disposed; connectLive after dispose is refused', async () => {
    const store = newStore();
    const live = await store.connectLive({ webSocketImpl: WebSocket });
    await whenState(live, (s) => s.status === 'connected');
    await subscribed();
    store.dispose();
    expect(live.state.status).toBe('closed');
    await vi.waitFor(() => expect(stash.runtime.jobs.updates.size).toBe(0));
    await expect(store.connectLive({ webSocketImpl: WebSocket })).rejects.toThrow(
      'StashEntityStore: connectLive() after dispose()',
    );
  });

  it('says what is missing on Node without a WebSocket', async () => {
    const store = newStore();
    await expect(store.connectLive()).rejects.toThrow(/connectLive\(\) needs a WebSocket/);
  });
});

describe('job rules', () => {
  it("match Stash's job descriptions", () => {
    const cases: [string, string | undefined][] = [
      ['Scanning...', 'scan'],
      ['Cleaning...', 'clean'],
      ['Cleaning generated files...', 'cleanGenerated'],
      ['Auto-tagging...', 'autoTag'],
      ['Identifying...', 'identify'],
      ['Generating...', 'generate'],
      ['Generating screenshot for scene id 4', 'sceneScreenshot'],
      ['Generating...', 'generate'],
      ['Importing...', 'import'],
      ['Running plugin task: Tidy', 'pluginTask'],
      ['Batch stash-box performer tag...', 'stashBoxTag'],
      ['Exporting...', undefined],
      ['Optimising database...', undefined],
    ];
    for (const [description, name] of cases)
      expect([description, jobRule(description)?.name]).toEqual([description, name]);
    expect(JOB_RULES.filter((r) => r.scanComplete).map((r) => r.name)).toEqual(['scan', 'clean']);
  });

  it('the websocket URL follows the store URL (prefix kept, ws/wss)', () => {
    expect(liveUrl('https://host/stash/graphql', undefined)).toBe('wss://host/stash/graphql');
    expect(liveUrl('http://127.0.0.1:9999/graphql', 'k y')).toBe('ws://127.0.0.1:9999/graphql?apikey=k+y');
  });
});
