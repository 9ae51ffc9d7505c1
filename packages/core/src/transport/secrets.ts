/**
 * The ApiKey kept out of everything observable: a key given in the URL (`?apikey=KEY`, a form
 * Stash accepts) is moved into the `ApiKey` header, and any text that could echo a key (server
 * messages, bodies, lower-level errors) is redacted before it reaches a message or an error.
 * Imports nothing at run time: the live connection (loaded on demand) uses it without pulling the
 * client's option checks into the lazily initialized part of a bundle.
 */
import type { StashClient } from './transportClient';

const REDACTED = '***';

// The ApiKey of each client, kept off the object so it never shows in logs or devtools; the live
// connection needs it for `?apikey=` (browsers cannot set headers on a websocket).
const apiKeys = new WeakMap<StashClient, string>();

/** @internal The ApiKey a client sends (for `connectLive`), or `undefined`. */
export function clientApiKey(client: StashClient): string | undefined {
  return apiKeys.get(client);
}

/** @internal Remembers the key `client` sends (`createTransportClient`). */
export function rememberApiKey(client: StashClient, apiKey: string): void {
  apiKeys.set(client, apiKey);
}

/** `text` with `?apikey=` parameters and `apiKey` replaced. */
export function redact(text: string, apiKey: string | undefined): string {
  return redactText(text, apiKey === undefined ? [] : [apiKey]);
}
// `apikey=` in a query string (Stash's form, any case), up to the next separator.
const KEY_PARAM = /([?&]apikey=)[^&#\s"'<>]*/gi;

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
