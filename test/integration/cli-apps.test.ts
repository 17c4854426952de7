/**
 * Issue 11 part 4, the CLI: `partnerdesk apps create|list|secrets add|secrets revoke|refresh-token`, run as
 * processes. A global admin registers an app (its first secret printed once), a server started on the
 * same database gives that app a token at the printed token URL, a revoked secret stops, and someone who is
 * not a global admin is refused as in the portal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processDatabase, runCli, startServerProcess, type ServerProcess } from '#test/helpers/processes.ts';

let env: Record<string, string>;
let remove: () => Promise<void>;

beforeAll(async () => {
  const database = await processDatabase('pd_cliapps');
  env = { ...database.env, PARTNERDESK_DEMO_DATA: 'never', PUBLIC_URL: 'http://apps.cli.test' };
  remove = database.remove;
  for (const args of [
    ['migrate'],
    ['partners', 'create', '--name', 'Lakeshore Partners', '--kind', 'direct', '--mpn-id', '881001', '--markets', 'US'],
    ['users', 'create', '--partner', '881001', '--email', 'admin@lakeshore.example', '--roles', 'global_admin', '--password', 'a-long-enough-password'],
    ['users', 'create', '--partner', '881001', '--email', 'agent@lakeshore.example', '--roles', 'sales_agent', '--password', 'a-long-enough-password'],
  ]) {
    const made = await runCli(args, env);
    expect(made.code, made.stderr).toBe(0);
  }
}, 300_000);

afterAll(async () => {
  await remove();
});

interface Created { applicationId: string; secret: string; tokenUrl: string; scope: string }

describe('partnerdesk apps', { timeout: 120_000 }, () => {
  let created: Created;
  it('create prints the application id, the secret once and the token URL; list shows the hint only', async () => {
    const result = await runCli(['apps', 'create', '--email', 'admin@lakeshore.example', '--name', 'Nightly export', '--roles', 'admin_agent,billing_admin'], env);
    expect(result.code, result.stderr).toBe(0);
    created = JSON.parse(result.stdout) as Created;
    expect(created.tokenUrl).toMatch(/^http:\/\/apps\.cli\.test\/[0-9a-f-]{36}\/oauth2\/v2\.0\/token$/);
    expect(created.secret).toMatch(/^pds~/);
    const listed = await runCli(['apps', 'list', '--email', 'admin@lakeshore.example'], env);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).not.toContain(created.secret);
    expect(JSON.parse(listed.stdout)).toEqual([expect.objectContaining({ id: created.applicationId, displayName: 'Nightly export', roles: ['admin_agent', 'billing_admin'] })]);
  });

  it('refuses whom the portal refuses, naming why', async () => {
    const agent = await runCli(['apps', 'create', '--email', 'agent@lakeshore.example', '--name', 'Mine'], env);
    expect(agent.code).not.toBe(0);
    expect(agent.stderr).toMatch(/roles do not allow/i);
    const badRole = await runCli(['apps', 'create', '--email', 'admin@lakeshore.example', '--name', 'Odd', '--roles', 'superuser'], env);
    expect(badRole.code).not.toBe(0);
    expect(badRole.stderr).toContain('--roles: superuser is not a role');
  });

  it('the secret signs the app in at a server on the same database; a revoked one does not', async () => {
    let server: ServerProcess | undefined;
    const secondRun = await runCli(['apps', 'secrets', 'add', '--email', 'admin@lakeshore.example', '--app', created.applicationId, '--description', 'spare'], env);
    expect(secondRun.code, secondRun.stderr).toBe(0);
    const spare = secondRun.stdout.trim();
    try {
      server = await startServerProcess(env);
      const path = new URL(created.tokenUrl).pathname;
      const signIn = (secret: string) =>
        fetch(`${server!.url}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ grant_type: 'client_credentials', client_id: created.applicationId, client_secret: secret, scope: created.scope }),
        });
      expect((await signIn(created.secret)).status).toBe(200);
      expect((await signIn(spare)).status).toBe(200);
    } finally {
      server?.child.kill('SIGTERM');
      await server?.exited;
    }
    const listed = JSON.parse((await runCli(['apps', 'list', '--email', 'admin@lakeshore.example'], env)).stdout) as { secrets: { id: string; description: string }[] }[];
    const spareId = listed[0]!.secrets.find((secret) => secret.description === 'spare')!.id;
    const revoked = await runCli(['apps', 'secrets', 'revoke', '--email', 'admin@lakeshore.example', '--app', created.applicationId, '--secret', spareId], env);
    expect(revoked.code, revoked.stderr).toBe(0);
    const after = JSON.parse((await runCli(['apps', 'list', '--email', 'admin@lakeshore.example'], env)).stdout) as { secrets: { id: string }[] }[];
    expect(after[0]!.secrets.map((secret) => secret.id)).not.toContain(spareId);
  });

  it('refresh-token prints a refresh token for the app acting as the user', async () => {
    const result = await runCli(['apps', 'refresh-token', '--email', 'agent@lakeshore.example', '--app', created.applicationId], env);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.trim()).toMatch(/^pdr\.[A-Za-z0-9_-]{40,}$/);
  });
});
