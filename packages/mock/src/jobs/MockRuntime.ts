import { EventHub } from './EventHub';
import { JobManager, type JobTiming } from './JobManager';
import { systemClock, type MockClock } from './MockClock';
import { MockLog } from './MockLog';
import { PluginRegistry } from '../plugins/PluginRegistry';
import type { PluginSource } from '../plugins/PluginSource';

export interface MockJobOptions extends JobTiming {
  /** Time source for jobs and log timestamps (default: real time; `createManualClock()` in tests). */
  clock?: MockClock;
  /** New scenes each `metadataScan` finds (default 3; 0 for none). */
  scanNewScenes?: number;
}

/** Per-instance state behind jobs and events: the job queue, the server log, scan notifications, plugins. */
export class MockRuntime {
  readonly clock: MockClock;
  readonly jobs: JobManager;
  readonly log: MockLog;
  /** `scanCompleteSubscribe`: true after each finished scan or clean. */
  readonly scanComplete = new EventHub<boolean>();
  readonly scanNewScenes: number;
  /** Plugins loaded from the plugins folder, and which are disabled. */
  readonly plugins: PluginRegistry;

  constructor(options: MockJobOptions = {}, plugins: PluginSource | null = null) {
    this.clock = options.clock ?? systemClock;
    this.jobs = new JobManager(this.clock, options);
    this.log = new MockLog(this.clock);
    this.scanNewScenes = Math.max(0, Math.floor(options.scanNewScenes ?? 3));
    this.plugins = new PluginRegistry(this.log, plugins);
  }

  /** Drops jobs and log entries (subscriptions stay open); every plugin enabled again. */
  reset(): void {
    this.jobs.clear();
    this.log.clear();
    this.plugins.reset();
  }

  /** Ends every subscription (server shutdown). */
  close(): void {
    this.reset();
    this.jobs.updates.closeAll();
    this.log.batches.closeAll();
    this.scanComplete.closeAll();
  }
}

/** A duration as Go's time.Duration prints it for the mock's round figures (`250ms`, `2s`, `1.5s`). */
export function goDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)}ms` : `${Math.round(ms) / 1000}s`;
}
