import type { IntrospectionQuery } from 'graphql';
import { projectBanner } from './banner.ts';
import { buildSchemaModel } from './buildSchemaModel.ts';
import { generateProjectModelFile } from './generateModelFile.ts';
import { generateTypes } from './generateTypes.ts';

/** The files `npx @stashkit/codegen --out <dir>` writes, keyed by their name in `<dir>`. */
export function generateProjectFiles(introspection: IntrospectionQuery): Record<string, string> {
  const model = buildSchemaModel(introspection);
  return {
    'types.ts': generateTypes(model, projectBanner),
    'model.ts': generateProjectModelFile(model),
    'index.ts': [
      projectBanner,
      "export type * from './types.js';",
      "export { model, readModel } from './model.js';",
      '',
    ].join('\n'),
  };
}
