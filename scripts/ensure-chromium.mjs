#!/usr/bin/env node
// Makes sure the browser tests have a Chromium and CJK fonts (the portal speaks zh-TW): finds them, or
// installs Debian's packages when it can (root with apt-get), or stops and says what to run. Never
// skips silently.
import { execFileSync, spawnSync } from 'node:child_process';
import { findChromium, CHROMIUM_CANDIDATES } from '../e2e/helpers/chromium.mjs';

const PACKAGES = ['chromium', 'fonts-noto-cjk'];
const MANUAL = `sudo apt-get install -y ${PACKAGES.join(' ')}`;

function hasCjkFont() {
  try {
    return /Noto Sans CJK/i.test(execFileSync('fc-list', { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  } catch {
    return false; // no fontconfig: no fonts either
  }
}

function canApt() {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  return isRoot && hasApt;
}

function aptInstall(packages) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', ...packages]]) {
    console.log(`$ apt-get ${args.join(' ')}`);
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (result.status !== 0) {
      console.error(`apt-get ${args[0]} failed (exit ${result.status ?? result.signal}). Install them yourself: ${MANUAL}`);
      process.exit(1);
    }
  }
}

let chromium;
try {
  chromium = findChromium();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

const missing = [];
if (chromium === null) missing.push('chromium');
if (!hasCjkFont()) missing.push('fonts-noto-cjk');

if (missing.length > 0) {
  const what = chromium === null ? `Chromium not found (looked at ${CHROMIUM_CANDIDATES.join(', ')} and PARTNERDESK_CHROMIUM)` : 'No Noto Sans CJK font found';
  if (!canApt()) {
    console.error(`${what}. The browser tests need it. Run:\n  ${MANUAL}\nor set PARTNERDESK_CHROMIUM to a Chromium binary.`);
    process.exit(1);
  }
  console.log(`${chromium === null ? 'Chromium not found' : 'No Noto Sans CJK font found'}: installing Debian's ${missing.join(' and ')} (apt-get)...`);
  aptInstall(missing);
  chromium = findChromium();
  if (chromium === null || !hasCjkFont()) {
    console.error(`Still missing after apt-get. Install them yourself: ${MANUAL}`);
    process.exit(1);
  }
}

const version = spawnSync(chromium, ['--version'], { encoding: 'utf8' }).stdout.trim();
console.log(`Chromium: ${chromium}${version ? ` (${version})` : ''}; CJK fonts: Noto Sans CJK.`);
