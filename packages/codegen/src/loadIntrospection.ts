import { readFile } from 'node:fs/promises';
import { getIntrospectionQuery, type IntrospectionQuery } from 'graphql';

export interface IntrospectionSource {
  /** A Stash GraphQL endpoint (`http://localhost:9999/graphql`); wins over `input`. */
  url?: string;
  /** Sent as the `ApiKey` header; never printed. */
  apiKey?: string;
  /** An introspection result file: `{ data: { __schema } }` or `{ __schema }`. */
  input?: string;
  /** Abort the request after this many ms (default 30 s). */
  timeoutMs?: number;
}

function isIntrospection(value: unknown): value is IntrospectionQuery {
  return typeof value === 'object' && value !== null && '__schema' in value;
}

/**
 * Asks with deprecated arguments and input fields (the model marks them), and again without them
 * for servers whose introspection predates `inputFields(includeDeprecated:)`.
 */
async function fromUrl(url: string, apiKey: string | undefined, timeoutMs: number): Promise<unknown> {
  try {
    return await introspect(url, apiKey, timeoutMs, true);
  } catch (err) {
    if (!(err instanceof IntrospectionErrors)) throw err;
    return introspect(url, apiKey, timeoutMs, false);
  }
}

class IntrospectionErrors extends Error {}

async function introspect(
  url: string,
  apiKey: string | undefined,
  timeoutMs: number,
  inputValueDeprecation: boolean,
): Promise<unknown> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (apiKey) headers.ApiKey = apiKey;
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: getIntrospectionQuery({ descriptions: false, inputValueDeprecation }) }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    const cause =
      err instanceof Error ? ((err.cause as Error | undefined)?.message ?? err.message) : String(err);
    throw new Error(`codegen: cannot reach ${url}: ${cause}`);
  }
  if (res.status === 401 || res.status === 403) {
    throw new Error(
      `codegen: ${url} answered HTTP ${res.status}: ${apiKey ? 'the API key was refused' : 'it needs an API key (--api-key or STASH_API_KEY)'}`,
    );
  }
  if (!res.ok) throw new Error(`codegen: introspection request to ${url} failed with HTTP ${res.status}`);
  const body = (await res.json().catch(() => null)) as {
    data?: unknown;
    errors?: { message?: string }[];
  } | null;
  if (!body) throw new Error(`codegen: ${url} did not answer with JSON; is it Stash's /graphql endpoint?`);
  if (body.errors?.length) {
    throw new Error(
      `codegen: introspection returned errors: ${body.errors.map((e) => e.message).join('; ')}`,
    );
  }
  return body.data;
}

/** Loads an introspection result from a live Stash server or from a file. */
export async function loadIntrospection(source: IntrospectionSource): Promise<IntrospectionQuery> {
  let json: unknown;
  let from: string;
  if (source.url) {
    from = source.url;
    json = await fromUrl(source.url, source.apiKey, source.timeoutMs ?? 30_000);
  } else if (source.input) {
    from = source.input;
    const text = await readFile(source.input, 'utf8').catch((err: NodeJS.ErrnoException) => {
      throw new Error(`codegen: cannot read ${source.input}: ${err.code ?? err.message}`);
    });
    try {
      json = JSON.parse(text);
    } catch {
      throw new Error(`codegen: ${source.input} is not JSON`);
    }
  } else throw new Error('codegen: give --url or --input');
  const result = isIntrospection(json) ? json : (json as { data?: unknown } | null)?.data;
  if (!isIntrospection(result)) throw new Error(`codegen: ${from} holds no introspection result (__schema)`);
  return result;
}
