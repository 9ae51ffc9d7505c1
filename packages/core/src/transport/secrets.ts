/**
 * The ApiKey kept out of everything observable: a key given in the URL (`?apikey=KEY`, a form
 * Stash accepts) is moved into the `ApiKey` header, and any text that could echo a key (server
 * messages, bodies, lower-level errors) is redacted before it reaches a message or an error.
 */
import { StashValidationError } from '../errors';

const REDACTED = '***';
// `apikey=` in a query string (Stash's form, any case), up to the next separator.
const KEY_PARAM = /([?&]apikey=)[^&#\s"'<>]*/gi;

/** The error for a `url` option that is not an absolute http(s) URL (shown redacted). */
export function badUrl(url: unknown): StashValidationError {
  const shown = typeof url === 'string' ? redactText(url, []) : url;
  return new StashValidationError(
    `StashClient: url must be an absolute http(s) URL such as "http://localhost:9999/graphql", got ${JSON.stringify(shown) ?? String(shown)}`,
  );
}

/** `url` without its `apikey` query parameters, and the key they held (the last one). */
export function splitKeyFromUrl(url: string): { url: string; key: string | undefined } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw badUrl(url);
  }
  if (parsed.username !== '' || parsed.password !== '') {
    throw new StashValidationError(
      'StashClient: url must not carry credentials (user:password@); pass apiKey or headers instead',
    );
  }
  let key: string | undefined;
  for (const name of [...parsed.searchParams.keys()]) {
    if (name.toLowerCase() !== 'apikey') continue;
    key = parsed.searchParams.getAll(name).at(-1);
    parsed.searchParams.delete(name);
  }
  return { url: key === undefined ? url : parsed.toString(), key };
}

/** `text` with `apikey=` parameters and every occurrence of `keys` (raw or URL-encoded) replaced. */
export function redactText(text: string, keys: readonly string[]): string {
  let out = text.replace(KEY_PARAM, `$1${REDACTED}`);
  for (const key of keys) {
    if (key === '') continue;
    out = out.split(key).join(REDACTED);
    const encoded = encodeURIComponent(key);
    if (encoded !== key) out = out.split(encoded).join(REDACTED);
  }
  return out;
}

/**
 * A copy of `value` with every string redacted as `redactText` does (`?apikey=` in the stream URLs
 * Stash builds, `scene.paths.stream`): for devtools and logs, never for the data the app uses.
 */
export function redactApiKeys<T>(value: T, keys: readonly string[] = []): T {
  const seen = new Map<object, unknown>();
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return redactText(v, keys);
    if (v === null || typeof v !== 'object') return v;
    const done = seen.get(v);
    if (done !== undefined) return done;
    if (Array.isArray(v)) {
      const out: unknown[] = [];
      seen.set(v, out);
      for (const item of v) out.push(walk(item));
      return out;
    }
    const out: Record<string, unknown> = {};
    seen.set(v, out);
    for (const [k, item] of Object.entries(v)) out[k] = walk(item);
    return out;
  };
  return walk(value) as T;
}

/** A short excerpt of a response body for an error message: one line, at most `max` characters, redacted. */
export function bodyExcerpt(body: unknown, keys: readonly string[], max = 200): string {
  if (typeof body !== 'string') return '';
  const line = redactText(body, keys).replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 3)}...` : line;
}
