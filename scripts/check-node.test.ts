import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const script = path.join(import.meta.dirname, 'check-node.mjs');

/** Runs the check as npm would before `event`, pretending to be Node `version`. */
function check(version: string, event = 'start') {
  const result = spawnSync(process.execPath, [script], {
    encoding: 'utf8',
    env: { ...process.env, PARTNERDESK_NODE_VERSION: version, PARTNERDESK_TODAY: '2026-12-02', npm_lifecycle_event: event },
  });
  return { status: result.status, stderr: result.stderr };
}

describe('the Node version check of npm start, npm test and npm install', () => {
  it.each(['24.0.0', '24.21.0', '22.12.0', '26.1.0'])('lets Node %s run without a word', (version) => {
    expect(check(version)).toEqual({ status: 0, stderr: '' });
  });

  it('runs on Node 20.19 but says it is past its end of life and how to move', () => {
    const { status, stderr } = check('20.19.0');
    expect(status).toBe(0);
    expect(stderr).toContain('Node 20 is past its end of life (2026-04-30)');
    expect(stderr).toContain('npx -y -p node@24 npm start');
  });

  it.each([
    ['18.20.4', 'start', 'npx -y -p node@24 npm start'],
    ['20.11.1', 'test', 'npx -y -p node@24 npm test'],
    ['22.3.0', 'preinstall', 'npx -y -p node@24 npm install'],
  ])('stops Node %s before %s with exactly what to run instead', (version, event, instead) => {
    const { status, stderr } = check(version, event);
    expect(status).toBe(1);
    expect(stderr).toContain(`this is Node ${version}.`);
    expect(stderr).toContain(`    ${instead}\n`);
  });
});
