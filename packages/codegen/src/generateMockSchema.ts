import { buildClientSchema, printSchema, type IntrospectionQuery } from 'graphql';
import { banner } from './banner.ts';

/** The mock executes the real schema; it gets it as SDL so it never reads ../shared at run time. */
export function generateMockSchema(introspection: IntrospectionQuery): string {
  const sdl = printSchema(buildClientSchema(introspection));
  return `${banner}\nexport const STASH_SDL: string = ${JSON.stringify(sdl)};\n`;
}
