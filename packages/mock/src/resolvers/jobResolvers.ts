import type { JobSpec } from '../jobs/JobManager';
import { goDuration } from '../jobs/MockRuntime';
import { scanNewScenes } from '../jobs/scanNewScenes';
import { rfc3339 } from '../data/timeFormat';
import { MockStashError } from '../errors';
import type { ResolverContext } from './context';
import { toId } from './ids';

type Resolver = (source: unknown, args: any, ctx: ResolverContext) => unknown;

/** A job whose steps only log: Generate, Auto-tag, Identify, Export, ... */
function simpleJob(ctx: ResolverContext, description: string, label: string, done: string): JobSpec {
  const { clock, log } = ctx.runtime;
  let started = 0;
  return {
    description,
    subTask: (step) => `${label} ${step + 1}`,
    start: () => void (started = clock.now()),
    finish: () => log.info(`${done} (${goDuration(clock.now() - started)})`),
    cancelled: () => log.info('Stopping due to user request'),
  };
}

/** Folder paths a scan walks: the requested paths, else the library's top folders. */
function scanPaths(ctx: ResolverContext, paths: string[] | null | undefined): string[] {
  if (paths && paths.length > 0) return paths;
  const roots = [...ctx.db.table('Folder').values()].filter((f) => f.parent_folder_id === null);
  return roots.map((f) => f.path);
}

function scanJob(ctx: ResolverContext, paths: string[]): JobSpec {
  const { clock, log, scanComplete } = ctx.runtime;
  let started = 0;
  return {
    description: 'Scanning...',
    subTask: (step) =>
      step === 0 ? 'Walking directory tree' : `Scanning ${paths[(step - 1) % paths.length]}`,
    start: () => {
      started = clock.now();
      log.info(`scanning ${paths.length} paths`);
    },
    finish: () => {
      const time = rfc3339(clock.now());
      const ids = ctx.db.transaction(() => scanNewScenes(ctx.db, ctx.runtime.scanNewScenes, time));
      for (const id of ids) {
        const path = ctx.db.get('File', ctx.db.get('Scene', id)!.file_ids[0]!)!.path;
        log.info(`Calculating fingerprints for ${path} ...`);
      }
      log.info(`Finished adding files to queue. ${ids.length} files queued`);
      log.info(`Scan finished (${goDuration(clock.now() - started)})`);
      scanComplete.publish(true);
    },
    cancelled: () => log.info('Stopping due to user request'),
  };
}

function cleanJob(ctx: ResolverContext, dryRun: boolean): JobSpec {
  const { clock, log, scanComplete } = ctx.runtime;
  let started = 0;
  return {
    description: 'Cleaning...',
    subTask: (step) => `Cleaning ${step + 1}`,
    start: () => {
      started = clock.now();
      log.info('Starting cleaning of tracked files');
      if (dryRun) log.info('Running in Dry Mode');
    },
    // Nothing is missing from the mock's (virtual) library, so a clean removes nothing.
    finish: () => {
      scanComplete.publish(true);
      log.info(`Finished Cleaning (${goDuration(clock.now() - started)})`);
    },
    cancelled: () => log.info('Stopping due to user request'),
  };
}

const start = (ctx: ResolverContext, spec: JobSpec) => ctx.runtime.jobs.add(spec);

/** Job queries: the queue, one job (queued or among the last 10 finished), the log. */
export const jobQueries: Record<string, Resolver> = {
  // Stash's empty queue is a nil slice: null, not [].
  jobQueue: (_, _a, ctx) => {
    const jobs = ctx.runtime.jobs.list();
    return jobs.length > 0 ? jobs : null;
  },
  findJob: (_, { input }: { input: { id: string } }, ctx) => ctx.runtime.jobs.get(toId(input.id)) ?? null,
  logs: (_, _a, ctx) => ctx.runtime.log.entries(),
};

/** Mutations that start simulated jobs (Stash's descriptions) and that stop them. */
export const jobMutations: Record<string, Resolver> = {
  metadataScan: (_, { input }: { input: { paths?: string[] | null } }, ctx) =>
    start(ctx, scanJob(ctx, scanPaths(ctx, input.paths))),
  metadataClean: (_, { input }: { input: { dryRun: boolean } }, ctx) =>
    start(ctx, cleanJob(ctx, input.dryRun)),
  metadataGenerate: (_, _a, ctx) =>
    start(ctx, simpleJob(ctx, 'Generating...', 'Generating', 'Generate finished')),
  metadataAutoTag: (_, _a, ctx) =>
    start(ctx, simpleJob(ctx, 'Auto-tagging...', 'Auto-tagging', 'Finished auto-tag after')),
  metadataIdentify: (_, _a, ctx) =>
    start(ctx, simpleJob(ctx, 'Identifying...', 'Identifying', 'Identify finished')),
  metadataCleanGenerated: (_, _a, ctx) =>
    start(
      ctx,
      simpleJob(ctx, 'Cleaning generated files...', 'Cleaning', 'Finished cleaning generated files'),
    ),
  metadataImport: (_, _a, ctx) => start(ctx, simpleJob(ctx, 'Importing...', 'Importing', 'Finished import')),
  metadataExport: (_, _a, ctx) => start(ctx, simpleJob(ctx, 'Exporting...', 'Exporting', 'Finished export')),
  migrateHashNaming: (_, _a, ctx) =>
    start(ctx, simpleJob(ctx, 'Migrating scene hashes...', 'Migrating', 'Finished migrating')),
  migrateSceneScreenshots: (_, _a, ctx) =>
    start(ctx, simpleJob(ctx, 'Migrating scene screenshots to blobs...', 'Migrating', 'Finished migrating')),
  migrateBlobs: (_, _a, ctx) =>
    start(ctx, simpleJob(ctx, 'Migrating blobs...', 'Migrating', 'Finished migrating')),
  optimiseDatabase: (_, _a, ctx) =>
    start(ctx, simpleJob(ctx, 'Optimising database...', 'Optimising', 'Finished optimising database')),
  sceneGenerateScreenshot: (_, { id }: { id: string }, ctx) => {
    start(ctx, {
      ...simpleJob(ctx, `Generating screenshot for scene id ${id}`, 'Generating screenshot', 'Generate'),
      // Stash looks the scene up when the job runs, so a bad id fails the job, not the mutation.
      start: () => {
        let sceneId: string;
        try {
          sceneId = toId(id);
        } catch (error) {
          throw new MockStashError(`error parsing scene id ${id}: ${(error as Error).message}`);
        }
        if (!ctx.db.get('Scene', sceneId)) {
          throw new MockStashError(
            `error finding scene for screenshot generation: scene with id ${id} not found`,
          );
        }
      },
      finish: () => ctx.runtime.log.info('Generate screenshot finished'),
    });
    // Stash answers this literal string, not the job id.
    return 'todo';
  },
  stopJob: (_, { job_id }: { job_id: string }, ctx) => {
    let id: string;
    try {
      id = toId(job_id);
    } catch (error) {
      throw new MockStashError(`converting id: ${(error as Error).message}`);
    }
    ctx.runtime.jobs.stop(id);
    return true;
  },
  stopAllJobs: (_, _a, ctx) => {
    ctx.runtime.jobs.stopAll();
    return true;
  },
};

/** Subscription fields: each a source of events (`subscribe`) and the value sent for each. */
export const jobSubscriptions: Record<
  string,
  { subscribe: Resolver; resolve?: (payload: unknown) => unknown }
> = {
  jobsSubscribe: { subscribe: (_, _a, ctx) => ctx.runtime.jobs.updates.subscribe() },
  scanCompleteSubscribe: { subscribe: (_, _a, ctx) => ctx.runtime.scanComplete.subscribe() },
  loggingSubscribe: { subscribe: (_, _a, ctx) => ctx.runtime.log.batches.subscribe() },
};
