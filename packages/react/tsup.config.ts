import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts', 'src/zustand.ts'],
  format: ['esm', 'cjs'],
  // The package tsconfig is a composite project; the d.ts build compiles the entry on its own.
  dts: { compilerOptions: { composite: false } },
  sourcemap: true,
  clean: true,
  target: 'es2022',
});
