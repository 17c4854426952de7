/**
 * `npm run bench`: every benchmark of bench/, one after the other, each in a process of its own, on
 * PGlite and, when TEST_DATABASE_URL is set, on PostgreSQL too (TEST_DB=pglite|postgres runs one only).
 * Names given as arguments (`npm run bench -- onboarding`) run those benches only. Each prints its table
 * and writes bench/results/<name>-<db>.json and .md. BENCH_SMOKE=1: the quick versions (CI).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchDb } from './lib/results.ts';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
// The usual order first; any other bench file after them, by name.
const preferred = ['customers-list', 'onboarding', 'customers-scale'];
const found = fs
  .readdirSync(benchDir)
  .filter((file) => file.endsWith('.ts') && file !== 'run.ts')
  .map((file) => file.replace(/\.ts$/, ''));
const all = [...preferred.filter((name) => found.includes(name)), ...found.filter((name) => !preferred.includes(name)).sort()];

const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !all.includes(name));
if (unknown.length > 0) {
  console.error(`No bench named ${unknown.join(', ')}; there are: ${all.join(', ')}.`);
  process.exit(2);
}
const benches = asked.length > 0 ? all.filter((name) => asked.includes(name)) : all;

const databases: BenchDb[] = process.env.TEST_DB === 'postgres' ? ['postgres'] : process.env.TEST_DB === 'pglite' || !process.env.TEST_DATABASE_URL ? ['pglite'] : ['pglite', 'postgres'];

const failed: string[] = [];
for (const bench of benches) {
  for (const db of databases) {
    console.log(`\n=== bench ${bench} on ${db === 'postgres' ? 'PostgreSQL' : 'PGlite'} ===`);
    const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(benchDir, `${bench}.ts`)], { stdio: 'inherit', env: { ...process.env, TEST_DB: db } });
    if (run.status !== 0) failed.push(`${bench} (${db}): ${run.signal ?? `exit ${run.status}`}`);
  }
}
if (failed.length > 0) {
  console.error(`\nFailed: ${failed.join('; ')}`);
  process.exit(1);
}
