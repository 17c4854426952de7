#!/usr/bin/env node
// Fails when the JavaScript a cold load of /customers/new fetches is over budget (gzipped): the entry
// chunk and everything it imports statically, plus that page's lazy route chunk once it exists.
// Run after `vite build` (it reads dist/web/.vite/manifest.json).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 300 * 1024;
const PAGE = '/customers/new';
/** Manifest keys (relative to Vite's root, src/web) of the lazy route modules that PAGE loads. */
const ROUTE_MODULES = ['features/onboarding/routes/new-customer.tsx'];

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist/web');
const manifestPath = join(dist, '.vite/manifest.json');
if (!existsSync(manifestPath)) {
  console.error(`No ${manifestPath}: run the build first (npm run build).`);
  process.exit(1);
}
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));

const entries = Object.entries(manifest).filter(([, chunk]) => chunk.isEntry);
if (entries.length !== 1) {
  console.error(`Expected one entry chunk in the manifest, found ${entries.length}.`);
  process.exit(1);
}

/** A chunk and, recursively, its static imports (what the browser fetches before running it). */
function collect(key, files) {
  const chunk = manifest[key];
  if (chunk === undefined || files.has(chunk.file)) return;
  files.add(chunk.file);
  for (const imported of chunk.imports ?? []) collect(imported, files);
}

const files = new Set();
collect(entries[0][0], files);
const routes = ROUTE_MODULES.filter((key) => manifest[key] !== undefined);
for (const key of routes) collect(key, files);

let total = 0;
const rows = [...files]
  .filter((file) => file.endsWith('.js'))
  .map((file) => {
    // What the server sends: the build's maximum-compression .gz beside the file.
    const size = gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
    total += size;
    return [file, size];
  })
  .sort((a, b) => b[1] - a[1]);

const kb = (bytes) => (Math.abs(bytes) < 1024 ? `${bytes} bytes` : `${(bytes / 1024).toFixed(1)} KB`);
console.log(`JavaScript fetched by a cold load of ${PAGE} (gzipped):`);
for (const [file, size] of rows) console.log(`  ${kb(size).padStart(9)}  ${file}`);
if (routes.length === 0) console.log(`  (no route chunk for ${PAGE} yet: entry and its static imports only)`);
console.log(`  ${kb(total).padStart(9)}  total, budget ${kb(BUDGET_BYTES)}`);
if (total > BUDGET_BYTES) {
  console.error(`Over budget by ${kb(total - BUDGET_BYTES)}: lazy-load more, or split what the entry imports.`);
  process.exit(1);
}
