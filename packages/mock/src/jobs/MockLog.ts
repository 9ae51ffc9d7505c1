import { rfc3339 } from '../data/timeFormat';
import { EventHub } from './EventHub';
import type { MockClock } from './MockClock';

export type LogLevel = 'Trace' | 'Debug' | 'Info' | 'Progress' | 'Warning' | 'Error';

export interface LogEntry {
  time: string;
  level: LogLevel;
  message: string;
}

/** Stash keeps the 30 newest entries for the `logs` query. */
const CACHE_SIZE = 30;
/** Stash broadcasts log entries to subscribers at most once a second, batched. */
const BROADCAST_INTERVAL_MS = 1000;
const RANK: Record<LogLevel, number> = { Trace: 0, Debug: 1, Progress: 1, Info: 2, Warning: 3, Error: 4 };

/**
 * The server log as Stash keeps it: `logs` returns the newest entries first (up to 30, at or above the
 * log level, Info by default); `loggingSubscribe` receives every entry in batches, at most one per second.
 */
export class MockLog {
  private cache: LogEntry[] = [];
  private buffer: LogEntry[] = [];
  private timer: unknown = null;
  private lastBroadcast = -Infinity;
  readonly batches = new EventHub<LogEntry[]>();

  constructor(
    private readonly clock: MockClock,
    private readonly minLevel: LogLevel = 'Info',
  ) {}

  add(level: LogLevel, message: string): void {
    const entry = { time: rfc3339(this.clock.now()), level, message };
    if (RANK[level] >= RANK[this.minLevel]) {
      this.cache.unshift(entry);
      if (this.cache.length > CACHE_SIZE) this.cache.length = CACHE_SIZE;
    }
    this.buffer.push(entry);
    if (this.timer !== null) return;
    const wait = this.lastBroadcast + BROADCAST_INTERVAL_MS - this.clock.now();
    if (wait <= 0) this.flush();
    else this.timer = this.clock.setTimeout(() => this.flush(), wait);
  }

  info(message: string): void {
    this.add('Info', message);
  }

  /** Newest first, as Stash's `logs`. */
  entries(): LogEntry[] {
    return [...this.cache];
  }

  clear(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    this.cache = [];
    this.buffer = [];
    this.lastBroadcast = -Infinity;
  }

  private flush(): void {
    this.timer = null;
    this.lastBroadcast = this.clock.now();
    const batch = this.buffer;
    this.buffer = [];
    if (batch.length > 0) this.batches.publish(batch);
  }
}
