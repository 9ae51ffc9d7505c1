import { rfc3339 } from '../../data/generateDataset';
import { MockStashError } from '../../errors';

/**
 * Parses Stash's `Timestamp` input: RFC3339, or relative `<4h` (4 hours ago) / `>5m` (5 minutes ahead)
 * with units s, m, h, d.
 */
export function parseTimestamp(value: string): string {
  const rel = /^([<>])(\d+)([smhd])$/.exec(value.trim());
  if (rel) {
    const unit = { s: 1e3, m: 6e4, h: 36e5, d: 864e5 }[rel[3] as 's' | 'm' | 'h' | 'd'];
    const offset = Number(rel[2]) * unit;
    return rfc3339(Date.now() + (rel[1] === '<' ? -offset : offset));
  }
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new MockStashError(`parsing time ${JSON.stringify(value)}: invalid timestamp`);
  return rfc3339(ms);
}

/** Adds `times` (default: now) to a history, kept in ascending order. */
export function addTimes(history: readonly string[], times: string[] | null | undefined): string[] {
  const added = times && times.length > 0 ? times.map(parseTimestamp) : [rfc3339(Date.now())];
  return [...history, ...added].sort();
}

/** Removes `times` (default: the latest entry) from a history. */
export function deleteTimes(history: readonly string[], times: string[] | null | undefined): string[] {
  if (!times || times.length === 0) return history.slice(0, -1);
  const remove = times.map(parseTimestamp);
  const out = [...history];
  for (const t of remove) {
    const i = out.indexOf(t);
    if (i >= 0) out.splice(i, 1);
  }
  return out;
}

/** `HistoryMutationResult`: the new count and the history, newest first as Stash lists it. */
export function historyResult(history: readonly string[]) {
  return { count: history.length, history: [...history].reverse() };
}
