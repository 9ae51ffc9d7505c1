import { defineConfig, type Options } from 'tsup';

// `@stashkit/core/fetch` and `/read` import the store from `./index`; their builds import `@stashkit/core`
// instead of bundling a second copy of the store (CJS has no shared chunks).
const selfImport: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'stashkit-self-import',
  setup(build) {
    build.onResolve({ filter: /^\.\/index$/ }, (args) =>
      /\/src\/(fetch|readOnly)\.ts$/.test(args.importer)
        ? { path: '@stashkit/core', external: true }
        : undefined,
    );
  },
};

export default defineConfig({
  // `live` and `host` are their own entries: graphql-ws and the Apollo bridge stay out of the main
  // bundle; `fetch` is the store without graphql-request.
  entry: ['src/index.ts', 'src/live/index.ts', 'src/host/index.ts', 'src/fetch.ts', 'src/readOnly.ts'],
  format: ['esm', 'cjs'],
  // The package tsconfig is a composite project; the d.ts build compiles the entry on its own.
  dts: { compilerOptions: { composite: false } },
  sourcemap: true,
  clean: true,
  target: 'es2022',
  esbuildPlugins: [selfImport],
});
