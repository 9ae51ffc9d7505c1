/**
 * UTC time formatting without `Date` objects: the dataset formats about a million timestamps at
 * 100,000 scenes, and `toISOString().slice()` made a Date, a 24-character string and a sliced copy for
 * each. These build one flat string, with exactly the characters `toISOString` gives.
 */

const MS_PER_DAY = 86_400_000;
/** Years toISOString prints with four digits; others take the Date path (`+010000`, `-000001`). */
const MIN_FAST = -62_167_219_200_000; // 0000-01-01T00:00:00Z
const MAX_FAST = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
const ZERO = 48;

/** Proleptic Gregorian year, month (1–12) and day of a day count since 1970-01-01 (Hinnant's civil_from_days). */
function civil(days: number): [number, number, number] {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

function fast(ms: number): boolean {
  return ms >= MIN_FAST && ms <= MAX_FAST;
}

/** `YYYY-MM-DD` of a UTC instant, as `new Date(ms).toISOString().slice(0, 10)`. */
export function isoDate(ms: number): string {
  const t = Math.trunc(ms);
  if (!fast(t)) return new Date(ms).toISOString().slice(0, 10);
  const [y, mo, d] = civil(Math.floor(t / MS_PER_DAY));
  return String.fromCharCode(
    ZERO + Math.floor(y / 1000),
    ZERO + (Math.floor(y / 100) % 10),
    ZERO + (Math.floor(y / 10) % 10),
    ZERO + (y % 10),
    45,
    ZERO + Math.floor(mo / 10),
    ZERO + (mo % 10),
    45,
    ZERO + Math.floor(d / 10),
    ZERO + (d % 10),
  );
}

/** RFC3339 without fractional seconds, as Stash prints `Time`: `new Date(ms).toISOString().slice(0, 19) + 'Z'`. */
export function rfc3339(ms: number): string {
  const t = Math.trunc(ms);
  if (!fast(t)) return `${new Date(ms).toISOString().slice(0, 19)}Z`;
  const days = Math.floor(t / MS_PER_DAY);
  const [y, mo, d] = civil(days);
  const s = Math.floor((t - days * MS_PER_DAY) / 1000);
  const hh = Math.floor(s / 3600);
  const mi = Math.floor(s / 60) % 60;
  const ss = s % 60;
  return String.fromCharCode(
    ZERO + Math.floor(y / 1000),
    ZERO + (Math.floor(y / 100) % 10),
    ZERO + (Math.floor(y / 10) % 10),
    ZERO + (y % 10),
    45,
    ZERO + Math.floor(mo / 10),
    ZERO + (mo % 10),
    45,
    ZERO + Math.floor(d / 10),
    ZERO + (d % 10),
    84,
    ZERO + Math.floor(hh / 10),
    ZERO + (hh % 10),
    58,
    ZERO + Math.floor(mi / 10),
    ZERO + (mi % 10),
    58,
    ZERO + Math.floor(ss / 10),
    ZERO + (ss % 10),
    90,
  );
}
