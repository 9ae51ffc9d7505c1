import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStash, type TestStash } from '@stashkit/testkit';
import { createStashStore, fieldKey, parseFieldKey } from '../src/index';
import { parseFieldSpec, untypedValue } from '../src/query/fieldSpec';

describe('field spec parser', () => {
  it('reads one field with literal arguments', () => {
    const parsed = parseFieldSpec(' plugins ( include : ["a\\n\\u00e9", "b"] , x: -1.5e2 y: null z: md5 ) ');
    expect(parsed.name).toBe('plugins');
    expect([...parsed.args!].map(([k, v]) => [k, untypedValue(v)])).toEqual([
      ['include', ['a\né', 'b']],
      ['x', -150],
      ['y', null],
      ['z', 'md5'],
    ]);
    expect(parseFieldSpec('title').args).toBeUndefined();
  });

  it('round-trips stored keys', () => {
    for (const args of [{ depth: -1 }, { type: 'md"5\\' }, { include: ['1', '2'] }, { f: 1e21 }]) {
      const fk = fieldKey('f', args);
      expect(parseFieldKey(fk.key)).toBe(fk);
    }
  });
});

describe('field arguments over HTTP', () => {
  let stash: TestStash;
  beforeAll(async () => {
    stash = await startTestStash({ size: 20 });
  });
  afterAll(async () => {
    await stash.close();
  });

  it('sends checked literal arguments as variables, coerced to their types', async () => {
    const store = createStashStore({ url: stash.url });
    const scene = await store.get('Scene', '1', { fields: ['files.fingerprint(type: "oshash")'] });
    const gallery = await store.get('Gallery', '1', { fields: ['image(index: 0).title'] });
    expect(scene).not.toBeNull();
    expect(gallery).not.toBeNull();
    const [first, second] = stash.requests;
    expect(first.query).toMatch(/fingerprint\(type: \$_k\d+_type\)/);
    expect(Object.values(first.variables ?? {})).toContain('oshash');
    expect(second.query).toMatch(/image\(index: \$_k\d+_index\)/);
    expect(second.query).not.toContain('"oshash"');
    expect(Object.values(second.variables ?? {})).toContain(0);
  });
});
