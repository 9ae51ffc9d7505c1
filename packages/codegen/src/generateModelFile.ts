import type { SchemaModel } from '../../core/src/schema/modelTypes.ts';
import { banner, projectBanner } from './banner.ts';
import { encodeSchemaModel, encodeWriteModel } from './encodeSchemaModel.ts';

/** An encoded part as an object literal, one string per line for readable diffs. */
function literal(encoded: object, indent = ''): string {
  const body = Object.entries(encoded)
    .map(([key, value]) => {
      if (!Array.isArray(value)) return `${indent}  ${key}: ${JSON.stringify(value)},`;
      const items = value.map((item) => `${indent}    ${JSON.stringify(item)},`);
      return [`${indent}  ${key}: [`, ...items, `${indent}  ],`].join('\n');
    })
    .join('\n');
  return `{\n${body}\n${indent}}`;
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

/** `<out>/model.ts` in a user's project: the model for `createStashStore({ model })`, typed by `./types`. */
export function generateProjectModelFile(model: SchemaModel): string {
  return [
    projectBanner,
    "import { defineSchemaModel } from '@stashkit/core';",
    "import type { StashTypes } from './types.js';",
    '',
    "/** This Stash version's schema model: `createStashStore({ url, apiKey, model })`. */",
    '// The second part (mutations and their inputs) stays encoded until the first draft, save or delete.',
    'export const model = defineSchemaModel<StashTypes>(',
    `  ${literal(encodeSchemaModel(model), '  ')},`,
    `  ${literal(encodeWriteModel(model), '  ')},`,
    ');',
    '',
  ].join('\n');
}
