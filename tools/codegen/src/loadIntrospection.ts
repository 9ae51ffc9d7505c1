import { readFile } from 'node:fs/promises';
import { getIntrospectionQuery, type IntrospectionQuery } from 'graphql';

/** Loads an introspection result from a file (`{ data }` or bare) or a live Stash server. */
export async function loadIntrospection(opts: {
  url?: string;
  apiKey?: string;
  input: string;
}): Promise<IntrospectionQuery> {
  if (opts.url) {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (opts.apiKey) headers.ApiKey = opts.apiKey;
    const res = await fetch(opts.url, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: getIntrospectionQuery({ descriptions: false }) }),
    });
    if (!res.ok) throw new Error(`codegen: introspection request failed with HTTP ${res.status}`);
    const body = (await res.json()) as { data?: IntrospectionQuery; errors?: unknown };
    if (!body.data) throw new Error(`codegen: introspection returned errors: ${JSON.stringify(body.errors)}`);
    return body.data;
  }
  const json = JSON.parse(await readFile(opts.input, 'utf8'));
  return (json.data ?? json) as IntrospectionQuery;
}
