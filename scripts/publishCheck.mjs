// `pnpm publish:check`: dry-runs the publish of every package (packs each with `workspace:` ranges
// rewritten, uploads nothing) and prints one line per package; the whole npm output only on failure.
import { spawnSync } from 'node:child_process';

const run = spawnSync('pnpm', ['-r', 'publish', '--dry-run', '--no-git-checks'], { encoding: 'utf8' });
const out = `${run.stdout ?? ''}${run.stderr ?? ''}`;
if (run.status !== 0) {
  process.stdout.write(out);
  console.error(`publish:check: pnpm -r publish --dry-run failed (exit ${run.status})`);
  process.exit(1);
}
const published = out.split('\n').filter((line) => line.startsWith('+ '));
const sizes = [...out.matchAll(/name: (\S+)[\s\S]*?package size: ([^\n]+)[\s\S]*?total files: (\d+)/g)];
for (const [, name, size, files] of sizes) console.log(`publish:check: ${name} ${size}, ${files} files`);
console.log(
  `publish:check: ${published.length} packages would publish: ${published.map((l) => l.slice(2)).join(', ')}`,
);
