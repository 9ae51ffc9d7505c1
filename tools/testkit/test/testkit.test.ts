import { expect, it } from 'vitest';
import { startTestStash, validateDocument } from '../src/index';

it('validateDocument accepts valid documents and explains invalid ones', () => {
  expect(validateDocument(`query { findScenes { count } }`)).toEqual([]);
  expect(validateDocument(`query { findScenes { nope } }`)[0]).toMatch(/nope/);
  expect(validateDocument(`query {`)[0]).toMatch(/^syntax:/);
});

it('close() throws when the mock received a document the real schema rejects', async () => {
  const stash = await startTestStash({ size: 20 });
  await fetch(stash.url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ query: `query Bad { findScenes { nope } }` }),
  });
  await expect(stash.close()).rejects.toThrow(/1 document\(s\).*invalid[\s\S]*Bad/);
});

it('close() passes when every document was valid, even after reset()', async () => {
  const stash = await startTestStash({ size: 20 });
  const post = (query: string) =>
    fetch(stash.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query }),
    });
  await post(`query Ok { findScenes { count } }`);
  stash.reset();
  await post(`query Ok2 { version { version } }`);
  await expect(stash.close()).resolves.toBeUndefined();
});
