import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildClientSchema, parse, validate, type GraphQLSchema, type IntrospectionQuery } from 'graphql';

/**
 * `<repo>/../shared/stash-schema/introspection.json`: the real Stash schema, read only by tests.
 * A worktree nested deeper (`/work/wt/<name>`) finds it in the nearest ancestor that has `shared/`.
 */
export const INTROSPECTION_PATH = findIntrospection(dirname(fileURLToPath(import.meta.url)));

function findIntrospection(from: string): string {
  const relative = 'shared/stash-schema/introspection.json';
  const beside = resolve(from, '../../../..', relative);
  for (let dir = resolve(from, '../../../..'); ; dir = dirname(dir)) {
    if (existsSync(resolve(dir, relative))) return resolve(dir, relative);
    if (dirname(dir) === dir) return beside;
  }
}

let schema: GraphQLSchema | null = null;

/** The real Stash schema built from the shared introspection result (cached). */
export function realStashSchema(): GraphQLSchema {
  if (schema) return schema;
  let raw: string;
  try {
    raw = readFileSync(INTROSPECTION_PATH, 'utf8');
  } catch (error) {
    throw new Error(
      `testkit: cannot read the Stash introspection at ${INTROSPECTION_PATH}: ${(error as Error).message}`,
    );
  }
  const json = JSON.parse(raw) as { data?: IntrospectionQuery } & IntrospectionQuery;
  schema = buildClientSchema(json.data ?? json);
  return schema;
}

/** Validates a document against the real Stash schema; returns the error messages (empty when valid). */
export function validateDocument(query: string): string[] {
  let doc;
  try {
    doc = parse(query);
  } catch (error) {
    return [`syntax: ${(error as Error).message}`];
  }
  return validate(realStashSchema(), doc).map((e) => e.message);
}
