/**
 * One shallow equality for observer results and lists: the same own keys holding the same values
 * (`===`), or arrays with the same items. Observers keep their previous result when it holds.
 */
export function shallowEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  let count = 0;
  for (const key in left) {
    if (!Object.hasOwn(right, key) || left[key] !== right[key]) return false;
    count++;
  }
  for (const key in right) if (Object.hasOwn(right, key)) count--;
  return count === 0;
}

/** `next`, or `previous` when they are shallowly equal (keeps the old identity). */
export function keepEqual<T>(previous: T | undefined, next: T): T {
  return previous !== undefined && shallowEqual(previous, next) ? previous : next;
}
