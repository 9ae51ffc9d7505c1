import { MockStashError } from '../errors';

const INT64_MAX = 9223372036854775807n;

/**
 * Converts an ID argument the way Stash's resolvers do (`strconv.Atoi`), with Go's exact error text,
 * and returns it in canonical decimal form (`"007"` → `"7"`), which is how the mock keys its rows.
 */
export function toId(value: unknown): string {
  const text = String(value);
  if (!/^[+-]?\d+$/.test(text))
    throw new MockStashError(`strconv.Atoi: parsing ${JSON.stringify(text)}: invalid syntax`);
  const big = BigInt(text);
  if (big > INT64_MAX || big < -INT64_MAX - 1n) {
    throw new MockStashError(`strconv.Atoi: parsing ${JSON.stringify(text)}: value out of range`);
  }
  return big.toString();
}

/** An optional ID: null/undefined stay as they are. */
export function toOptionalId(value: unknown): string | null | undefined {
  return value === null || value === undefined ? (value as null | undefined) : toId(value);
}

/** A list of ids as Stash's resolvers convert them (`converting <field>: strconv.Atoi: …`). */
export function toIds(values: readonly unknown[] | null | undefined, field: string): string[] {
  if (!values) return [];
  try {
    return values.map(toId);
  } catch (error) {
    throw new MockStashError(`converting ${field}: ${(error as Error).message}`);
  }
}

/**
 * `handleIDList` of Stash's `find*(ids)`: duplicates are refused first
 * (`validating ids: duplicate id found: 5`), then every id must be numeric.
 */
export function handleIdList(values: readonly unknown[], field: string): string[] {
  const seen = new Set<string>();
  for (const value of values) {
    const text = String(value);
    if (seen.has(text)) throw new MockStashError(`validating ${field}: duplicate id found: ${text}`);
    seen.add(text);
  }
  return toIds(values, field);
}
