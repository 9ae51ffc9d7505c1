import type { SchemaModel } from '../../core/src/schema/modelTypes.ts';
import { banner, projectBanner } from './banner.ts';
import { encodeSchemaModel } from './encodeSchemaModel.ts';

/** The encoded model as an object literal, one string per line for readable diffs. */
function encodedLiteral(model: SchemaModel): string {
  const body = Object.entries(encodeSchemaModel(model))
    .map(([key, value]) => {
      if (!Array.isArray(value)) return `  ${key}: ${JSON.stringify(value)},`;
      const items = value.map((item) => `    ${JSON.stringify(item)},`);
      return [`  ${key}: [`, ...items, '  ],'].join('\n');
    })
    .join('\n');
  return `{\n${body}\n}`;
}

/** `packages/core/src/schema/generated/model.ts`: the bundled model, decoded lazily by `getSchemaModel()`. */
export function generateModelFile(model: SchemaModel): string {
  return [
    banner,
    "import type { EncodedSchemaModel } from '../encodedSchemaModel';",
    '',
    `export const ENCODED_SCHEMA_MODEL: EncodedSchemaModel = ${encodedLiteral(model)};`,
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
    `export const model = defineSchemaModel<StashTypes>(${encodedLiteral(model)});`,
    '',
  ].join('\n');
}
