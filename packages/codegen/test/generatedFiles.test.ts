/** The committed generated files are what a fresh run writes (what `pnpm codegen:check` enforces). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeSchemaModel } from '../../core/src/schema/decodeSchemaModel.ts';
import { buildSchemaModel } from '../src/buildSchemaModel.ts';
import { encodeSchemaModel } from '../src/encodeSchemaModel.ts';
import { generateAll } from '../src/generateAll.ts';
import { measureModelSize } from '../src/measureModelSize.ts';
import { introspection, repoRoot } from './introspection.ts';

describe('generated files', () => {
  const files = generateAll(introspection);

  it('writes the mock SDL, the encoded model and the types', () => {
    expect(Object.keys(files)).toEqual([
      'packages/mock/src/generated/schema.ts',
      'packages/core/src/schema/generated/model.ts',
      'packages/core/src/schema/generated/types.ts',
    ]);
  });

  it.each(Object.keys(generateAll(introspection)))('%s is up to date', (rel) => {
    expect(readFileSync(resolve(repoRoot, rel), 'utf8')).toBe(files[rel]);
  });

  it('is deterministic', () => {
    expect(generateAll(introspection)).toEqual(files);
  });
});

describe('encoding', () => {
  it('decodes to exactly the model the builder made', () => {
    const model = buildSchemaModel(introspection);
    // JSON round trip drops `undefined` keys, so optional keys must be absent, not undefined, on both sides.
    expect(JSON.parse(JSON.stringify(decodeSchemaModel(encodeSchemaModel(model))))).toStrictEqual(
      JSON.parse(JSON.stringify(model)),
    );
  });

  it('rejects another format version and malformed fields', () => {
    const encoded = encodeSchemaModel(buildSchemaModel(introspection));
    expect(() => decodeSchemaModel({ ...encoded, v: 2 as 1 })).toThrow(
      /unsupported generated model version 2/,
    );
    expect(() => decodeSchemaModel({ ...encoded, o: ['Scene id'] })).toThrow(/malformed field "id"/);
  });

  it('ships well under 20 kB min+gz', async () => {
    const { gzipped } = await measureModelSize();
    expect(gzipped).toBeGreaterThan(1000);
    expect(gzipped).toBeLessThan(20 * 1024);
  });
});
