// The process tests start the compiled service as `npm start` does: build dist/ first when stale.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export default function globalSetup() {
  execFileSync(process.execPath, [join(import.meta.dirname, '..', 'scripts', 'build-if-stale.mjs')], {
    stdio: 'inherit',
  });
}
