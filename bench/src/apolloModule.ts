import { createRequire } from 'node:module';

type ApolloClientModule = typeof import('@apollo/client');

/**
 * Apollo Client 3's ESM build does not load in plain Node (its ESM files import CommonJS deps such as
 * @wry/equality by named export), so the benchmark loads its CommonJS build, as a bundler-free app would.
 */
export const apollo: ApolloClientModule = createRequire(import.meta.url)(
  '@apollo/client',
) as ApolloClientModule;
