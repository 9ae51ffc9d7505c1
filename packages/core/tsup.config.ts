import { defineConfig } from 'tsup';

export default defineConfig({
  // `live` and `host` are their own entries: graphql-ws and the Apollo bridge stay out of the main bundle.
  entry: ['src/index.ts', 'src/live/index.ts', 'src/host/index.ts'],
  format: ['esm', 'cjs'],
  // The package tsconfig is a composite project; the d.ts build compiles the entry on its own.
  dts: { compilerOptions: { composite: false } },
  sourcemap: true,
  clean: true,
  target: 'es2022',
});
