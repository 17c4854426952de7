#!/usr/bin/env node
// `npm test`: everything CI runs. Unit and integration tests on PGlite; the integration tests again on
// PostgreSQL when TEST_DATABASE_URL is set; the browser tests in Debian's Chromium (installed if missing).
// Ends with one plain line `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const reports = path.join(root, 'artifacts', 'test-reports');
fs.rmSync(reports, { recursive: true, force: true });
fs.mkdirSync(reports, { recursive: true });

const vitest = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
let passed = 0;
let failed = 0;
const problems = [];

function run(label, command, args, env = {}) {
  process.stdout.write(`\n=== ${label} ===\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

function vitestStep(label, projects, env = {}) {
  const report = path.join(reports, `${label.replace(/\W+/g, '-')}.json`);
  const args = [vitest, 'run', ...projects.flatMap((p) => ['--project', p]), '--reporter=default', '--reporter=json', `--outputFile.json=${report}`];
  const status = run(label, process.execPath, args, env);
  if (fs.existsSync(report)) {
    const json = JSON.parse(fs.readFileSync(report, 'utf8'));
    passed += json.numPassedTests;
    failed += json.numFailedTests;
    if (json.numTotalTests === 0) problems.push(`${label}: no test ran`);
  } else {
    problems.push(`${label}: vitest wrote no report`);
  }
  // A run that failed outside any test (setup, an unhandled error) counts as a failure too.
  if (status !== 0 && (!fs.existsSync(report) || JSON.parse(fs.readFileSync(report, 'utf8')).numFailedTests === 0)) failed += 1;
  if (status !== 0) problems.push(`${label}: exit ${status}`);
}

// PARTNERDESK_TEST_PARTS (CI's second Node): a comma-separated subset of pglite, postgres, browser.
const parts = new Set((process.env.PARTNERDESK_TEST_PARTS ?? 'pglite,postgres,browser').split(',').map((part) => part.trim()));

if (parts.has('pglite')) vitestStep('unit and integration (PGlite)', ['unit', 'integration'], { TEST_DB: 'pglite' });

if (!parts.has('postgres')) {
  process.stdout.write('\nPARTNERDESK_TEST_PARTS leaves out PostgreSQL.\n');
} else if (process.env.TEST_DATABASE_URL) {
  vitestStep('integration (PostgreSQL)', ['integration'], { TEST_DB: 'postgres' });
} else {
  process.stdout.write('\nTEST_DATABASE_URL is not set: the integration tests ran on PGlite only.\n');
}

if (!parts.has('browser')) {
  process.stdout.write('\nPARTNERDESK_TEST_PARTS leaves out the browser tests.\n');
} else if (run('Chromium for the browser tests', process.execPath, [path.join(root, 'scripts', 'ensure-chromium.mjs')]) !== 0) {
  problems.push('Chromium is missing: the browser tests could not run (see above for the command to install it)');
  failed += 1;
} else if (run('portal build', process.execPath, [path.join(root, 'scripts', 'build-web-if-stale.mjs')]) !== 0) {
  problems.push('the portal does not build');
  failed += 1;
} else {
  vitestStep('browser (e2e, Chromium)', ['e2e']);
}

if (problems.length > 0) process.stdout.write(`\nProblems:\n${problems.map((p) => `  - ${p}`).join('\n')}\n`);
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(failed > 0 || problems.length > 0 ? 1 : 0);
