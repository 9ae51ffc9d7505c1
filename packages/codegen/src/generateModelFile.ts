import type { SchemaModel } from '../../core/src/schema/modelTypes.ts';
import { banner, projectBanner } from './banner.ts';
import { encodeSchemaModel, encodeWriteModel } from './encodeSchemaModel.ts';

/** An encoded part as an object literal, one string per line for readable diffs. */
function literal(encoded: object): string {
  const body = Object.entries(encoded)
    .map(([key, value]) => {
      if (!Array.isArray(value)) return `  ${key}: ${JSON.stringify(value)},`;
      const items = value.map((item) => `    ${JSON.stringify(item)},`);
      return [`  ${key}: [`, ...items, `  ],`].join('\n');
    })
    .join('\n');
  return `{\n${body}\n}`;
}

/** `packages/core/src/schema/generated/model.ts`: the bundled model's read part, decoded lazily by `getSchemaModel()`. */
export function generateModelFile(model: SchemaModel): string {
  return [
    banner,
    "import type { EncodedSchemaModel } from '../encodedSchemaModel';",
    '',
    `export const ENCODED_SCHEMA_MODEL: EncodedSchemaModel = ${literal(encodeSchemaModel(model))};`,
    '',
  ].join('\n');
}

/** `packages/core/src/schema/generated/writes.ts`: its write part, imported only by `writeModel`. */
export function generateWriteModelFile(model: SchemaModel): string {
  return [
    banner,
    "import type { EncodedWriteModel } from '../encodedSchemaModel';",
    '',
    `export const ENCODED_WRITE_MODEL: EncodedWriteModel = ${literal(encodeWriteModel(model))};`,
    '',
  ].join('\n');
}

/**
 * `<out>/model.ts` in a user's project: `model` for `createStashStore({ model })`, typed by `./types`,
 * and `readModel`, the same schema without its write part, for `@stashkit/core/read` stores. Both
 * are pure calls: a bundle keeps only the one it imports (and the write part only with `model`).
 */
export function generateProjectModelFile(model: SchemaModel): string {
  return [
    projectBanner,
    "import { defineSchemaModel, type EncodedSchemaModel, type EncodedWriteModel } from '@stashkit/core';",
    "import type { StashTypes } from './types.js';",
    '',
    `const read: EncodedSchemaModel = ${literal(encodeSchemaModel(model))};`,
    '',
    '// Mutations and their inputs: decoded when a store first needs them (a draft, save or delete).',
    `const writes: EncodedWriteModel = ${literal(encodeWriteModel(model))};`,
    '',
    "/** This Stash version's schema model: `createStashStore({ url, apiKey, model })`. */",
    'export const model = /* @__PURE__ */ defineSchemaModel<StashTypes>(read, writes);',
    '',
    '/** The model without mutations, for a read-only store (`@stashkit/core/read`): a smaller bundle. */',
    'export const readModel = /* @__PURE__ */ defineSchemaModel<StashTypes>(read);',
    '',
  ].join('\n');
}
