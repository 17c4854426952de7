/**
 * Issue 8 §3 (SPEC §9: several server processes can share one PostgreSQL): two real server processes
 * (`node --import tsx src/cli/main.ts serve`) on the same DATABASE_URL and DATABASE_SCHEMA, started
 * together, with requests alternating between them. Sessions, idempotent retries, drafts, paging and the
 * API rate limit must hold across both, as they do behind a load balancer.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '#db/database.ts';
import { testDatabaseKind } from '#test/helpers/db.ts';
import { startServerProcess, type ServerProcess } from '#test/helpers/processes.ts';
import { createCustomer, createPartner, createUser, FACTORY_PASSWORD } from '#test/factories.ts';
import { countCustomersWithDomain, createOffer, createTemplate, onboardingBody } from './onboarding-fixtures.ts';

const onPostgres = testDatabaseKind() === 'postgres';
const RATE_LIMIT = 30;

interface Answer { status: number; headers: Headers; body: unknown }
type Server = Pick<ServerProcess, 'url'>;

async function call(server: Server, method: string, url: string, options: { headers?: Record<string, string>; body?: unknown } = {}): Promise<Answer> {
  const response = await fetch(`${server.url}${url}`, {
    method,
    headers: { ...(options.body === undefined ? {} : { 'content-type': 'application/json' }), ...options.headers },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as unknown) : null };
}

describe.skipIf(!onPostgres)('two server processes on one PostgreSQL (PostgreSQL only: a PGlite data directory is locked to one process)', () => {
  let a: ServerProcess;
  let b: ServerProcess;
  let database: DatabaseHandle;
  let schema: string;
  let dataDir: string;
  const url = process.env.TEST_DATABASE_URL ?? '';

  beforeAll(async () => {
    schema = `pd_two_${randomBytes(5).toString('hex')}`;
    const admin = await openDatabase({ kind: 'postgres', url, poolSize: 1 });
    await admin.runScript(`create schema ${schema}`);
    await admin.close();
    // One configuration for both, as an operator deploys them; the data directory (for anything kept
    // beside the data) is shared too, as the same volume would be.
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'partnerdesk-two-'));
    const env = { DATABASE_URL: url, DATABASE_SCHEMA: schema, PARTNERDESK_DATA_DIR: dataDir, PARTNERDESK_DEMO_DATA: 'never', API_RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT) };
    // Started together: both migrate the empty schema at once.
    [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
    database = await openDatabase({ kind: 'postgres', url, schema, poolSize: 2 });
    await createTemplate(database.db);
  }, 150_000);

  afterAll(async () => {
    for (const server of [a, b]) {
      if (!server) continue;
      server.child.kill('SIGTERM');
      await server.exited;
    }
    await database?.close();
    const cleanup = await openDatabase({ kind: 'postgres', url, poolSize: 1 });
    await cleanup.runScript(`drop schema if exists ${schema} cascade`);
    await cleanup.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  /** A partner organisation of its own with one admin agent, and a bearer token from server A. */
  async function newCaller() {
    const emailDomain = `p${randomBytes(4).toString('hex')}.example`;
    const partner = await createPartner(database.db, { markets: ['US'], emailDomains: [emailDomain] });
    const user = await createUser(database.db, { partnerId: partner.id, roles: ['admin_agent'] });
    const token = await call(a, 'POST', '/v1/auth/token', { body: { email: user.email, password: FACTORY_PASSWORD } });
    expect(token.status, JSON.stringify(token.body)).toBe(200);
    return { partner, user, headers: { authorization: `Bearer ${(token.body as { access_token: string }).access_token}` } };
  }

  it('a session signed in on A works on B: reads, writes with its CSRF token, and signing out on B ends it on A', async () => {
    const { user } = await newCaller();
    const signIn = await fetch(`${a.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: user.email, password: FACTORY_PASSWORD }) });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers.getSetCookie().map((line) => line.split(';')[0]).find((pair) => pair?.startsWith('pd_session='));
    expect(cookie).toBeDefined();
    const { csrfToken } = (await signIn.json()) as { csrfToken: string };
    const session = { cookie: cookie! };

    const read = await call(b, 'GET', '/api/session', { headers: session });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ user: { email: user.email }, csrfToken });
    const write = await call(b, 'POST', '/v1/onboardings/drafts', { headers: { ...session, 'x-csrf-token': csrfToken }, body: { step: 'account', data: {} } });
    expect(write.status, JSON.stringify(write.body)).toBe(201);
    const forged = await call(b, 'POST', '/v1/onboardings/drafts', { headers: session, body: { step: 'account', data: {} } });
    expect(forged.status).toBe(403);

    expect((await call(b, 'DELETE', '/api/session', { headers: { ...session, 'x-csrf-token': csrfToken } })).status).toBeLessThan(300);
    expect((await call(a, 'GET', '/api/session', { headers: session })).status).toBe(401);
  });

  it('a retried onboarding (same MS-RequestId) on A then B makes one customer and gets the same answer, password included; twins at once too', async () => {
    const caller = await newCaller();
    const offer = await createOffer(database.db);
    const submit = (server: Server, body: ReturnType<typeof onboardingBody>, requestId: string) =>
      call(server, 'POST', '/v1/onboardings', { headers: { ...caller.headers, 'MS-RequestId': requestId }, body });
    type Submitted = { customer: { id: string; companyProfile: { domain: string } }; userCredentials: { password: string } };

    const body = onboardingBody([{ offerId: offer.id, quantity: 2 }]);
    const requestId = randomUUID();
    const first = await submit(a, body, requestId);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const again = await submit(b, body, requestId);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    const submitted = first.body as Submitted;
    expect(submitted.userCredentials.password.length).toBeGreaterThan(8);
    expect(await countCustomersWithDomain(database.db, submitted.customer.companyProfile.domain)).toBe(1);

    const twinBody = onboardingBody([{ offerId: offer.id, quantity: 1 }]);
    const twinId = randomUUID();
    const twins = await Promise.all([submit(a, twinBody, twinId), submit(b, twinBody, twinId)]);
    expect(twins.map((twin) => twin.status)).toEqual([201, 201]);
    expect(twins[1]!.body).toEqual(twins[0]!.body);
    expect(await countCustomersWithDomain(database.db, (twins[0]!.body as Submitted).customer.companyProfile.domain)).toBe(1);
  });

  it('a draft saved on A is read and updated on B with If-Match; A then refuses the stale version', async () => {
    const { headers } = await newCaller();
    const created = await call(a, 'POST', '/v1/onboardings/drafts', { headers, body: { step: 'account', data: { companyName: 'Two Servers Ltd' } } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const draft = created.body as { id: string; version: number };
    expect(draft.version).toBe(1);

    const read = await call(b, 'GET', `/v1/onboardings/drafts/${draft.id}`, { headers });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: draft.id, version: 1, data: { companyName: 'Two Servers Ltd' } });
    const updated = await call(b, 'PUT', `/v1/onboardings/drafts/${draft.id}`, { headers: { ...headers, 'if-match': '"1"' }, body: { step: 'subscriptions', data: { companyName: 'Two Servers Group' } } });
    expect(updated.status, JSON.stringify(updated.body)).toBe(200);
    expect(updated.body).toMatchObject({ version: 2, step: 'subscriptions' });

    const stale = await call(a, 'PUT', `/v1/onboardings/drafts/${draft.id}`, { headers: { ...headers, 'if-match': '"1"' }, body: { step: 'account', data: { companyName: 'Lost Update Ltd' } } });
    expect(stale.status).toBe(412);
    expect((await call(a, 'GET', `/v1/onboardings/drafts/${draft.id}`, { headers })).body).toMatchObject({ version: 2, data: { companyName: 'Two Servers Group' } });
  });

  it('a continuation token from A pages on B (and back), each customer once', async () => {
    const { partner, headers } = await newCaller();
    const ids = new Set<string>();
    for (let n = 0; n < 5; n++) ids.add((await createCustomer(database.db, { partnerIds: [partner.id] })).id);

    type Page = { items: { id: string }[]; links: { next?: { uri: string; headers: { key: string; value: string }[] } } };
    const seen: string[] = [];
    let next: { uri: string; token?: string } | undefined = { uri: '/v1/customers?size=2' };
    for (let page = 0; next; page++) {
      const response = await call(page % 2 ? b : a, 'GET', next.uri, { headers: { ...headers, ...(next.token ? { 'MS-ContinuationToken': next.token } : {}) } });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      const body = response.body as Page;
      seen.push(...body.items.map((item) => item.id));
      const link = body.links.next;
      next = link ? { uri: link.uri, token: link.headers.find((header) => header.key === 'MS-ContinuationToken')?.value } : undefined;
      if (next) expect(next.token).toBeDefined();
    }
    expect(seen).toHaveLength(5);
    expect(new Set(seen)).toEqual(ids);
  });

  it('counts the rate limit across both: the limit is the partner’s, not each process’s', async () => {
    const { headers } = await newCaller();
    for (let n = 1; n <= RATE_LIMIT; n++) {
      const response = await call(n % 2 ? a : b, 'GET', '/v1/customers', { headers });
      expect(response.status).toBe(200);
      expect(response.headers.get('ratelimit-remaining')).toBe(String(RATE_LIMIT - n));
    }
    for (const server of [a, b]) {
      const refused = await call(server, 'GET', '/v1/customers', { headers });
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(refused.body).toMatchObject({ code: 429, source: 'Partnerdesk' });
    }
  });
});
