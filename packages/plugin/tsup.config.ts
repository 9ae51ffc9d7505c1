import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', read: 'src/read.ts', vite: 'src/vite/index.ts' },
  format: ['esm', 'cjs'],
  // The package tsconfig is a composite project; the d.ts build compiles the entries on their own.
  dts: { compilerOptions: { composite: false } },
  sourcemap: true,
  clean: true,
  target: 'es2022',
});
