/**
 * `tsx packages/codegen/src/measureModelSize.ts`: bundles `schemaModel.ts` (the decoder, lookups and
 * generated model, as a browser would get them) with esbuild, minified, and prints raw and gzip
 * sizes. esbuild comes from tsup, which the workspace already installs.
 */
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** The slice of esbuild's API used here (esbuild is not a direct dependency, so no types). */
interface EsbuildLike {
  build(options: Record<string, unknown>): Promise<{ outputFiles: { contents: Uint8Array }[] }>;
}

export interface ModelSize {
  minified: number;
  gzipped: number;
}

export async function measureModelSize(
  entry = 'packages/core/src/schema/schemaModel.ts',
): Promise<ModelSize> {
  const tsupRequire = createRequire(createRequire(resolve(root, 'package.json')).resolve('tsup'));
  const esbuild = tsupRequire('esbuild') as EsbuildLike;
  const result = await esbuild.build({
    entryPoints: [resolve(root, entry)],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  return { minified: code.byteLength, gzipped: gzipSync(code, { level: 9 }).byteLength };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { minified, gzipped } = await measureModelSize();
  const kb = (n: number) => `${(n / 1024).toFixed(2)} kB`;
  console.log(`schema model bundle: ${kb(minified)} minified, ${kb(gzipped)} min+gz`);
}
