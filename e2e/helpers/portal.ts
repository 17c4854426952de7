import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** The test server serves dist/web: build it first when the sources are newer (or it is missing). */
export function ensurePortalBuilt(): void {
  execFileSync(process.execPath, [path.resolve('scripts/build-web-if-stale.mjs')], { stdio: 'inherit' });
}
