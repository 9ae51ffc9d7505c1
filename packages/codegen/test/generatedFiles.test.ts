/** The committed generated files are what a fresh run writes (what `pnpm codegen:check` enforces). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeSchemaModel } from '../../core/src/schema/decodeSchemaModel.ts';
import { decodeWriteModel } from '../../core/src/schema/decodeWriteModel.ts';
import { buildSchemaModel } from '../src/buildSchemaModel.ts';
import { encodeSchemaModel, encodeWriteModel, readInputNames } from '../src/encodeSchemaModel.ts';
import { generateAll } from '../src/generateAll.ts';
import { measureModelSize } from '../src/measureModelSize.ts';
import { introspection, repoRoot } from './introspection.ts';

describe('generated files', () => {
  const files = generateAll(introspection);

  it('writes the mock SDL, the encoded model and the types', () => {
    expect(Object.keys(files)).toEqual([
      'packages/mock/src/generated/schema.ts',
      'packages/core/src/schema/generated/model.ts',
      'packages/core/src/schema/generated/writes.ts',
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
  it('decodes to exactly the model the builder made (read part, then the write part merged in)', () => {
    const model = buildSchemaModel(introspection);
    const decoded = decodeSchemaModel(encodeSchemaModel(model));
    decodeWriteModel(decoded, encodeWriteModel(model));
    // JSON round trip drops `undefined` keys, so optional keys must be absent, not undefined, on both sides.
    expect(JSON.parse(JSON.stringify(decoded))).toStrictEqual(JSON.parse(JSON.stringify(model)));
  });

  it('keeps mutations, write mappings and mutation inputs out of the read part', () => {
    const model = buildSchemaModel(introspection);
    const read = decodeSchemaModel(encodeSchemaModel(model));
    for (const e of Object.values(read.entities)) {
      expect(
        Object.keys(e).filter((k) => !['name', 'single', 'list', 'writes'].includes(k)),
        e.name,
      ).toEqual([]);
      expect(e.writes).toEqual({});
    }
    expect(Object.keys(read.inputs).sort()).toEqual([...readInputNames(model)].sort());
    expect(read.inputs).toHaveProperty('FindFilterType');
    expect(read.inputs).toHaveProperty('StringCriterionInput');
    expect(read.inputs).not.toHaveProperty('SceneUpdateInput');
    expect(read.inputs).not.toHaveProperty('StashIDInput');
  });

  it('rejects another format version and malformed fields', () => {
    const encoded = encodeSchemaModel(buildSchemaModel(introspection));
    expect(() => decodeSchemaModel({ ...encoded, v: 1 as 2 })).toThrow(
      /unsupported generated model version 1 \(regenerate it with @stashkit\/codegen\)/,
    );
    const writes = encodeWriteModel(buildSchemaModel(introspection));
    expect(() => decodeWriteModel(decodeSchemaModel(encoded), { ...writes, v: 1 as 2 })).toThrow(
      /unsupported generated write model version 1/,
    );
    expect(() => decodeSchemaModel({ ...encoded, o: ['Scene id'] })).toThrow(/malformed field "id"/);
  });

  it('ships well under 20 kB min+gz', async () => {
    const { gzipped } = await measureModelSize();
    expect(gzipped).toBeGreaterThan(1000);
    expect(gzipped).toBeLessThan(20 * 1024);
  });
});
