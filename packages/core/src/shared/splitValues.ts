/** `{ a: 'x y' }` → `{ a: ['x', 'y'] }` (`''` → `[]`): word tables, shorter in the bundle than array literals. */
export function splitValues<K extends string>(table: Record<K, string>): Record<K, readonly string[]> {
  return Object.fromEntries(
    Object.entries<string>(table).map(([key, words]) => [key, words ? words.split(' ') : []]),
  ) as unknown as Record<K, readonly string[]>;
}
