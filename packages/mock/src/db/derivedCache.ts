import type { MockDbReader, RowsByTable, TableName } from './rows';

interface Entry {
  version: number;
  values: Map<string, unknown>;
}

/** Per database: values derived from its rows, valid while its `version` does not move. */
const caches = new WeakMap<MockDbReader, Entry>();

function entry(db: MockDbReader): Entry | null {
  const version = db.version;
  if (version === undefined) return null;
  let e = caches.get(db);
  if (!e || e.version !== version) {
    // any write moved the version: everything derived from the old rows is dropped at once
    e = { version, values: new Map() };
    caches.set(db, e);
  }
  return e;
}

/**
 * A value derived from the database's rows (an inverse index, a sorted order, search texts), built once
 * per database version and shared by every request until the next write. Readers without a version
 * (hand-built test databases) get no caching: `build` runs on every call.
 */
export function derived<T>(db: MockDbReader, key: string, build: () => T): T {
  const e = entry(db);
  if (!e) return build();
  if (e.values.has(key)) return e.values.get(key) as T;
  const value = build();
  e.values.set(key, value);
  return value;
}

/** The cached value for `key` if it was already built for the current version. */
export function peekDerived<T>(db: MockDbReader, key: string): T | undefined {
  return entry(db)?.values.get(key) as T | undefined;
}

/**
 * The rows of a table as an array, in table (id) order, shared until the next write: callers must not
 * modify it (filters and pages make new arrays).
 */
export function tableRows<T extends TableName>(db: MockDbReader, table: T): readonly RowsByTable[T][] {
  return derived(db, `rows:${table}`, () => [...db.table(table).values()]);
}

/** Whether `rows` is the shared array tableRows returned for the current version. */
export function isTableRows(db: MockDbReader, table: TableName, rows: readonly unknown[]): boolean {
  return peekDerived(db, `rows:${table}`) === rows;
}

/** Whether values derived from `db` are cached across calls (the db has a version counter). */
export function cachesDerived(db: MockDbReader): boolean {
  return db.version !== undefined;
}
