/** The real Stash schema the tests compare the model against. */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildClientSchema, type IntrospectionQuery } from 'graphql';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

const json = JSON.parse(readFileSync(resolve(repoRoot, '../shared/stash-schema/introspection.json'), 'utf8'));

export const introspection: IntrospectionQuery = json.data ?? json;
export const schema = buildClientSchema(introspection);
