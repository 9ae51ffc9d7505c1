import { rfc3339 } from '../data/timeFormat';

interface TempIP {
  ipAddress: string;
  until: number | null;
}

const iso = (ms: number | null) => (ms === null ? null : rfc3339(ms));
const later = (now: number, minutes: number | null | undefined) =>
  minutes == null ? null : now + minutes * 60_000;

/**
 * The DLNA service's state as Stash reports it (`dlnaStatus`, `enableDLNA`, ...). No UPnP server runs:
 * only running/until and the temporary IP list, with timed stops and restarts read against the clock.
 */
export class MockDlna {
  private running = false;
  /** Running until then (`enableDLNA` with a duration). */
  private stopAt: number | null = null;
  /** Stopped until then (`disableDLNA` with a duration). */
  private startAt: number | null = null;
  private allowed: TempIP[] = [];

  /** At startup Stash runs the service when `dlna.enabled` (the default) is set. */
  reset(enabledByDefault: boolean): void {
    this.running = enabledByDefault;
    this.stopAt = null;
    this.startAt = null;
    this.allowed = [];
  }

  /** Applies the timers that have fired by `now`. */
  private settle(now: number): void {
    if (this.running && this.stopAt !== null && this.stopAt <= now) {
      this.running = false;
      this.stopAt = null;
    }
    if (!this.running && this.startAt !== null && this.startAt <= now) {
      this.running = true;
      this.startAt = null;
    }
    this.allowed = this.allowed.filter((ip) => ip.until === null || ip.until >= now);
  }

  status(now: number) {
    this.settle(now);
    return {
      running: this.running,
      until: iso(this.stopAt ?? this.startAt),
      // no DLNA client ever connects to the mock
      recentIPAddresses: [] as string[],
      allowedIPAddresses: this.allowed.map((ip) => ({ ipAddress: ip.ipAddress, until: iso(ip.until) })),
    };
  }

  /** `enableDLNA`: starts the service (a pending restart is dropped); with minutes, it stops again then. */
  enable(now: number, minutes: number | null | undefined): void {
    this.settle(now);
    if (!this.running) {
      this.running = true;
      this.startAt = null;
    }
    if (minutes != null) this.stopAt = later(now, minutes);
  }

  /** `disableDLNA`: stops the service (a pending stop is dropped); with minutes, it starts again then. */
  disable(now: number, minutes: number | null | undefined): void {
    this.settle(now);
    if (this.running) {
      this.running = false;
      this.stopAt = null;
    }
    if (minutes != null) this.startAt = later(now, minutes);
  }

  /** `configureDLNA` changing `enabled`: Stash's RefreshDLNA starts or stops the service to match. */
  refresh(enabled: boolean, now: number): void {
    this.settle(now);
    if (enabled && !this.running) this.enable(now, null);
    else if (!enabled && this.running) this.disable(now, null);
  }

  addTempIP(now: number, address: string, minutes: number | null | undefined): void {
    if (address === '') return;
    this.settle(now);
    // an existing pattern keeps its place and gets the new expiry
    const existing = this.allowed.find((ip) => ip.ipAddress === address);
    if (existing) existing.until = later(now, minutes);
    else this.allowed.push({ ipAddress: address, until: later(now, minutes) });
  }

  removeTempIP(address: string): boolean {
    if (address === '') return false;
    const before = this.allowed.length;
    this.allowed = this.allowed.filter((ip) => ip.ipAddress !== address);
    return this.allowed.length < before;
  }
}
