/**
 * Issue 9, part 4: `partnerdesk tenants create|list`, run as processes. The operator makes an existing
 * tenant (its admin admin@<domain> with a temporary password printed once, which must be changed at the
 * first sign-in), with one partner or none; the rules of the add-customer procedure apply, the domain is
 * taken for ever, and a refusal names the field and writes nothing. On PGlite each file gets a data
 * directory; on PostgreSQL (TEST_DB=postgres) a schema of its own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKind } from '#test/helpers/db.ts';
import { processDatabase, runCli, startServerProcess, type ServerProcess } from '#test/helpers/processes.ts';

const onPostgres = testDatabaseKind() === 'postgres';
let env: Record<string, string>;
let remove: () => Promise<void>;

beforeAll(async () => {
  const database = await processDatabase('pd_tenants');
  env = { ...database.env, PARTNERDESK_DEMO_DATA: 'never' };
  remove = database.remove;
  expect((await runCli(['migrate'], env)).code).toBe(0);
  for (const args of [
    ['partners', 'create', '--name', 'Woodgrove Partners', '--kind', 'direct', '--mpn-id', '880001', '--markets', 'US,CA'],
    ['partners', 'create', '--name', 'Canary Resellers', '--kind', 'indirect_reseller', '--mpn-id', '880002', '--markets', 'US'],
    ['partners', 'create', '--name', 'Federal Direct', '--kind', 'direct', '--mpn-id', '880003', '--markets', 'US', '--instance', 'usgov', '--usgov-validated', 'true'],
  ]) {
    const made = await runCli(args, env);
    expect(made.code, made.stderr).toBe(0);
  }
  const user = await runCli(['users', 'create', '--partner', '880001', '--email', 'ops@woodgrove.example', '--roles', 'global_admin', '--password', 'a-long-enough-password'], env);
  expect(user.code, user.stderr).toBe(0);
}, 120_000);

afterAll(async () => {
  await remove();
});

interface CreatedTenant {
  id: string;
  instance: string;
  companyName: string;
  domain: string;
  partner: { id: string; name: string } | null;
  admin: { userPrincipalName: string; temporaryPassword: string; mustChangePassword: boolean };
}

async function createTenant(args: string[]) {
  const result = await runCli(['tenants', 'create', '--json', ...args], env);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as CreatedTenant;
}

async function tenantList(): Promise<{ id: string; domain: string; partners: string[]; admin_password_temporary: boolean; instance_id: string }[]> {
  const result = await runCli(['tenants', 'list', '--json'], env);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

describe('partnerdesk tenants create', () => {
  let noPartner: CreatedTenant;
  let withPartner: CreatedTenant;
  let usgov: CreatedTenant;

  it('makes a tenant with no partner, one with a partner (by Partner ID), and one in usgov (by the partner\'s instance)', async () => {
    noPartner = await createTenant(['--company', 'Lakeview Dental', '--domain', 'LakeviewDental']);
    expect(noPartner).toMatchObject({ instance: 'public', companyName: 'Lakeview Dental', domain: 'lakeviewdental.onmicrosoft.com', partner: null, admin: { userPrincipalName: 'admin@lakeviewdental.onmicrosoft.com', mustChangePassword: true } });
    expect(noPartner.admin.temporaryPassword).toMatch(/^.{16,}$/);
    withPartner = await createTenant(['--company', 'Harbor Freight Lines', '--domain', 'harborfreight.onmicrosoft.com', '--country', 'ca', '--partner', '880001']);
    expect(withPartner).toMatchObject({ domain: 'harborfreight.onmicrosoft.com', partner: { name: 'Woodgrove Partners' } });
    usgov = await createTenant(['--company', 'County of Example', '--domain', 'countyexample', '--partner', 'Federal Direct']);
    expect(usgov).toMatchObject({ instance: 'usgov', domain: 'countyexample.onmicrosoft.us' });

    const human = await runCli(['tenants', 'create', '--company', 'Maple Bakery', '--domain', 'maplebakery'], env);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toContain('Admin sign-in: admin@maplebakery.onmicrosoft.com');
    expect(human.stdout).toMatch(/Temporary password: \S{16,}/);
    expect(human.stdout).toContain('Partner: none');

    const listed = await tenantList();
    expect(listed.find((row) => row.id === noPartner.id)).toMatchObject({ partners: [], admin_password_temporary: true });
    expect(listed.find((row) => row.id === withPartner.id)).toMatchObject({ partners: ['Woodgrove Partners'] });
    expect(listed.find((row) => row.id === usgov.id)).toMatchObject({ instance_id: 'usgov', partners: ['Federal Direct'] });
    const text = await runCli(['tenants', 'list', '--instance', 'usgov'], env);
    expect(text.stdout).toContain('County of Example');
    expect(text.stdout).not.toContain('Lakeview Dental');
    expect(text.stdout).toContain('1 tenant(s)');
  }, 120_000);

  it('refuses bad input naming each field, a taken domain (for ever, any spelling), and an unfit partner; nothing is written', async () => {
    const before = (await tenantList()).length;
    const bad = await runCli(['tenants', 'create', '--company', 'X', '--domain', 'bad_domain', '--country', 'ZZ'], env);
    expect(bad.code).toBe(1);
    for (const field of ['company:', 'domain:', 'country:']) expect(bad.stderr).toContain(field);

    for (const domain of ['lakeviewdental', 'LAKEVIEWDENTAL.onmicrosoft.com']) {
      const taken = await runCli(['tenants', 'create', '--company', 'Another Dental', '--domain', domain], env);
      expect(taken.code).toBe(1);
      expect(taken.stderr).toContain('lakeviewdental.onmicrosoft.com is taken');
    }
    const wrongSuffix = await runCli(['tenants', 'create', '--company', 'Suffix Test', '--domain', 'suffixtest.onmicrosoft.us'], env);
    expect(wrongSuffix.code).toBe(1);
    expect(wrongSuffix.stderr).toContain('domain:');

    const reseller = await runCli(['tenants', 'create', '--company', 'Reseller Customer', '--domain', 'resellercustomer', '--partner', 'Canary Resellers'], env);
    expect(reseller.code).toBe(1);
    expect(reseller.stderr).toContain('indirect reseller');
    const otherInstance = await runCli(['tenants', 'create', '--company', 'Wrong Cloud', '--domain', 'wrongcloud', '--partner', '880001', '--instance', 'usgov'], env);
    expect(otherInstance.code).toBe(1);
    expect(otherInstance.stderr).toContain('partner:');
    const market = await runCli(['tenants', 'create', '--company', 'Berlin GmbH Example', '--domain', 'berlinexample', '--country', 'DE', '--partner', '880001'], env);
    expect(market.code).toBe(1);
    expect(market.stderr).toContain('does not sell in DE');
    const unknown = await runCli(['tenants', 'create', '--company', 'Nobody Partner', '--domain', 'nobodypartner', '--partner', 'No Such Partner'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('There is no partner');

    expect(await tenantList()).toHaveLength(before);
  }, 120_000);

  describe('with the server running', () => {
    let server: ServerProcess | undefined;
    afterAll(async () => {
      if (!server) return;
      server.child.kill('SIGTERM');
      await server.exited;
    });

    it("the tenant's admin signs in with the printed password and must change it first; the partner sees its tenant, others do not", async () => {
      server = await startServerProcess(env);
      const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
        fetch(`${server!.url}${url}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
      const signIn = await post('/api/tenant/session', { userPrincipalName: noPartner.admin.userPrincipalName, password: noPartner.admin.temporaryPassword });
      expect(signIn.status).toBe(200);
      const session = (await signIn.json()) as { mustChangePassword: boolean; csrfToken: string; customer: { id: string } };
      expect(session).toMatchObject({ mustChangePassword: true, customer: { id: noPartner.id } });
      const cookie = signIn.headers.getSetCookie().find((c) => c.startsWith('pd_tenant_session='))!.split(';')[0]!;
      const partnersBefore = await fetch(`${server.url}/api/tenant/partners`, { headers: { cookie } });
      expect(partnersBefore.status).toBe(403);
      const changed = await post('/api/tenant/password', { currentPassword: noPartner.admin.temporaryPassword, newPassword: 'Lakeview-chosen-5' }, { cookie, 'x-csrf-token': session.csrfToken });
      expect(changed.status).toBe(200);
      const partners = await fetch(`${server.url}/api/tenant/partners`, { headers: { cookie } });
      expect(await partners.json()).toMatchObject({ totalCount: 0 });

      const token = await post('/v1/auth/token', { email: 'ops@woodgrove.example', password: 'a-long-enough-password' });
      const { access_token } = (await token.json()) as { access_token: string };
      const get = (id: string) => fetch(`${server!.url}/v1/customers/${id}`, { headers: { authorization: `Bearer ${access_token}` } });
      const own = await get(withPartner.id);
      expect(own.status).toBe(200);
      expect(await own.json()).toMatchObject({ companyProfile: { domain: 'harborfreight.onmicrosoft.com', companyName: 'Harbor Freight Lines' } });
      expect((await get(noPartner.id)).status).toBe(404);

      if (!onPostgres) {
        // While the server holds the PGlite data directory, the CLI refuses it rather than opening it twice.
        const locked = await runCli(['tenants', 'create', '--company', 'Locked Out', '--domain', 'lockedout'], env);
        expect(locked.code).toBe(2);
        expect(locked.stderr).toContain('in use by another Partnerdesk process');
      } else {
        // On PostgreSQL the CLI and the server share the database: the new tenant is there at once.
        const created = await createTenant(['--company', 'Shared Database', '--domain', 'shareddatabase', '--partner', 'Woodgrove Partners']);
        expect((await get(created.id)).status).toBe(200);
      }
    }, 120_000);
  });
});
