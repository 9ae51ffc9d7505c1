// `prepack` of every published package: refuse to pack before `pnpm build`, so no tarball ships
// without its dist.
import { existsSync } from 'node:fs';

const pkg = process.env.npm_package_name ?? process.cwd();
if (!existsSync('dist')) {
  console.error(`${pkg}: dist/ is missing; run \`pnpm build\` before packing or publishing`);
  process.exit(1);
}
