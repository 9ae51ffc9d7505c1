import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createExecutableSchema } from '../src/schema/createExecutableSchema';
import { unimplementedFields } from '../src/schema/notImplemented';
import { gql, startTestStash } from './helpers';

const listed = [
  ...readFileSync(new URL('../UNIMPLEMENTED.md', import.meta.url), 'utf8').matchAll(/^- `(\w+\.\w+)` — \S/gm),
].map((m) => m[1]!);

describe('UNIMPLEMENTED.md', () => {
  it('lists exactly the root fields without a resolver, each once with a reason', () => {
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual(unimplementedFields(createExecutableSchema()).sort());
  });

  it('a listed field answers a field error naming it', async () => {
    const field = listed.find((f) => f.startsWith('Mutation.') && f.endsWith('.execSQL'));
    expect(field).toBeDefined();
    const stash = await startTestStash();
    try {
      const answer = await gql(stash.url, 'mutation Exec { execSQL(sql: "select 1") { rows_affected } }');
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({
        errors: [{ message: 'MockStash: execSQL is not implemented', path: ['execSQL'] }],
        data: null,
      });
    } finally {
      await stash.close();
    }
  });
});
