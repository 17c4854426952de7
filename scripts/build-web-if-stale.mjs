#!/usr/bin/env node
// Builds the portal (dist/web) only when a source it is made from is newer than the last build, so
// `npm start` is quick when nothing changed and never serves a stale portal.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const output = join(root, 'dist/web/index.html');
const inputs = ['src/web', 'src/contracts', 'vite.config.ts', 'package-lock.json'].map((path) => join(root, path));

/** The newest file under `path` (a file or a directory), as [mtimeMs, path]. */
function newest(path) {
  if (!existsSync(path)) return [0, path];
  const stat = statSync(path);
  if (!stat.isDirectory()) return [stat.mtimeMs, path];
  let best = [0, path];
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const candidate = newest(join(path, entry.name));
    if (candidate[0] > best[0]) best = candidate;
  }
  return best;
}

function reason() {
  if (!existsSync(output)) return 'dist/web/index.html is missing';
  const built = statSync(output).mtimeMs;
  for (const input of inputs) {
    const [mtime, path] = newest(input);
    if (mtime > built) return `${relative(root, path)} changed since the last build`;
  }
  return null;
}

const why = reason();
if (why === null) {
  console.log('Portal build is up to date (dist/web): skipping vite build.');
} else {
  console.log(`Building the portal: ${why}. Running vite build...`);
  const result = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'vite.config.ts'], {
    cwd: root,
    stdio: 'inherit',
    // Always a production build, also when called from a test runner that sets NODE_ENV=test.
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) {
    console.error(`vite build failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}
