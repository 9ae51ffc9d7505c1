/**
 * Lookups of user-given keys in schema tables: only own properties count, so `constructor`,
 * `toString` or `__proto__` never match something inherited from `Object.prototype`.
 */
export function own<T>(table: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return table !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}
