import { defineConfig } from 'tsup';

export default defineConfig({
  // `live` is its own entry: graphql-ws stays out of the main bundle.
  entry: ['src/index.ts', 'src/live/index.ts'],
  format: ['esm', 'cjs'],
  // The package tsconfig is a composite project; the d.ts build compiles the entry on its own.
  dts: { compilerOptions: { composite: false } },
  sourcemap: true,
  clean: true,
  target: 'es2022',
});
