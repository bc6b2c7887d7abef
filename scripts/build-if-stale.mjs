// Builds dist/ with `nest build` when it is missing or older than any source it is built from,
// so `npm start` works right after `npm install` and never runs stale code.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const stamp = join(root, 'dist', '.build-stamp');
const inputs = [
  'src',
  'migrations',
  'tsconfig.json',
  'tsconfig.build.json',
  'nest-cli.json',
  'package-lock.json',
];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

const builtAt = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
const sourcesAt = Math.max(...inputs.map((input) => newestMtime(join(root, input))));
if (builtAt >= sourcesAt) process.exit(0);

console.error('casebridge: dist/ is missing or stale, building…');
const nest = join(root, 'node_modules', '@nestjs', 'cli', 'bin', 'nest.js');
execFileSync(process.execPath, [nest, 'build', '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
writeFileSync(stamp, new Date().toISOString());
