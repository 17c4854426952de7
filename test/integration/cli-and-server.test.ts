import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKind } from '#test/helpers/db.ts';
import { processDatabase, runCli, startServerProcess } from '#test/helpers/processes.ts';

/**
 * The `partnerdesk` command and the server as processes. On PGlite each test gets a data directory;
 * on PostgreSQL (TEST_DB=postgres) a schema of its own in TEST_DATABASE_URL.
 */
const onPostgres = testDatabaseKind() === 'postgres';
const cleanups: (() => Promise<void>)[] = [];

async function databaseEnv(): Promise<Record<string, string>> {
  const database = await processDatabase('pd_cli');
  cleanups.push(database.remove);
  return database.env;
}

afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

describe('partnerdesk CLI: the operator sets up an installation without demo data', { timeout: 120_000 }, () => {
  let env: Record<string, string>;
  beforeAll(async () => {
    env = await databaseEnv();
  });

  it('migrates, then has nothing to apply', async () => {
    const first = await runCli(['migrate'], env);
    expect(first.stderr).toBe('');
    expect(first.stdout).toContain('Applied: 0001_init');
    const second = await runCli(['migrate'], env);
    expect(second.stdout).toContain('Nothing to apply');
  });

  it('creates partners, a partnership, a user, a token (printed alone), a catalog and an agreement', async () => {
    const provider = await runCli(['partners', 'create', '--name', 'Acme Distribution', '--kind', 'indirect_provider', '--mpn-id', '777001', '--markets', 'US,ca,UK', '--email-domains', 'acme.example'], env);
    expect(provider.code, provider.stderr).toBe(0);
    expect(JSON.parse(provider.stdout)).toMatchObject({ name: 'Acme Distribution', markets: ['US', 'CA', 'GB'] });
    const reseller = await runCli(['partners', 'create', '--name', 'Beta Resellers', '--kind', 'indirect_reseller', '--mpn-id', '777002', '--markets', 'US'], { ...env, PARTNERDESK_EMAIL_DOMAINS: 'beta.example' });
    expect(reseller.code, reseller.stderr).toBe(0);
    const partnership = await runCli(['partnerships', 'create', '--provider', '777001', '--reseller', 'Beta Resellers'], env);
    expect(JSON.parse(partnership.stdout)).toMatchObject({ state: 'active' });
    const inactive = await runCli(['partnerships', 'set-state', '--provider', 'Acme Distribution', '--reseller', '777002', '--state', 'inactive'], env);
    expect(JSON.parse(inactive.stdout)).toMatchObject({ state: 'inactive' });

    const user = await runCli(['users', 'create', '--partner', '777001', '--email', 'Ops@Acme.example', '--roles', 'global_admin,sales_agent'], { ...env, PARTNERDESK_PASSWORD: 'a-long-enough-password' });
    expect(user.code, user.stderr).toBe(0);
    const token = await runCli(['tokens', 'create', '--email', 'ops@acme.example'], env);
    expect(token.code, token.stderr).toBe(0);
    expect(token.stdout).toMatch(/^pdp_[A-Za-z0-9_-]{40,}\n$/);

    const catalog = path.join(os.tmpdir(), `catalog-${randomBytes(4).toString('hex')}.json`);
    fs.writeFileSync(catalog, JSON.stringify({ offers: [{ id: 'TEST-OFFER:0001', name: 'Test offer', category: 'enterprise', minQuantity: 1, maxQuantity: 10, billingCycles: ['monthly'], term: 'P1M', markets: [{ country: 'US', currency: 'USD', listPrice: 5 }] }] }));
    expect((await runCli(['catalog', 'import', catalog], env)).stdout).toContain('1 offer(s) created, 0 updated');
    expect((await runCli(['catalog', 'import', catalog], env)).stdout).toContain('0 offer(s) created, 1 updated');
    const agreement = await runCli(['agreements', 'add', '--type', 'MicrosoftCustomerAgreement', '--link', 'https://example.com/mca', '--version-rank', '3'], env);
    expect(agreement.code, agreement.stderr).toBe(0);
    const update = await runCli(['partners', 'update', '777001', '--markets', 'US,BR'], env);
    expect(JSON.parse(update.stdout)).toMatchObject({ markets: ['US', 'BR'] });
    const listed = await runCli(['partners', 'list'], env);
    expect(listed.stdout).toContain('Acme Distribution');
  }, 180_000);

  it('explains bad input, naming the field, and exits non-zero', async () => {
    const bad = await runCli(['partners', 'create', '--name', 'X', '--kind', 'direct', '--mpn-id', 'abc', '--markets', 'USA'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('mpnId');
    expect(bad.stderr).toContain('markets');
    const badCatalog = path.join(os.tmpdir(), `catalog-bad-${randomBytes(4).toString('hex')}.json`);
    fs.writeFileSync(badCatalog, JSON.stringify({ offers: [{ id: 'X', name: 'X', category: 'food', minQuantity: 5, maxQuantity: 1, billingCycles: [], term: 'P1M', markets: [] }] }));
    const catalog = await runCli(['catalog', 'import', badCatalog], env);
    expect(catalog.code).toBe(1);
    expect(catalog.stderr).toContain('offers.0.category');
    const help = await runCli(['users', 'create', '--help'], env);
    expect(help.stdout).toContain('PARTNERDESK_PASSWORD');
  }, 60_000);

  it('refuses to start with a bad configuration, listing every problem', async () => {
    const result = await runCli(['migrate'], { ...env, PORT: 'eighty', LOG_LEVEL: 'loud' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('PORT');
    expect(result.stderr).toContain('LOG_LEVEL');
  });
});

describe('the server process', () => {
  it('seeds demo data on the first start only, keeps data across restarts, and shuts down cleanly', async () => {
    const env = await databaseEnv();
    const first = await startServerProcess(env);
    expect(first.output()).toContain('Partnerdesk-demo-1');
    expect(first.output()).toContain('sales@contoso-direct.example');
    const signIn = await fetch(`${first.url}/v1/auth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@contoso-direct.example', password: 'Partnerdesk-demo-1' }) });
    expect(signIn.status).toBe(200);
    const { access_token } = (await signIn.json()) as { access_token: string };
    const countCustomers = async (url: string) => {
      const response = await fetch(`${url}/v1/customers?size=500`, { headers: { authorization: `Bearer ${access_token}` } });
      return ((await response.json()) as { totalCount: number }).totalCount;
    };
    const before = await countCustomers(first.url);
    expect(before).toBeGreaterThan(5);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const second = await startServerProcess(env);
    expect(second.output()).not.toContain('seeded now');
    expect(await countCustomers(second.url)).toBe(before);
    if (!onPostgres) {
      // While it runs, a CLI command refuses the PGlite data directory rather than corrupting it.
      const locked = await runCli(['migrate'], env);
      expect(locked.code).toBe(2);
      expect(locked.stderr).toContain('in use by another Partnerdesk process');
    }
    // A crash leaves no lock behind that blocks the next start.
    second.child.kill('SIGKILL');
    await second.exited;
    const third = await startServerProcess(env);
    expect(await countCustomers(third.url)).toBe(before);
    third.child.kill('SIGINT');
    expect(await third.exited).toBe(0);
  }, 180_000);
});
