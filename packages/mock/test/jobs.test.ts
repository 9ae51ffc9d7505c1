import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock, type ManualClock } from '../src/index';
import { data, gql, startTestStash, type TestStash } from './helpers';

const JOB = `id status subTasks description progress startTime endTime addTime error`;
const QUEUE = `query JobQueue { jobQueue { ${JOB} } }`;
const FIND = `query FindJob($id: ID!) { findJob(input: { id: $id }) { ${JOB} } }`;
const SCAN = `mutation MetadataScan { metadataScan(input: {}) }`;
const GENERATE = `mutation MetadataGenerate { metadataGenerate(input: { covers: true }) }`;
const STOP = `mutation StopJob($id: ID!) { stopJob(job_id: $id) }`;
const LOGS = `query Logs { logs { time level message } }`;
const COUNT = `query SceneCount { findScenes { count } }`;

describe('jobs over HTTP (manual clock: 2,000 ms, 4 steps)', () => {
  let stash: TestStash;
  let clock: ManualClock;
  beforeAll(async () => {
    clock = createManualClock(Date.UTC(2026, 0, 1));
    stash = await startTestStash({ size: 50, jobs: { clock, durationMs: 2000, steps: 4, scanNewScenes: 2 } });
  });
  afterAll(() => stash.close());
  beforeEach(() => stash.reset());

  it('a scan runs, progresses, adds two scenes, logs, and leaves the queue as FINISHED', async () => {
    const before = (await data(stash.url, COUNT)).findScenes.count;
    const id = (await data(stash.url, SCAN)).metadataScan;
    expect(id).toMatch(/^\d+$/);

    let [job] = (await data(stash.url, QUEUE)).jobQueue;
    expect(job).toMatchObject({
      id,
      status: 'RUNNING',
      description: 'Scanning...',
      progress: 0,
      subTasks: ['Walking directory tree'],
      addTime: '2026-01-01T00:00:00Z',
      startTime: '2026-01-01T00:00:00Z',
      endTime: null,
      error: null,
    });

    clock.advance(500);
    [job] = (await data(stash.url, QUEUE)).jobQueue;
    expect(job.progress).toBe(0.25);
    expect(job.subTasks[0]).toMatch(/^Scanning \//);
    clock.advance(1000);
    expect((await data(stash.url, QUEUE)).jobQueue[0].progress).toBe(0.75);
    expect((await data(stash.url, COUNT)).findScenes.count).toBe(before);

    clock.advance(500);
    expect((await data(stash.url, QUEUE)).jobQueue).toBeNull();
    expect((await data(stash.url, FIND, { id })).findJob).toMatchObject({
      status: 'FINISHED',
      progress: 1,
      subTasks: null,
      endTime: '2026-01-01T00:00:02Z',
    });
    expect((await data(stash.url, COUNT)).findScenes.count).toBe(before + 2);

    const logs = (await data(stash.url, LOGS)).logs;
    expect(logs[0]).toEqual({ time: '2026-01-01T00:00:02Z', level: 'Info', message: 'Scan finished (2s)' });
    expect(logs.at(-1).message).toMatch(/^scanning \d+ paths$/);
  });

  it('jobs queue one at a time; stopping a waiting job removes it, a running one ends CANCELLED', async () => {
    const first = (await data(stash.url, GENERATE)).metadataGenerate;
    const second = (await data(stash.url, SCAN)).metadataScan;
    const third = (await data(stash.url, GENERATE)).metadataGenerate;
    const queue = (await data(stash.url, QUEUE)).jobQueue;
    expect(queue.map((j: any) => [j.id, j.status])).toEqual([
      [first, 'RUNNING'],
      [second, 'READY'],
      [third, 'READY'],
    ]);
    expect(queue[1]).toMatchObject({ progress: null, startTime: null });

    expect((await data(stash.url, STOP, { id: second })).stopJob).toBe(true);
    expect((await data(stash.url, FIND, { id: second })).findJob.status).toBe('CANCELLED');

    await data(stash.url, STOP, { id: first });
    expect((await data(stash.url, FIND, { id: first })).findJob.status).toBe('STOPPING');
    clock.advance(0);
    expect((await data(stash.url, FIND, { id: first })).findJob.status).toBe('CANCELLED');
    expect((await data(stash.url, QUEUE)).jobQueue.map((j: any) => [j.id, j.status])).toEqual([
      [third, 'RUNNING'],
    ]);
    expect((await data(stash.url, LOGS)).logs[0].message).toBe('Stopping due to user request');

    await data(stash.url, `mutation StopAllJobs { stopAllJobs }`);
    clock.advance(0);
    expect((await data(stash.url, QUEUE)).jobQueue).toBeNull();
  });

  it('ids are checked as Stash does; unknown jobs are null; a failing job keeps its error', async () => {
    expect((await data(stash.url, FIND, { id: '999' })).findJob).toBeNull();
    const bad = await gql(stash.url, FIND, { id: 'abc' });
    expect(bad.body.errors[0].message).toBe('strconv.Atoi: parsing "abc": invalid syntax');
    const badStop = await gql(stash.url, STOP, { id: 'x' });
    expect(badStop.body.errors[0].message).toBe('converting id: strconv.Atoi: parsing "x": invalid syntax');

    const shot = await data(stash.url, `mutation Shot { sceneGenerateScreenshot(id: "99999") }`);
    expect(shot.sceneGenerateScreenshot).toBe('todo');
    // The job fails when it runs (at once: its start looks the scene up), not the mutation.
    expect((await data(stash.url, FIND, { id: '1' })).findJob).toMatchObject({
      status: 'FAILED',
      description: 'Generating screenshot for scene id 99999',
      error: 'error finding scene for screenshot generation: scene with id 99999 not found',
    });
  });

  it('every task mutation starts a job with Stash description', async () => {
    const mutations: [string, string][] = [
      ['metadataAutoTag(input: {})', 'Auto-tagging...'],
      ['metadataIdentify(input: { sources: [] })', 'Identifying...'],
      ['metadataClean(input: { dryRun: true })', 'Cleaning...'],
      ['metadataCleanGenerated(input: {})', 'Cleaning generated files...'],
      ['metadataImport', 'Importing...'],
      ['metadataExport', 'Exporting...'],
      ['migrateHashNaming', 'Migrating scene hashes...'],
      ['optimiseDatabase', 'Optimising database...'],
    ];
    for (const [field, description] of mutations) {
      const id = Object.values(await data(stash.url, `mutation M { ${field} }`))[0] as string;
      expect((await data(stash.url, FIND, { id })).findJob.description).toBe(description);
    }
    expect((await data(stash.url, QUEUE)).jobQueue).toHaveLength(mutations.length);
  });
});
