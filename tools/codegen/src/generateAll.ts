import type { IntrospectionQuery } from 'graphql';
import { generateMockSchema } from './generateMockSchema.ts';

/** Every generated file, keyed by its path relative to the repository root. */
export function generateAll(introspection: IntrospectionQuery): Record<string, string> {
  return {
    'packages/mock/src/generated/schema.ts': generateMockSchema(introspection),
  };
}
