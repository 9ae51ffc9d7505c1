import { defineConfig } from 'tsup';

// The CLI is one ESM file; graphql stays a dependency, core's model types are erased.
export default defineConfig({
  entry: ['src/bin.ts'],
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  clean: true,
});
