/** A JSON object as the `Map` scalar carries it. */
export type JsonMap = Record<string, unknown>;

const isMap = (v: unknown): v is JsonMap => typeof v === 'object' && v !== null && !Array.isArray(v);

/** An own property only: a client's `__proto__` or `constructor` key is data, never the prototype. */
const own = (map: JsonMap, key: string): unknown => (Object.hasOwn(map, key) ? map[key] : undefined);

function setOwn(map: JsonMap, key: string, value: unknown): void {
  Object.defineProperty(map, key, { value, writable: true, enumerable: true, configurable: true });
}

/** Stash's `utils.MergeMaps`: maps merge recursively, any other value (lists too) replaces. */
export function deepMerge(target: JsonMap, source: JsonMap): JsonMap {
  for (const [key, value] of Object.entries(source)) {
    const existing = own(target, key);
    setOwn(target, key, isMap(existing) && isMap(value) ? deepMerge(existing, value) : value);
  }
  return target;
}

/** Stash's `NestedMap.Set`: a dotted key path creates (or replaces non-map values with) nested maps. */
export function setNested(map: JsonMap, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = map;
  for (const part of parts.slice(0, -1)) {
    let next = own(node, part);
    if (!isMap(next)) {
      next = {};
      setOwn(node, part, next);
    }
    node = next as JsonMap;
  }
  setOwn(node, parts[parts.length - 1]!, value);
}
