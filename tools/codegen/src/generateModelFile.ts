import type { SchemaModel } from '../../../packages/core/src/schema/modelTypes.ts';
import { banner } from './banner.ts';
import { encodeSchemaModel } from './encodeSchemaModel.ts';

/** `packages/core/src/schema/generated/model.ts`: the encoded model, one string per line for readable diffs. */
export function generateModelFile(model: SchemaModel): string {
  const encoded = encodeSchemaModel(model);
  const body = Object.entries(encoded)
    .map(([key, value]) => {
      if (!Array.isArray(value)) return `  ${key}: ${JSON.stringify(value)},`;
      const items = value.map((item) => `    ${JSON.stringify(item)},`);
      return [`  ${key}: [`, ...items, '  ],'].join('\n');
    })
    .join('\n');
  return [
    banner,
    "import type { EncodedSchemaModel } from '../encodedSchemaModel';",
    '',
    'export const ENCODED_SCHEMA_MODEL: EncodedSchemaModel = {',
    body,
    '};',
    '',
  ].join('\n');
}
