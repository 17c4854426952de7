#!/usr/bin/env node
// Run first by `npm start`, `npm test` and `npm run dev`: says exactly what to do on a Node that
// Partnerdesk does not run on, and warns on one past its end of life (docs/decisions/009-node-lts.md).
// Written for any Node that can load an .mjs file, so that an old one reads the message rather than a
// syntax error.
import process from 'node:process';

/** Supported: the LTS lines, oldest first; each with its first release that we run on and its end of life. */
var LINES = [
  { major: 20, minor: 19, endOfLife: '2026-04-30' },
  { major: 22, minor: 12, endOfLife: '2027-04-30' },
  { major: 24, minor: 0, endOfLife: '2028-04-30' },
];

var parts = process.versions.node.split('.').map(Number);
var major = parts[0];
var minor = parts[1];
var override = process.env.PARTNERDESK_NODE_VERSION; // tests: pretend to be another version
if (override) {
  var o = override.replace(/^v/, '').split('.').map(Number);
  major = o[0];
  minor = o[1] || 0;
}

var newest = LINES[LINES.length - 1];
var line = null;
for (var i = 0; i < LINES.length; i++) if (LINES[i].major === major) line = LINES[i];
var event = process.env.npm_lifecycle_event;
var command = !event || event === 'start' ? 'npm start' : event === 'test' ? 'npm test' : /install/.test(event) ? 'npm install' : 'npm run ' + event;
var runWith = 'npx -y -p node@' + newest.major + ' ' + command;

var tooOld = major < LINES[0].major || (line !== null && minor < line.minor);
if (tooOld) {
  process.stderr.write(
    [
      'Partnerdesk runs on Node.js 24 LTS or 22.12+ (and, past its end of life, 20.19+); this is Node ' + (override || process.versions.node) + '.',
      'Either install Node 24 LTS (https://nodejs.org/en/download, or `nvm install 24`, then `npm install` again),',
      'or run this once with Node 24 from the npm registry, without installing it:',
      '    ' + runWith,
      '',
    ].join('\n'),
  );
  process.exit(1);
}

var today = process.env.PARTNERDESK_TODAY || new Date().toISOString().slice(0, 10); // tests: a fixed day
if (line === null && major < newest.major) {
  process.stderr.write('Warning: Node ' + major + ' is not a long-term-support release; Partnerdesk is tested on 24 and 20. ' + runWith + '\n');
} else if (line !== null && line.endOfLife < today) {
  process.stderr.write(
    'Warning: Node ' + major + ' is past its end of life (' + line.endOfLife + '). Partnerdesk still runs and is tested on it, ' +
      'but move to Node 24 LTS (or 22): ' + runWith + '\n',
  );
}
