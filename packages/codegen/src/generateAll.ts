import type { IntrospectionQuery } from 'graphql';
import { buildSchemaModel } from './buildSchemaModel.ts';
import { generateMockSchema } from './generateMockSchema.ts';
import { generateModelFile, generateWriteModelFile } from './generateModelFile.ts';
import { generateTypes } from './generateTypes.ts';

/** Every generated file, keyed by its path relative to the repository root. */
export function generateAll(introspection: IntrospectionQuery): Record<string, string> {
  const model = buildSchemaModel(introspection);
  return {
    'packages/mock/src/generated/schema.ts': generateMockSchema(introspection),
    'packages/core/src/schema/generated/model.ts': generateModelFile(model),
    'packages/core/src/schema/generated/writes.ts': generateWriteModelFile(model),
    'packages/core/src/schema/generated/types.ts': generateTypes(model),
  };
}
