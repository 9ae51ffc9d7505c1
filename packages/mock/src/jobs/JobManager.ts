import { rfc3339 } from '../data/timeFormat';
import { EventHub } from './EventHub';
import type { MockClock } from './MockClock';

export type JobStatus = 'READY' | 'RUNNING' | 'FINISHED' | 'STOPPING' | 'CANCELLED' | 'FAILED';

/** A job as the GraphQL `Job` type shows it. */
export interface Job {
  id: string;
  status: JobStatus;
  subTasks: string[] | null;
  description: string;
  /** 0–1; null while indefinite (Stash's -1). */
  progress: number | null;
  startTime: string | null;
  endTime: string | null;
  addTime: string;
  error: string | null;
}

export interface JobStatusUpdate {
  type: 'ADD' | 'UPDATE' | 'REMOVE';
  job: Job;
}

/** What a simulated job does: its steps, and effects run as it progresses. */
export interface JobSpec {
  description: string;
  /** Progress steps (default: the manager's). */
  steps?: number;
  /** Total running time in ms (default: the manager's). */
  durationMs?: number;
  /** Sub-task label shown during step `i` (0-based), e.g. the file being scanned. */
  subTask?(step: number): string | null;
  /** Runs when the job starts; throwing fails the job with that message. */
  start?(): void;
  /** Runs once all steps are done, before the job is marked finished; throwing fails it. */
  finish?(): void;
  /** Runs when the job is stopped while running. */
  cancelled?(): void;
}

export interface JobTiming {
  /** How long a job runs (default 2,000 ms). */
  durationMs?: number;
  /** Progress updates per job (default 4). */
  steps?: number;
}

/** Stash keeps the last 10 finished jobs for `findJob`. */
const GRAVEYARD_SIZE = 10;

interface Entry {
  job: Job;
  spec: JobSpec;
  timer: unknown;
  step: number;
}

/**
 * Stash's job queue (pkg/job): jobs run one at a time in the order added; `jobsSubscribe` sees ADD when
 * a job is queued, UPDATE when it starts and as it progresses, REMOVE (with FINISHED, CANCELLED or
 * FAILED) when it leaves the queue. Time comes from the clock, so tests drive it with a manual clock.
 */
export class JobManager {
  readonly updates = new EventHub<JobStatusUpdate>();
  private queue: Entry[] = [];
  private graveyard: Job[] = [];
  private lastId = 0;
  private readonly durationMs: number;
  private readonly steps: number;

  constructor(
    private readonly clock: MockClock,
    timing: JobTiming = {},
  ) {
    this.durationMs = Math.max(0, timing.durationMs ?? 2000);
    this.steps = Math.max(1, Math.floor(timing.steps ?? 4));
  }

  /** Queues a job and returns its id; it starts when the jobs before it are done. */
  add(spec: JobSpec): string {
    const job: Job = {
      id: String(++this.lastId),
      status: 'READY',
      subTasks: null,
      description: spec.description,
      progress: null,
      startTime: null,
      endTime: null,
      addTime: rfc3339(this.clock.now()),
      error: null,
    };
    this.queue.push({ job, spec, timer: null, step: 0 });
    this.notify('ADD', job);
    this.dispatchNext();
    return job.id;
  }

  /** The queue (running and waiting jobs), as copies. */
  list(): Job[] {
    return this.queue.map((e) => ({ ...e.job }));
  }

  /** A queued or recently finished job, or undefined. */
  get(id: string): Job | undefined {
    const job = this.queue.find((e) => e.job.id === id)?.job ?? this.graveyard.find((j) => j.id === id);
    return job ? { ...job } : undefined;
  }

  /** Stash's CancelJob: a waiting job is removed at once, a running one stops (STOPPING, then CANCELLED). */
  stop(id: string): void {
    const entry = this.queue.find((e) => e.job.id === id);
    if (entry) this.cancel(entry);
  }

  stopAll(): void {
    for (const entry of [...this.queue]) this.cancel(entry);
  }

  /** Drops every job and timer without events, and numbers jobs from 1 again (the mock's reset). */
  clear(): void {
    for (const e of this.queue) if (e.timer !== null) this.clock.clearTimeout(e.timer);
    this.queue = [];
    this.graveyard = [];
    this.lastId = 0;
  }

  private cancel(entry: Entry): void {
    const { job } = entry;
    if (job.status === 'READY') {
      job.status = 'CANCELLED';
      this.remove(entry);
    } else if (job.status === 'RUNNING') {
      job.status = 'STOPPING';
      if (entry.timer !== null) this.clock.clearTimeout(entry.timer);
      // The job notices the cancellation on its next turn, as Stash's task checks its context.
      entry.timer = this.clock.setTimeout(() => {
        entry.spec.cancelled?.();
        this.end(entry);
      }, 0);
    }
  }

  private dispatchNext(): void {
    if (this.queue.some((e) => e.job.status === 'RUNNING' || e.job.status === 'STOPPING')) return;
    const entry = this.queue.find((e) => e.job.status === 'READY');
    if (!entry) return;
    const { job, spec } = entry;
    job.status = 'RUNNING';
    job.startTime = rfc3339(this.clock.now());
    if (!this.attempt(entry, () => spec.start?.())) return;
    job.progress = 0;
    job.subTasks = this.subTasks(entry, 0);
    this.notify('UPDATE', job);
    this.scheduleStep(entry);
  }

  private scheduleStep(entry: Entry): void {
    const steps = Math.max(1, Math.floor(entry.spec.steps ?? this.steps));
    const interval = (entry.spec.durationMs ?? this.durationMs) / steps;
    entry.timer = this.clock.setTimeout(() => {
      entry.timer = null;
      entry.step++;
      const { job } = entry;
      job.progress = Math.min(1, entry.step / steps);
      if (entry.step < steps) {
        job.subTasks = this.subTasks(entry, entry.step);
        this.notify('UPDATE', job);
        this.scheduleStep(entry);
        return;
      }
      job.subTasks = null;
      this.notify('UPDATE', job);
      if (this.attempt(entry, () => entry.spec.finish?.())) this.end(entry);
    }, interval);
  }

  /** Runs an effect; a throw fails the job (Stash: the error is kept and the job removed). */
  private attempt(entry: Entry, fn: () => void): boolean {
    try {
      fn();
      return true;
    } catch (error) {
      entry.job.error = error instanceof Error ? error.message : String(error);
      entry.job.status = 'FAILED';
      this.end(entry);
      return false;
    }
  }

  private subTasks(entry: Entry, step: number): string[] | null {
    const label = entry.spec.subTask?.(step);
    return label ? [label] : null;
  }

  /** Stash's onJobFinish + removeJob: final status, end time, REMOVE, then the next job. */
  private end(entry: Entry): void {
    const { job } = entry;
    if (job.status === 'STOPPING') job.status = 'CANCELLED';
    else if (job.status !== 'FAILED') job.status = 'FINISHED';
    job.endTime = rfc3339(this.clock.now());
    this.remove(entry);
    this.dispatchNext();
  }

  private remove(entry: Entry): void {
    const index = this.queue.indexOf(entry);
    if (index === -1) return;
    this.queue.splice(index, 1);
    entry.job.subTasks = null;
    this.graveyard.push(entry.job);
    if (this.graveyard.length > GRAVEYARD_SIZE) this.graveyard.shift();
    this.notify('REMOVE', entry.job);
  }

  private notify(type: JobStatusUpdate['type'], job: Job): void {
    this.updates.publish({ type, job: { ...job, subTasks: job.subTasks && [...job.subTasks] } });
  }
}
